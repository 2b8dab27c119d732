using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;

namespace Workflows.Host.ElsaApi;

/// <summary>
/// Activity executions of an instance: the viewer's node badges (report), the list behind a clicked node,
/// one record's details, and its call stack.
/// </summary>
internal static class ActivityExecutionEndpoints
{
    /// <summary>Call-stack page size when none is given, and the most one request returns.</summary>
    public const int DefaultCallStackTake = 100;
    public const int MaxCallStackTake = 1000;

    public sealed record ReportRequest(string? WorkflowInstanceId, List<string>? ActivityNodeIds);

    public static RouteGroupBuilder MapActivityExecutionEndpoints(this RouteGroupBuilder elsa)
    {
        elsa.MapGet("/activity-executions/list", async (HttpRequest request, WorkflowsDbContext db, CancellationToken ct) =>
        {
            var (rows, error) = await ListAsync(request, db, ct);
            return error ?? ElsaShapes.Ok(new ListResult<ActivityExecutionModel>(rows!.Select(InstanceShapes.Execution).ToList()));
        });
        elsa.MapGet("/activity-execution-summaries/list", async (HttpRequest request, WorkflowsDbContext db, CancellationToken ct) =>
        {
            var (rows, error) = await ListAsync(request, db, ct);
            return error ?? ElsaShapes.Ok(new ListResult<ActivityExecutionSummaryModel>(rows!.Select(InstanceShapes.ExecutionSummary).ToList()));
        });
        elsa.MapGet("/activity-executions/count", async (HttpRequest request, WorkflowsDbContext db, CancellationToken ct) =>
        {
            var query = new ElsaRequest(request);
            var instanceId = query.Text("WorkflowInstanceId");
            var activityId = query.Text("ActivityId");
            var completed = query.Bool("Completed");
            if (!query.IsValid) return query.Invalid();
            var rows = db.ActivityExecutions.AsNoTracking();
            if (!string.IsNullOrEmpty(instanceId)) rows = rows.Where(r => r.InstanceId == instanceId);
            if (!string.IsNullOrEmpty(activityId)) rows = rows.Where(r => r.ActivityId == activityId);
            if (completed is { } done) rows = done ? rows.Where(r => r.CompletedAt != null) : rows.Where(r => r.CompletedAt == null);
            return ElsaShapes.Ok(new { count = await rows.LongCountAsync(ct) });
        });
        elsa.MapGet("/activity-executions/by-id", (HttpRequest request, WorkflowsDbContext db, CancellationToken ct) =>
            ByIdAsync(new ElsaRequest(request).Text("id"), db, ct));
        elsa.MapPost("/activity-executions/report", ReportAsync);
        elsa.MapGet("/activity-executions/{id}/call-stack", CallStackAsync);
        elsa.MapGet("/activity-executions/{id}", (string id, WorkflowsDbContext db, CancellationToken ct) => ByIdAsync(id, db, ct));
        return elsa;
    }

    /// <summary>Records of one instance (and node), oldest first.</summary>
    private static async Task<(List<ActivityExecutionRow>? Rows, IResult? Error)> ListAsync(HttpRequest request, WorkflowsDbContext db, CancellationToken ct)
    {
        var query = new ElsaRequest(request);
        var instanceId = query.Text("WorkflowInstanceId");
        var nodeId = query.Text("ActivityNodeId");
        var completed = query.Bool("Completed");
        if (string.IsNullOrEmpty(instanceId)) query.AddError("WorkflowInstanceId", "Give the workflow instance id.");
        if (!query.IsValid) return (null, query.Invalid());
        var rows = db.ActivityExecutions.AsNoTracking().Where(r => r.InstanceId == instanceId);
        if (!string.IsNullOrEmpty(nodeId)) rows = rows.Where(r => r.ActivityNodeId == nodeId);
        if (completed is { } done) rows = done ? rows.Where(r => r.CompletedAt != null) : rows.Where(r => r.CompletedAt == null);
        return (await rows.OrderBy(r => r.StartedAt).ThenBy(r => r.Id).ToListAsync(ct), null);
    }

