using System.Text.Json.Nodes;
using Workflows.Runtime.Activities;
using Workflows.Runtime.Expressions;

namespace Workflows.Runtime.Execution;

/// <summary>What an activity sees while it executes or resumes, and how it tells the runner what happened.</summary>
public sealed class ActivityExecutionContext : IActivityInputs
{
    private readonly WorkflowExecution _execution;
    private readonly Dictionary<string, JsonNode?> _inputs;
    private readonly List<string> _outcomes = [];
    private readonly List<string> _firedOutcomes = [];

    internal ActivityExecutionContext(WorkflowExecution execution, ActivityNode node, string activityInstanceId,
        Dictionary<string, JsonNode?> inputs, Bookmark? resumedBookmark, JsonNode? resumeInput, bool viaBackwardConnection)
    {
        _execution = execution;
        _inputs = inputs;
        Node = node;
        ActivityInstanceId = activityInstanceId;
        ResumedBookmark = resumedBookmark;
        ResumeInput = resumeInput;
        ViaBackwardConnection = viaBackwardConnection;
    }

    public ActivityNode Node { get; }
    public string ActivityInstanceId { get; }

    /// <summary>The bookmark being resumed; null on first execution.</summary>
    public Bookmark? ResumedBookmark { get; }

    /// <summary>The input given with the resume call (for example a completed task's form).</summary>
    public JsonNode? ResumeInput { get; }

    /// <summary>Scheduled over a connection that loops back to it.</summary>
    internal bool ViaBackwardConnection { get; }

    public WorkflowState Workflow => _execution.State;
    public WorkflowGraph Graph => _execution.Graph;
    public DateTimeOffset Now => _execution.Now;
    public IServiceProvider Services => _execution.Services;

    internal bool IsCompleted { get; private set; }
    internal IReadOnlyList<string> Outcomes => _outcomes;
    internal IReadOnlyList<string> FiredOutcomes => _firedOutcomes;
    internal bool StartsScope { get; private set; }
    internal JsonObject Outputs { get; } = [];
    internal bool FinishRequested { get; private set; }
    internal bool EndFlowchartRequested { get; private set; }

    /// <summary>The evaluated value of an input, by descriptor name (e.g. "TimeSpan"); missing inputs give the default.</summary>
    public T? GetInput<T>(string name) => ValueConverter.Convert<T>(GetInputNode(name));

    public JsonNode? GetInputNode(string name) =>
        _inputs.TryGetValue(name, out var v) ? v : Node.Activity.Descriptor.FindInput(name)?.DefaultValue?.DeepClone();

    public bool HasInput(string name) => _inputs.ContainsKey(name);

    public JsonNode? GetVariable(string name) => Workflow.Variables.GetValueOrDefault(name);

    /// <summary>Sets a variable, converting the value to the variable's declared type (Int32, Boolean, String ...).</summary>
    public void SetVariable(string name, JsonNode? value) => Workflow.Variables[name] = _execution.ToDeclaredType(name, value);

    /// <summary>The name of a variable given by its id (Studio's references) or by its name.</summary>
    public string VariableName(string idOrName) => _execution.VariableName(idOrName);

    /// <summary>Evaluates an expression in this instance's context (used by activities whose inputs are templates).</summary>
    public JsonNode? Evaluate(string expressionType, JsonNode? value) =>
        _execution.Evaluator.Evaluate(expressionType, value, _execution.CreateExpressionContext());

    /// <summary>Sets an output; if the definition binds it to a variable, the variable receives it too.</summary>
    public void SetOutput(string name, JsonNode? value)
    {
        Outputs[name] = value?.DeepClone();
        var key = char.ToLowerInvariant(name[0]) + name[1..];
        if (Node.Json[key] is JsonObject binding && binding["memoryReference"]?["id"] is JsonValue idValue
            && idValue.TryGetValue<string>(out var id))
            SetVariable(_execution.VariableName(id), value?.DeepClone());
    }

    /// <summary>The activity is done; the flowchart follows the connections of these outcome ports.</summary>
    public void Complete(params string[] outcomes)
    {
        IsCompleted = true;
        _outcomes.AddRange(outcomes);
    }

    /// <summary>
    /// Follows these outcome ports now while the activity stays active (a non-interrupting outcome such as
    /// an officer task's <c>Overdue</c>).
    /// </summary>
    public void FireOutcome(params string[] outcomes) => _firedOutcomes.AddRange(outcomes);

    public Bookmark CreateBookmark(string name, JsonObject? payload = null, DateTimeOffset? resumeAt = null, string? hash = null)
    {
        var bookmark = new Bookmark
        {
            Id = Ids.New(),
            Name = name,
            Hash = hash,
            ActivityId = Node.Id,
            ActivityNodeId = Node.NodeId,
            ActivityInstanceId = ActivityInstanceId,
            Payload = payload,
            ResumeAt = resumeAt,
            CreatedAt = Now,
        };
        _execution.AddBookmark(bookmark);
        return bookmark;
    }

    /// <summary>This activity instance's bookmarks that are still waiting.</summary>
    public IReadOnlyList<Bookmark> OwnBookmarks =>
        Workflow.Bookmarks.Where(b => b.ActivityInstanceId == ActivityInstanceId).ToList();

    public void RemoveBookmarks(Func<Bookmark, bool> predicate)
    {
        foreach (var bookmark in OwnBookmarks.Where(predicate))
            _execution.RemoveBookmark(bookmark);
    }

    /// <summary>A domain record to persist in the same transaction as this run (a task, a filing, a message).</summary>
    public void AddEffect(object effect) => _execution.Effects.Add(effect);

    /// <summary>Adds a line to the instance's journal.</summary>
    public void Journal(string eventName, string? message = null, JsonObject? payload = null) =>
        _execution.Log(Node, ActivityInstanceId, eventName, message, payload);

    /// <summary>Ends the whole workflow now (<c>Elsa.Finish</c>).</summary>
    public void FinishWorkflow()
    {
        FinishRequested = true;
        Complete();
    }

    /// <summary>Ends the containing flowchart now, cancelling its other branches (<c>Elsa.End</c>).</summary>
    public void EndFlowchart()
    {
        EndFlowchartRequested = true;
        Complete();
    }

    /// <summary>For container activities: run this flowchart's children; the container completes when they are done.</summary>
    public void StartScope() => StartsScope = true;

    /// <summary>Cancels the still-open activities of this flowchart that lead into this one (a join).</summary>
    public void CancelInboundAncestors() => _execution.CancelInboundAncestors(Node);
}
