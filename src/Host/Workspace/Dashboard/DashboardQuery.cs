using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;
using Workflows.Host.Workspace.Officers;
using Workflows.PropertyManagement.Calendar;
using Workflows.PropertyManagement.Cases;
using Workflows.PropertyManagement.Committees;
using Workflows.PropertyManagement.Companies;
using Workflows.PropertyManagement.Compounds;
using Workflows.PropertyManagement.Filings;
using Workflows.PropertyManagement.Jurisdictions;
using Workflows.PropertyManagement.Tasks;

namespace Workflows.Host.Workspace.Dashboard;

/// <summary>Overdue open tasks and open filings of one street office or community, with links to the cases.</summary>
public sealed record OverdueCounts(string UnitId, string UnitName, string? StreetId, int OverdueTasks, int OverdueFilings, IReadOnlyList<string> CaseIds);

/// <summary>
/// Coverage of one street's compounds: owners' committees (业委会), property management committees (物管会), either
/// of the two, and property companies; rates against <see cref="Target"/>.
/// </summary>
public sealed record StreetCoverage(string StreetId, string StreetName, int Compounds, int OwnersCommittees, int ManagementCommittees, int WithCompany,
    decimal OwnersCommitteeRate, decimal CommitteeRate, decimal PropertyManagementRate, bool CommitteeRateMeetsTarget, bool PropertyManagementRateMeetsTarget);

/// <summary>The latest P8 review of a compound: score, stars, and the company serving it then.</summary>
public sealed record StarRatingView(string CompoundId, string CompoundName, string? CompanyName, string StreetName, int Year, decimal Score, bool Disqualified, int Stars, string CaseId);

public sealed record DashboardView(string Today, CoverageTarget Target, IReadOnlyList<OverdueCounts> Streets, IReadOnlyList<OverdueCounts> Communities,
    IReadOnlyList<StreetCoverage> Coverage, IReadOnlyList<StarRatingView> StarRatings);

/// <summary>
/// The supervision numbers within the caller's reach (a street office: its street; the district: all its streets).
/// Overdue means the due date (China) has passed, or the deadline timer has already marked it, while it is still open.
/// </summary>
internal sealed class DashboardQuery(WorkflowsDbContext db, ICurrentOfficer officer, IJurisdiction jurisdiction, TimeProvider clock)
{
    /// <summary>How many case ids a unit's row links to (its counts stay exact).</summary>
    public const int CaseLinksPerUnit = 20;

