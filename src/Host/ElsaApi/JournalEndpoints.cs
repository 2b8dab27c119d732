using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;

namespace Workflows.Host.ElsaApi;

/// <summary>
/// An instance's journal, ordered by sequence. A filter list that is given (even empty) restricts, as in
/// Elsa; the viewer sends the nodeIds of the root's children and excludes the containers.
/// </summary>
internal static class JournalEndpoints
{
    /// <summary>Elsa's page when the caller gives neither page/pageSize nor skip/take.</summary>
    public const int DefaultTake = 100;

    public sealed record JournalFilter(List<string>? ActivityIds, List<string>? ActivityNodeIds, List<string>? ExcludedActivityTypes, List<string>? EventNames);

    public sealed record JournalRequest(JournalFilter? Filter, int? Page, int? PageSize, int? Skip, int? Take);

    public static RouteGroupBuilder MapJournalEndpoints(this RouteGroupBuilder elsa)
    {
        elsa.MapGet("/workflow-instances/{id}/journal", (string id, HttpRequest request, WorkflowsDbContext db, CancellationToken ct) =>
            JournalAsync(id, request, null, db, ct));
        elsa.MapPost("/workflow-instances/{id}/journal", async (string id, HttpRequest request, WorkflowsDbContext db, CancellationToken ct) =>
        {
            var reader = new ElsaRequest(request);
            var body = await reader.BodyAsync<JournalRequest>(ct);
            return reader.IsValid ? await JournalAsync(id, request, body, db, ct) : reader.Invalid();
        });
        // Elsa's "last entry of an activity": the latest Started, Completed or Faulted line.
        elsa.MapGet("/workflow-instances/{id}/journal/{activityId}", async (string id, string activityId, WorkflowsDbContext db, CancellationToken ct) =>
        {
            string[] events = ["Started", "Completed", "Faulted"];
            var row = await db.Journal.AsNoTracking().Where(j => j.InstanceId == id && j.ActivityId == activityId && events.Contains(j.EventName))
                .OrderByDescending(j => j.Sequence).FirstOrDefaultAsync(ct);
            return row is null
                ? ElsaErrors.NotFound("activityId", $"Instance '{id}' has no journal entry for activity '{activityId}'.")
                : ElsaShapes.Ok(InstanceShapes.Journal(row));
        });
        return elsa;
    }

    /// <summary>Paging from the query (skip/take, page/pageSize) or the body; the body's values win.</summary>
    private static async Task<IResult> JournalAsync(string id, HttpRequest request, JournalRequest? body, WorkflowsDbContext db, CancellationToken ct)
    {
        var query = new ElsaRequest(request);
        var paging = Paging.From(body?.Page ?? query.Int("page", min: 0), body?.PageSize ?? query.Int("pageSize", min: 1),
            body?.Skip ?? query.Int("skip", min: 0), body?.Take ?? query.Int("take", min: 0), DefaultTake);
        if (!query.IsValid) return query.Invalid();
        if (!await db.Instances.AnyAsync(i => i.Id == id, ct)) return InstanceEndpoints.InstanceNotFound(id);

        var rows = db.Journal.AsNoTracking().Where(j => j.InstanceId == id);
        if (body?.Filter is { } filter)
        {
            if (filter.ActivityIds is { } activityIds) rows = rows.Where(j => activityIds.Contains(j.ActivityId));
            if (filter.ActivityNodeIds is { } nodeIds) rows = rows.Where(j => nodeIds.Contains(j.NodeId));
            if (filter.ExcludedActivityTypes is { } excluded) rows = rows.Where(j => !excluded.Contains(j.ActivityType));
            if (filter.EventNames is { } eventNames) rows = rows.Where(j => eventNames.Contains(j.EventName));
        }
        var total = await rows.LongCountAsync(ct);
        var page = await paging.Apply(rows.OrderBy(j => j.Sequence)).ToListAsync(ct);
        return ElsaShapes.Ok(new PagedResult<JournalRecordModel>(page.Select(InstanceShapes.Journal).ToList(), total));
    }
}
