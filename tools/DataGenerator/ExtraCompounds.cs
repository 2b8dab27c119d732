using Workflows.PropertyManagement.Committees;
using Workflows.PropertyManagement.Companies;
using Workflows.PropertyManagement.Compounds;
using Workflows.PropertyManagement.Jurisdictions;

namespace Workflows.Tools.DataGenerator;

/// <summary>
/// More compounds in the demo district's communities (a city has thousands), each a unit under its community like
/// the demo's own, most with a property company, some with an owners' or property management committee. Ids carry the
/// seed, so a second run with another seed adds to the first.
/// </summary>
internal static class ExtraCompounds
{
    private static readonly string[] Names = ["花园", "佳苑", "新村", "名苑", "雅居", "家园", "公寓", "小区", "华府", "嘉园"];

    public static (List<Unit> Units, List<Compound> Compounds, List<Committee> Committees) Create(int count, int seed, Random random, IReadOnlyList<Unit> communities,
        IReadOnlyDictionary<string, Unit> units, IReadOnlyList<PropertyCompany> companies)
    {
        var newUnits = new List<Unit>();
        var compounds = new List<Compound>();
        var committees = new List<Committee>();
        for (var i = 0; i < count; i++)
        {
            var community = communities[i % communities.Count];
            var street = units[community.ParentId!];
            var id = $"gen{seed}-{community.Id}-{i + 1:00000}";
            var name = $"{street.Name.Replace("街道办事处", "", StringComparison.Ordinal)}{Names[random.Next(Names.Length)]}{i + 1}号院";
            newUnits.Add(new Unit(id, name, UnitKind.Compound, community.Id));
            string? committeeId = null;
            var draw = random.NextDouble();
            if (draw < 0.5)
            {
                var kind = draw < 0.4 ? CommitteeKind.OwnersCommittee : CommitteeKind.PropertyManagementCommittee;
                committeeId = id + "-ywh";
                committees.Add(new Committee(committeeId, id, kind, name + (kind == CommitteeKind.OwnersCommittee ? "业主委员会" : "物业管理委员会"))
                {
                    Contact = new Contact("主任", $"{id}-ywh@example.com", $"137{random.Next(10_000_000, 99_999_999)}"),
                });
            }
            compounds.Add(new Compound(id, name, street.ParentId!, street.Id, community.Id)
            {
                FloorArea = Math.Round((decimal)(8_000 + random.NextDouble() * 90_000), 2),
                Households = 80 + random.Next(900),
                CompanyId = random.NextDouble() < 0.8 && companies.Count > 0 ? companies[random.Next(companies.Count)].Id : null,
                CommitteeId = committeeId,
            });
        }
        return (newUnits, compounds, committees);
    }
}