    /// <summary>
    /// Six SQL commands whatever the number of cases: the overdue tasks and the overdue filings (only what is overdue
    /// now, with its compound's street and community joined), the coverage aggregated per street, the compounds'
    /// and companies' names for the ratings, and the latest P8 review per compound.
    /// </summary>
    public async Task<DashboardView> GetAsync(CancellationToken ct)
    {
        var today = ChinaTime.ToLocalDate(clock.GetUtcNow());
        var reach = await officer.ReachAsync(ct);
        var visible = reach.All ? null : reach.RootUnitId is { } root ? await jurisdiction.SubtreeAsync(root, ct) : new HashSet<string>();
        var units = (await jurisdiction.UnitsAsync(ct)).Where(u => visible is null || visible.Contains(u.Id)).ToList();
        bool Visible(string compoundId) => visible is null || visible.Contains(compoundId);

        var overdueTasks = (await (from t in db.Set<OfficerTask>().AsNoTracking()
                                   where (t.Status == OfficerTaskStatus.Open || t.Status == OfficerTaskStatus.Claimed) && (t.OverdueAt != null || t.DueDate < today)
                                   join c in db.Set<Case>() on t.CaseId equals c.Id
                                   join p in db.Set<Compound>() on c.CompoundId equals p.Id
                                   select new Overdue(c.Id, p.Id, p.StreetOfficeId, p.CommunityId)).ToListAsync(ct))
            .Where(o => Visible(o.CompoundId)).ToList();
        var overdueFilings = (await (from f in db.Set<Filing>().AsNoTracking()
                                     where f.Status == FilingStatus.Overdue || (f.Status == FilingStatus.Pending && f.DueDate < today)
                                     join c in db.Set<Case>() on f.CaseId equals c.Id
                                     join p in db.Set<Compound>() on c.CompoundId equals p.Id
                                     select new Overdue(c.Id, p.Id, p.StreetOfficeId, p.CommunityId)).ToListAsync(ct))
            .Where(o => Visible(o.CompoundId)).ToList();

        OverdueCounts Count(JurisdictionUnit unit, Func<Overdue, bool> inUnit) => new(unit.Id, unit.Name, unit.Kind == UnitKind.Community ? unit.ParentId : null,
            overdueTasks.Count(inUnit), overdueFilings.Count(inUnit),
            [.. overdueTasks.Concat(overdueFilings).Where(inUnit).Select(o => o.CaseId).Distinct().Order(StringComparer.Ordinal).Take(CaseLinksPerUnit)]);

        var streets = units.Where(u => u.Kind == UnitKind.StreetOffice).ToList();
        var communities = units.Where(u => u.Kind == UnitKind.Community).ToList();
        var target = CoverageTargets.For(today.Year);
        var streetIds = streets.Select(s => s.Id).ToList();
        var counts = await (from p in db.Set<Compound>().AsNoTracking()
                            where streetIds.Contains(p.StreetOfficeId)
                            join m in db.Set<Committee>() on p.CommitteeId equals m.Id into committees
                            from m in committees.DefaultIfEmpty()
                            group new { p, m } by p.StreetOfficeId into g
                            select new
                            {
                                Street = g.Key,
                                Compounds = g.Count(),
                                Owners = g.Count(x => x.m != null && x.m.Kind == CommitteeKind.OwnersCommittee),
                                Management = g.Count(x => x.m != null && x.m.Kind == CommitteeKind.PropertyManagementCommittee),
                                WithCompany = g.Count(x => x.p.CompanyId != null),
                            }).ToDictionaryAsync(x => x.Street, ct);
        var coverage = streets.Select(s =>
        {
            var (total, owners, management, withCompany) = counts.TryGetValue(s.Id, out var c) ? (c.Compounds, c.Owners, c.Management, c.WithCompany) : (0, 0, 0, 0);
            decimal Rate(int n) => total == 0 ? 0 : Math.Round((decimal)n / total, 4);
            return new StreetCoverage(s.Id, s.Name, total, owners, management, withCompany, Rate(owners), Rate(owners + management), Rate(withCompany),
                Rate(owners + management) >= target.Rate, Rate(withCompany) >= target.Rate);
        }).ToList();

        return new DashboardView(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), target,
            [.. streets.Select(s => Count(s, o => o.StreetId == s.Id))],
            [.. communities.Select(u => Count(u, o => o.CommunityId == u.Id))],
            coverage,
            await StarRatingsAsync(Visible, units, ct));
    }

    private sealed record Overdue(string CaseId, string CompoundId, string StreetId, string CommunityId);

    /// <summary>
    /// P8: the district's review task of a star-rating case carries the score (and the disqualification) in its form;
    /// the latest review with a score of each compound counts, picked by the database (one row per compound, not every review).
    /// </summary>
    private async Task<IReadOnlyList<StarRatingView>> StarRatingsAsync(Func<string, bool> visible, List<JurisdictionUnit> units, CancellationToken ct)
    {
        var reviews = from t in db.Set<OfficerTask>().AsNoTracking()
                      where t.Status == OfficerTaskStatus.Done && t.FormJson != null && t.FormJson.Contains("\"score\"")
                      join c in db.Set<Case>() on t.CaseId equals c.Id
                      where c.Procedure == ProcedureCatalog.StarRating
                      select new { c.CompoundId, CaseId = c.Id, c.InputJson, t.FormJson, t.CompletedAt };
        var latest = await reviews.GroupBy(r => r.CompoundId).Select(g => g.OrderByDescending(r => r.CompletedAt).First()).ToListAsync(ct);
        latest = [.. latest.Where(r => visible(r.CompoundId))];
        if (latest.Count == 0) return [];
        var compoundIds = latest.Select(r => r.CompoundId).ToList();
        var compounds = await db.Set<Compound>().AsNoTracking().Where(c => compoundIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var companyIds = compounds.Values.Where(c => c.CompanyId != null).Select(c => c.CompanyId!).Distinct().ToList();
        var companies = await db.Set<PropertyCompany>().AsNoTracking().Where(c => companyIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var names = units.ToDictionary(u => u.Id, u => u.Name);
        var ratings = new List<StarRatingView>();
        foreach (var review in latest.OrderByDescending(r => r.CompletedAt))
        {
            if (JsonNode.Parse(review.FormJson!) is not JsonObject form || form["score"] is not JsonValue scoreValue || !scoreValue.TryGetValue(out decimal score)) continue;
            if (!compounds.TryGetValue(review.CompoundId, out var compound)) continue;
            var disqualified = form["disqualified"] is JsonValue d && d.TryGetValue(out bool flag) && flag;
            ratings.Add(new StarRatingView(compound.Id, compound.Name, compound.CompanyId is { } id ? companies.GetValueOrDefault(id) : null,
                names.GetValueOrDefault(compound.StreetOfficeId, compound.StreetOfficeId),
                RatedYear(review.InputJson) ?? ChinaTime.ToLocalDate(review.CompletedAt!.Value).Year,
                score, disqualified, StarRatings.Stars(score, disqualified), review.CaseId));
        }
        return ratings;
    }

    /// <summary>The year the case rates (its start input <c>year</c>), which is not always the year the review was done.</summary>
    private static int? RatedYear(string? inputJson) =>
        inputJson is not null && JsonNode.Parse(inputJson) is JsonObject input && input["year"] is JsonValue value
        && (value.TryGetValue(out int year) || (value.TryGetValue(out string? text) && int.TryParse(text, CultureInfo.InvariantCulture, out year)))
            ? year
            : null;
}
