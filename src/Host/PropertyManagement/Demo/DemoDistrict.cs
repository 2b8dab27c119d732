using Workflows.PropertyManagement.Committees;
using Workflows.PropertyManagement.Companies;
using Workflows.PropertyManagement.Compounds;
using Workflows.PropertyManagement.Jurisdictions;

namespace Workflows.Host.PropertyManagement.Demo;

/// <summary>
/// The demo district. District, street offices and 商务社区 are the ones the policy texts name (seed 001 annex 1:
/// the nine street offices of 浉河区; seed 004: 金水区经八路街道 and its 商务社区). The texts name no other
/// communities, compounds or companies: those below are invented for the demo, with example.com addresses and
/// unassigned mobile numbers.
/// </summary>
internal static class DemoDistrict
{
    public sealed record Data(List<Unit> Units, List<PropertyCompany> Companies, List<Committee> Committees, List<Compound> Compounds);

    public static Data Build()
    {
        var units = new List<Unit>();
        var companies = new List<PropertyCompany>();
        var committees = new List<Committee>();
        var compounds = new List<Compound>();

        Unit Add(string id, string name, UnitKind kind, string? parent, string? email = null, string? mobile = null)
        {
            var unit = new Unit(id, name, kind, parent) { Email = email, Mobile = mobile };
            units.Add(unit);
            return unit;
        }

        // 信阳市浉河区 (seed 001): the leading group's office sits in the housing bureau (annex 1).
        Add("shihe", "信阳市浉河区", UnitKind.District, null);
        Add("shihe-zjj", "浉河区住房和城乡建设局", UnitKind.DistrictHousingBureau, "shihe", "shihe-zjj@example.com", "13800000100");
        Add("shihe-lg", "浉河区物业管理工作领导小组", UnitKind.DistrictLeadingGroup, "shihe", "shihe-lg@example.com", "13800000101");
        string[][] shiheStreets =
        [
            ["minquan", "民权街道办事处"], ["hudong", "湖东街道办事处"], ["wuxing", "五星街道办事处"],
            ["laocheng", "老城街道办事处"], ["chezhan", "车站街道办事处"], ["jinniushan", "金牛山街道办事处"],
            ["wulidun", "五里墩街道办事处"], ["nanwan", "南湾街道办事处"], ["xianshan", "贤山街道办事处"],
        ];
        var n = 0;
        foreach (var street in shiheStreets)
        {
            n++;
            Add(street[0], street[1], UnitKind.StreetOffice, "shihe", $"{street[0]}-wyb@example.com", $"138000002{n:00}");
            var prefix = street[1].Replace("办事处", "", StringComparison.Ordinal);
            Add($"{street[0]}-1", $"{prefix}第一社区", UnitKind.Community, street[0], $"{street[0]}-1-sq@example.com", $"138000003{n:00}");
            if (street[0] is "minquan" or "hudong")
                Add($"{street[0]}-2", $"{prefix}第二社区", UnitKind.Community, street[0], $"{street[0]}-2-sq@example.com", $"138000004{n:00}");
        }

        // 郑州市金水区经八路街道 (seed 004): 11 communities, of which the text names 商务社区.
        Add("jinshui", "郑州市金水区", UnitKind.District, null);
        Add("jinshui-zjj", "金水区住房和城乡建设局", UnitKind.DistrictHousingBureau, "jinshui", "jinshui-zjj@example.com", "13800000500");
        Add("jinshui-lg", "金水区物业管理工作领导小组", UnitKind.DistrictLeadingGroup, "jinshui", "jinshui-lg@example.com", "13800000501");
        Add("jingbalu", "经八路街道办事处", UnitKind.StreetOffice, "jinshui", "jingbalu-wyb@example.com", "13800000510");
        Add("shangwu", "商务社区", UnitKind.Community, "jingbalu", "shangwu-sq@example.com", "13800000511");
        Add("jingbalu-2", "经八路街道第二社区", UnitKind.Community, "jingbalu", "jingbalu-2-sq@example.com", "13800000512");

        PropertyCompany Company(string id, string name, string contact, string email, string mobile)
        {
            var company = new PropertyCompany(id, name) { Contacts = [new Contact(contact, email, mobile)] };
            companies.Add(company);
            return company;
        }
        var red = Company("redwuye", "信阳浉河红色物业服务有限公司", "张经理", "redwuye@example.com", "13900000001");
        var minquanWy = Company("minquan-wy", "信阳民权物业管理有限公司", "王经理", "minquan-wy@example.com", "13900000002");
        var nanwanWy = Company("nanwan-wy", "信阳南湾物业服务有限公司", "刘经理", "nanwan-wy@example.com", "13900000003");
        var jblWy = Company("jbl-wy", "郑州经八路物业服务有限公司", "陈经理", "jbl-wy@example.com", "13900000004");
        var jinshuiCs = Company("jinshui-cs", "郑州金水城市服务有限公司", "赵经理", "jinshui-cs@example.com", "13900000005");

        void Compound(string id, string name, string district, string street, string community, decimal area, int households,
            PropertyCompany? company, CommitteeKind? committeeKind = null, DateOnly? termEnd = null)
        {
            units.Add(new Unit(id, name, UnitKind.Compound, community));
            string? committeeId = null;
            if (committeeKind is { } kind)
            {
                committeeId = id + "-ywh";
                var title = kind == CommitteeKind.OwnersCommittee ? "业主委员会" : "物业管理委员会";
                committees.Add(new Committee(committeeId, id, kind, name + title)
                {
                    TermStart = termEnd?.AddYears(-5),
                    TermEnd = termEnd,
                    Members = ["李建国（主任）", "王秀英", "张伟", "刘洋", "陈静"],
                    Contact = new Contact("李建国", $"{id}-ywh@example.com", $"1370000{compounds.Count + 1:0000}"),
                });
            }
            compounds.Add(new Compound(id, name, district, street, community)
            {
                FloorArea = area, Households = households, CompanyId = company?.Id, CommitteeId = committeeId,
            });
        }

        Compound("minquan-garden", "民权花园", "shihe", "minquan", "minquan-1", 86_400m, 820, red, CommitteeKind.OwnersCommittee, new DateOnly(2028, 6, 30));
        Compound("minquan-jiayuan", "民权佳苑", "shihe", "minquan", "minquan-2", 52_300m, 486, minquanWy);
        Compound("hudong-mingyuan", "湖东名苑", "shihe", "hudong", "hudong-1", 64_800m, 596, red, CommitteeKind.OwnersCommittee, new DateOnly(2026, 12, 31));
        Compound("hudong-xinju", "湖东新居", "shihe", "hudong", "hudong-2", 38_900m, 352, minquanWy, CommitteeKind.OwnersCommittee, new DateOnly(2029, 3, 31));
        Compound("wuxing-xincun", "五星新村", "shihe", "wuxing", "wuxing-1", 41_200m, 410, nanwanWy, CommitteeKind.PropertyManagementCommittee, new DateOnly(2027, 3, 31));
        Compound("laocheng-louyuan", "老城楼院", "shihe", "laocheng", "laocheng-1", 12_600m, 128, null);
        Compound("nanwan-yaju", "南湾雅居", "shihe", "nanwan", "nanwan-1", 97_500m, 912, nanwanWy);
        Compound("xianshan-yuan", "贤山苑", "shihe", "xianshan", "xianshan-1", 45_800m, 430, minquanWy, CommitteeKind.OwnersCommittee, new DateOnly(2029, 9, 30));
        Compound("jingbalu-2hao", "经八路2号院", "jinshui", "jingbalu", "shangwu", 18_300m, 204, jblWy, CommitteeKind.OwnersCommittee, new DateOnly(2027, 8, 31));
        Compound("weiyi-louyuan", "纬一路楼院", "jinshui", "jingbalu", "shangwu", 9_800m, 112, null);
        Compound("jingsan-louyuan", "经三路楼院", "jinshui", "jingbalu", "jingbalu-2", 15_400m, 168, jinshuiCs);
        Compound("jingbalu-nanyuan", "经八路南院", "jinshui", "jingbalu", "jingbalu-2", 23_700m, 256, jblWy, CommitteeKind.OwnersCommittee, new DateOnly(2028, 12, 31));

        return new Data(units, companies, committees, compounds);
    }
}
