using System.Text.Json.Nodes;
using Workflows.Runtime.Activities;
using Workflows.Runtime.Expressions;

namespace Workflows.Runtime.Execution;

/// <summary>
/// Runs instances in memory: start, resume a bookmark, cancel. It touches no store; the caller persists the
/// <see cref="RunResult"/> (see <see cref="Engine.WorkflowRuntime"/>).
/// </summary>
public sealed class WorkflowRunner(ExpressionEvaluator evaluator, TimeProvider clock, IServiceProvider services)
{
    public async Task<RunResult> StartAsync(WorkflowGraph graph, StartOptions options)
    {
        var now = clock.GetUtcNow();
        var definition = graph.Definition;
        var state = new WorkflowState
        {
            Id = options.InstanceId ?? Ids.New(),
            DefinitionId = definition.DefinitionId,
            DefinitionVersionId = definition.Id,
            DefinitionVersion = definition.Version,
            CorrelationId = options.CorrelationId,
            Name = definition.Name,
            Input = options.Input?.ToDictionary(kv => kv.Key, kv => kv.Value?.DeepClone()) ?? [],
            Properties = options.Properties?.ToDictionary(kv => kv.Key, kv => kv.Value?.DeepClone()) ?? [],
            CreatedAt = now,
            UpdatedAt = now,
        };
        foreach (var variable in definition.ReadVariables())
            state.Variables[variable.Name] = InitialValue(variable);
        var execution = new WorkflowExecution(state, graph, evaluator, now, services);
        // Records that belong to the instance from its first moment (a domain case) are saved with its first burst.
        execution.Effects.AddRange(options.Effects ?? []);
        await execution.StartAsync();
        return execution.Result(expectedRevision: 0);
    }

    /// <summary>Resumes one bookmark. Throws <see cref="BookmarkNotFoundException"/> when it was already consumed.</summary>
    public async Task<RunResult> ResumeAsync(WorkflowGraph graph, WorkflowState state, long revision, string bookmarkId, JsonNode? input)
    {
        if (state.Status == WorkflowStatus.Finished)
            throw new BookmarkNotFoundException(state.Id, bookmarkId, "the instance has finished");
        var bookmark = state.Bookmarks.FirstOrDefault(b => b.Id == bookmarkId)
                       ?? throw new BookmarkNotFoundException(state.Id, bookmarkId, "it was already resumed or cancelled");
        var execution = new WorkflowExecution(state, graph, evaluator, clock.GetUtcNow(), services);
        await execution.ResumeAsync(bookmark, input);
        return execution.Result(revision, bookmark);
    }

    public RunResult Cancel(WorkflowGraph graph, WorkflowState state, long revision)
    {
        var execution = new WorkflowExecution(state, graph, evaluator, clock.GetUtcNow(), services);
        execution.Cancel();
        return execution.Result(revision);
    }

    /// <summary>Studio saves variable defaults as text; they are converted to the declared type.</summary>
    private static JsonNode? InitialValue(Definitions.VariableDefinition variable)
    {
        if (variable.Value is not JsonValue v || !v.TryGetValue<string>(out var text)) return variable.Value?.DeepClone();
        if (text.Length == 0) return null;
        return variable.TypeName switch
        {
            "Int32" or "Int64" or "Double" or "Decimal" or "Boolean" or "Object" or "JsonObject" when TryParse(text) is { } parsed => parsed,
            _ => JsonValue.Create(text),
        };
    }

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}

public sealed record StartOptions
{
    public string? InstanceId { get; init; }
    public string? CorrelationId { get; init; }
    public IReadOnlyDictionary<string, JsonNode?>? Input { get; init; }
    public IReadOnlyDictionary<string, JsonNode?>? Properties { get; init; }

    /// <summary>Domain records saved in the same transaction as the first burst (for example the case the instance serves).</summary>
    public IReadOnlyList<object>? Effects { get; init; }
}

/// <summary>The bookmark cannot be resumed: it was consumed, cancelled, or never existed.</summary>
public sealed class BookmarkNotFoundException(string instanceId, string bookmarkId, string reason)
    : Exception($"Bookmark {bookmarkId} of instance {instanceId} cannot be resumed: {reason}.")
{
    public string InstanceId { get; } = instanceId;
    public string BookmarkId { get; } = bookmarkId;
}
