using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Workflows.Runtime.Activities;
using Workflows.Runtime.Definitions;
using Workflows.Runtime.Execution;
using Workflows.Runtime.Persistence;

namespace Workflows.Runtime.Engine;

/// <summary>
/// Starts and resumes persisted instances: load, run until every branch blocks, save in one transaction,
/// then tell the observers (timers, outbox). The entry point the host and the domain use.
/// </summary>
public sealed class WorkflowRuntime(
    IWorkflowDefinitionStore definitions,
    IWorkflowInstanceStore instances,
    WorkflowRunner runner,
    ActivityRegistry registry,
    WorkflowGraphCache graphs,
    IEnumerable<IRunCommittedObserver> observers,
    ILogger<WorkflowRuntime> logger)
{
    /// <summary>How often a resume is retried when another burst saved the same instance first.</summary>
    public const int MaxConflictRetries = 5;

    public async Task<RunResult> StartAsync(string definitionId, StartOptions options, VersionSelector? selector = null, CancellationToken ct = default)
    {
        var pick = selector ?? VersionSelector.Published;
        var published = pick == VersionSelector.Published;
        if (published && graphs.TryGetPublished(definitionId, out var cached))
            return await StartAsync(cached, options, ct);
        var generation = graphs.Generation;
        var versionId = await definitions.FindVersionIdAsync(definitionId, pick, ct)
                        ?? throw new DefinitionNotFoundException(definitionId, pick);
        return await StartAsync(await GraphAsync(versionId, generation, published, ct), options, ct);
    }

    public Task<RunResult> StartAsync(WorkflowDefinition definition, StartOptions options, CancellationToken ct = default) =>
        StartAsync(Graph(definition), options, ct);

    private async Task<RunResult> StartAsync(WorkflowGraph graph, StartOptions options, CancellationToken ct)
    {
        var definition = graph.Definition;
        var instanceId = options.InstanceId ?? Ids.New();
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["WorkflowInstanceId"] = instanceId, ["DefinitionId"] = definition.DefinitionId });
        var result = await runner.StartAsync(graph, options with { InstanceId = instanceId });
        await SaveAsync(result, ct);
        logger.LogInformation("Started instance {WorkflowInstanceId} of {DefinitionId} v{Version}: {Status}/{SubStatus}",
            instanceId, definition.DefinitionId, definition.Version, result.State.Status, result.State.SubStatus);
        return result;
    }

    /// <summary>
    /// Resumes a bookmark with input. When another operation changed the instance at the same moment the
    /// resume is retried on the fresh state; if that operation consumed the bookmark,
    /// <see cref="BookmarkNotFoundException"/> tells the caller cleanly.
    /// </summary>
    public async Task<RunResult> ResumeAsync(string instanceId, string bookmarkId, JsonNode? input = null, CancellationToken ct = default)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["WorkflowInstanceId"] = instanceId, ["BookmarkId"] = bookmarkId });
        for (var attempt = 1; ; attempt++)
        {
            var stored = await instances.FindAsync(instanceId, ct) ?? throw new InstanceNotFoundException(instanceId);
            var graph = await GraphAsync(stored.State.DefinitionVersionId, ct);
            var result = await runner.ResumeAsync(graph, stored.State, stored.Revision, bookmarkId, input);
            try
            {
                await SaveAsync(result, ct);
                logger.LogInformation("Resumed bookmark {BookmarkId} of {WorkflowInstanceId}: {Status}/{SubStatus}",
                    bookmarkId, instanceId, result.State.Status, result.State.SubStatus);
                return result;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxConflictRetries)
            {
                logger.LogInformation("Instance {WorkflowInstanceId} changed concurrently; retrying resume (attempt {Attempt})", instanceId, attempt);
            }
        }
    }

    /// <summary>Resumes every instance waiting for this event; returns how many were resumed.</summary>
    public Task<int> PublishEventAsync(string eventName, JsonNode? payload, CancellationToken ct = default) =>
        PublishEventAsync(eventName, payload, EventScope.All, ct);

    /// <summary>Resumes the instances in <paramref name="scope"/> waiting for this event; returns how many were resumed.</summary>
    public async Task<int> PublishEventAsync(string eventName, JsonNode? payload, EventScope scope, CancellationToken ct = default)
    {
        var waiting = await instances.FindBookmarksAsync(Activities.BuiltIn.Event.HashOf(eventName), ct);
        var resumed = 0;
        foreach (var reference in waiting)
        {
            if (scope.WorkflowInstanceId is { } only && reference.InstanceId != only) continue;
            if (scope.CorrelationId is { } correlationId
                && (await instances.FindAsync(reference.InstanceId, ct))?.State.CorrelationId != correlationId) continue;
            try
            {
                await ResumeAsync(reference.InstanceId, reference.BookmarkId, payload, ct);
                resumed++;
            }
            catch (BookmarkNotFoundException)
            {
                // Another delivery of the same event got there first.
            }
        }
        return resumed;
    }

    public async Task<RunResult> CancelAsync(string instanceId, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = await instances.FindAsync(instanceId, ct) ?? throw new InstanceNotFoundException(instanceId);
            if (stored.State.Status == WorkflowStatus.Finished)
                throw new InvalidOperationException($"Instance {instanceId} has already finished ({stored.State.SubStatus}).");
            var graph = await GraphAsync(stored.State.DefinitionVersionId, ct);
            var result = runner.Cancel(graph, stored.State, stored.Revision);
            try
            {
                await SaveAsync(result, ct);
                return result;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxConflictRetries)
            {
            }
        }
    }

    public Task<WorkflowGraph> GraphAsync(string versionId, CancellationToken ct = default) =>
        GraphAsync(versionId, graphs.Generation, asPublishedVersion: false, ct);

    /// <param name="generation">The cache's generation before the version was looked up (see <see cref="WorkflowGraphCache"/>).</param>
    private async Task<WorkflowGraph> GraphAsync(string versionId, long generation, bool asPublishedVersion, CancellationToken ct)
    {
        if (graphs.TryGet(versionId, out var cached))
        {
            if (asPublishedVersion) graphs.Remember(cached, generation, asPublishedVersion);
            return cached;
        }
        var definition = await definitions.FindByVersionIdAsync(versionId, ct)
                         ?? throw new InvalidOperationException($"Definition version {versionId} no longer exists.");
        var graph = Graph(definition);
        graphs.Remember(graph, generation, asPublishedVersion);
        return graph;
    }

    /// <summary>A definition handed in by the caller may differ from the stored version, so it is compiled, never cached.</summary>
    private WorkflowGraph Graph(WorkflowDefinition definition) => WorkflowGraph.Compile(definition.Clone(), registry);

    private async Task SaveAsync(RunResult result, CancellationToken ct)
    {
        await instances.SaveAsync(result, ct);
        foreach (var observer in observers)
        {
            try
            {
                await observer.OnCommittedAsync(result, ct);
            }
            catch (Exception ex)
            {
                // The burst is committed; the sweeps pick up whatever an observer failed to hand over.
                logger.LogError(ex, "Post-commit observer {Observer} failed for {WorkflowInstanceId}", observer.GetType().Name, result.State.Id);
            }
        }
    }
}

/// <summary>Which waiting instances an event reaches: all of them, one instance, or one correlation id.</summary>
public sealed record EventScope(string? WorkflowInstanceId = null, string? CorrelationId = null)
{
    public static readonly EventScope All = new();
}

public sealed class InstanceNotFoundException(string instanceId) : Exception($"Workflow instance {instanceId} does not exist.")
{
    public string InstanceId { get; } = instanceId;
}

public sealed class DefinitionNotFoundException(string definitionId, VersionSelector selector)
    : Exception($"Workflow definition '{definitionId}' has no {selector.Kind.ToLowerInvariant()} version.")
{
    public string DefinitionId { get; } = definitionId;
}
