using System.Text.Json.Nodes;
using Workflows.Runtime.Engine;
using Workflows.Runtime.Execution;
using Workflows.Runtime.Persistence;

namespace Workflows.Host.PropertyManagement.Api;

/// <summary>
/// Runs a resume in memory without storing it, to refuse an officer's action whose next steps cannot be computed
/// (typically a deadline in a year whose holiday arrangement is not loaded yet) instead of faulting the case.
/// </summary>
internal sealed class ResumeRehearsal(IWorkflowInstanceStore instances, WorkflowRuntime runtime, WorkflowRunner runner)
{
    /// <summary>The reason the resume would fault, or null when it would not (or cannot be rehearsed).</summary>
    public async Task<string?> ProblemAsync(string instanceId, string bookmarkId, JsonNode input, CancellationToken ct)
    {
        var stored = await instances.FindAsync(instanceId, ct);
        if (stored is null) return null;
        var before = stored.State.Incidents.Count;
        var graph = await runtime.GraphAsync(stored.State.DefinitionVersionId, ct);
        try
        {
            var result = await runner.ResumeAsync(graph, stored.State, stored.Revision, bookmarkId, input);
            return result.State.SubStatus == WorkflowSubStatus.Faulted
                ? string.Join("；", result.State.Incidents.Skip(before).Select(i => i.Message))
                : null;
        }
        catch (BookmarkNotFoundException)
        {
            return null;
        }
    }
}
