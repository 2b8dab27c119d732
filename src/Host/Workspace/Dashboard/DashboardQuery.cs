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
    public async Task<DashboardView> GetAsync(CancellationToken ct)
    {
        var today = ChinaTime.ToLocalDate(clock.GetUtcNow());
        var reach = await officer.ReachAsync(ct);
        var visible = reach.All ? null : reach.RootUnitId is { } root ? await jurisdiction.SubtreeAsync(root, ct) : new HashSet<string>();
        var units = (await jurisdiction.UnitsAsync(ct)).Where(u => visible is null || visible.Contains(u.Id)).ToList();
        var compounds = (await db.Set<Compound>().AsNoTracking().ToListAsync(ct)).Where(c => visible is null || visible.Contains(c.Id)).ToDictionary(c => c.Id);
        var cases = (await db.Set<Case>().AsNoTracking().Select(c => new { c.Id, c.CompoundId, c.Procedure }).ToListAsync(ct))
            .Where(c => compounds.ContainsKey(c.CompoundId)).ToDictionary(c => c.Id);

        var caseIds = cases.Keys.ToList();
        var overdueTaskCases = (await db.Set<OfficerTask>().AsNoTracking()
                .Where(t => (t.Status == OfficerTaskStatus.Open || t.Status == OfficerTaskStatus.Claimed) && (t.OverdueAt != null || t.DueDate < today))
                .Select(t => t.CaseId).ToListAsync(ct))
            .Where(cases.ContainsKey).ToList();
        var overdueTasks = overdueTaskCases.Select(id => compounds[cases[id].CompoundId]).ToList();
        var overdueFilingRows = (await db.Set<Filing>().AsNoTracking()
                .Where(f => f.Status == FilingStatus.Overdue || (f.Status == FilingStatus.Pending && f.DueDate < today))
                .Select(f => f.CaseId).ToListAsync(ct))
            .Where(cases.ContainsKey).ToList();
        var overdueFilings = overdueFilingRows.Select(id => compounds[cases[id].CompoundId]).ToList();

        OverdueCounts Count(JurisdictionUnit unit, Func<Compound, bool> inUnit) => new(unit.Id, unit.Name, unit.Kind == UnitKind.Community ? unit.ParentId : null,
            overdueTasks.Count(inUnit), overdueFilings.Count(inUnit),
            [.. overdueTaskCases.Concat(overdueFilingRows).Where(id => inUnit(compounds[cases[id].CompoundId])).Distinct().Order(StringComparer.Ordinal)]);

        var streets = units.Where(u => u.Kind == UnitKind.StreetOffice).ToList();
        var communities = units.Where(u => u.Kind == UnitKind.Community).ToList();
        var target = CoverageTargets.For(today.Year);
        var committees = await db.Set<Committee>().AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Kind, ct);
        var coverage = streets.Select(s =>
        {
            var mine = compounds.Values.Where(c => c.StreetOfficeId == s.Id).ToList();
            CommitteeKind? Kind(Compound c) => c.CommitteeId is { } id && committees.TryGetValue(id, out var kind) ? kind : null;
            var owners = mine.Count(c => Kind(c) == CommitteeKind.OwnersCommittee);
            var management = mine.Count(c => Kind(c) == CommitteeKind.PropertyManagementCommittee);
            var withCompany = mine.Count(c => c.CompanyId is not null);
            decimal Rate(int n) => mine.Count == 0 ? 0 : Math.Round((decimal)n / mine.Count, 4);
            return new StreetCoverage(s.Id, s.Name, mine.Count, owners, management, withCompany, Rate(owners), Rate(owners + management), Rate(withCompany),
                Rate(owners + management) >= target.Rate, Rate(withCompany) >= target.Rate);
        }).ToList();

        return new DashboardView(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), target,
            [.. streets.Select(s => Count(s, c => c.StreetOfficeId == s.Id))],
            [.. communities.Select(u => Count(u, c => c.CommunityId == u.Id))],
            coverage,
            await StarRatingsAsync(compounds, cases.Where(c => c.Value.Procedure == ProcedureCatalog.StarRating).Select(c => c.Key).ToList(), units, ct));
    }

    /// <summary>P8: the district's review task of a star-rating case carries the score (and the disqualification) in its form.</summary>
    private async Task<IReadOnlyList<StarRatingView>> StarRatingsAsync(Dictionary<string, Compound> compounds, List<string> ratingCases,
        List<JurisdictionUnit> units, CancellationToken ct)
    {
        if (ratingCases.Count == 0) return [];
        var reviews = await db.Set<OfficerTask>().AsNoTracking()
            .Where(t => ratingCases.Contains(t.CaseId) && t.Status == OfficerTaskStatus.Done && t.FormJson != null)
            .Select(t => new { t.CaseId, t.CompoundId, t.FormJson, t.CompletedAt }).ToListAsync(ct);
        var companies = await db.Set<PropertyCompany>().AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var ratedCases = await db.Set<Case>().AsNoTracking().Where(c => ratingCases.Contains(c.Id))
            .Select(c => new { c.Id, c.CompoundId, c.InputJson }).ToDictionaryAsync(c => c.Id, ct);
        var names = units.ToDictionary(u => u.Id, u => u.Name);
        var ratings = new List<StarRatingView>();
        foreach (var review in reviews.OrderByDescending(r => r.CompletedAt))
        {
            if (JsonNode.Parse(review.FormJson!) is not JsonObject form || form["score"] is not JsonValue scoreValue || !scoreValue.TryGetValue(out decimal score)) continue;
            var rated = ratedCases[review.CaseId];
            var compoundId = rated.CompoundId;
            if (ratings.Any(r => r.CompoundId == compoundId) || !compounds.TryGetValue(compoundId, out var compound)) continue;
            var disqualified = form["disqualified"] is JsonValue d && d.TryGetValue(out bool flag) && flag;
            ratings.Add(new StarRatingView(compoundId, compound.Name, compound.CompanyId is { } id ? companies.GetValueOrDefault(id) : null,
                names.GetValueOrDefault(compound.StreetOfficeId, compound.StreetOfficeId), RatedYear(rated.InputJson) ?? ChinaTime.ToLocalDate(review.CompletedAt!.Value).Year,
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