    private static async Task<IResult> ByIdAsync(string? id, WorkflowsDbContext db, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(id)) return ElsaErrors.BadRequest("id", "Give the activity execution id.");
        var row = await db.ActivityExecutions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        return row is null ? NotFound(id) : ElsaShapes.Ok(InstanceShapes.Execution(row));
    }

    /// <summary>
    /// One line per node: started, completed and uncompleted counts; blocked when an execution waits on a
    /// bookmark, faulted when one failed. Studio colours the nodes from this.
    /// </summary>
    private static async Task<IResult> ReportAsync(HttpRequest request, WorkflowsDbContext db, CancellationToken ct)
    {
        var reader = new ElsaRequest(request);
        var body = await reader.BodyAsync<ReportRequest>(ct);
        if (!reader.IsValid) return reader.Invalid();
        if (string.IsNullOrEmpty(body?.WorkflowInstanceId)) return ElsaErrors.BadRequest("workflowInstanceId", "Give the workflow instance id.");
        var rows = db.ActivityExecutions.AsNoTracking().Where(r => r.InstanceId == body.WorkflowInstanceId);
        if (body.ActivityNodeIds is { } nodeIds) rows = rows.Where(r => nodeIds.Contains(r.ActivityNodeId));
        var records = await rows.OrderBy(r => r.StartedAt).ThenBy(r => r.Id).ToListAsync(ct);
        var stats = records.GroupBy(r => r.ActivityNodeId).Select(g => new ActivityStats(
            g.First().ActivityId, g.Key, g.Count(), g.Count(r => r.CompletedAt != null), g.Count(r => r.CompletedAt == null),
            g.Any(r => r.HasBookmarks), g.Any(r => InstanceShapes.FaultCount(r) > 0), g.Sum(InstanceShapes.FaultCount))).ToList();
        return ElsaShapes.Ok(new { stats });
    }

    /// <summary>
    /// The chain from the root to this execution. Flowcharts schedule their children, so the chain is the
    /// executions of the enclosing containers (by nodeId prefix), each the latest one started before it.
    /// </summary>
    private static async Task<IResult> CallStackAsync(string id, HttpRequest request, WorkflowsDbContext db, CancellationToken ct)
    {
        var query = new ElsaRequest(request);
        var skip = query.Int("skip", min: 0) ?? 0;
        var take = query.Int("take") is { } t and > 0 ? Math.Min(t, MaxCallStackTake) : DefaultCallStackTake;
        query.Bool("includeCrossWorkflowChain");
        if (!query.IsValid) return query.Invalid();
        var row = await db.ActivityExecutions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (row is null) return NotFound(id);
        var segments = row.ActivityNodeId.Split(':');
        var ancestors = Enumerable.Range(2, Math.Max(0, segments.Length - 2)).Select(n => string.Join(':', segments.Take(n))).ToList();
        var candidates = await db.ActivityExecutions.AsNoTracking()
            .Where(r => r.InstanceId == row.InstanceId && ancestors.Contains(r.ActivityNodeId)).ToListAsync(ct);
        var chain = ancestors
            .Select(nodeId => candidates.Where(c => c.ActivityNodeId == nodeId && c.StartedAt <= row.StartedAt).MaxBy(c => c.StartedAt))
            .OfType<ActivityExecutionRow>().Append(row).ToList();
        var items = chain.Skip(skip).Take(take).Select(InstanceShapes.Execution).ToList();
        return ElsaShapes.Ok(new { activityExecutionId = id, items, totalCount = (long)chain.Count });
    }

    private static IResult NotFound(string id) => ElsaErrors.NotFound("id", $"No activity execution '{id}'.");
}

internal sealed record ActivityStats(
    string ActivityId,
    string ActivityNodeId,
    long StartedCount,
    long CompletedCount,
    long UncompletedCount,
    bool IsBlocked,
    bool IsFaulted,
    int AggregateFaultCount)
{
    public System.Text.Json.Nodes.JsonObject Metadata => [];
}
