using System.Text.Json.Nodes;
using Workflows.Runtime.Definitions;
using Workflows.Runtime.Expressions;

namespace Workflows.Runtime.Execution;

/// <summary>
/// One run burst of one instance: executes scheduled activities until every branch is blocked or done,
/// recording the deltas (bookmarks, journal, activity records, effects) the store persists in one transaction.
/// </summary>
internal sealed partial class WorkflowExecution
{
    private readonly Queue<WorkItem> _queue = new();
    private readonly Dictionary<string, ActivityExecutionRecord> _records = [];
    private readonly List<WorkflowExecutionLogRecord> _journal = [];
    private readonly List<Bookmark> _added = [];
    private readonly List<Bookmark> _removed = [];
    private readonly Dictionary<string, string> _variableNamesById;
    private readonly Dictionary<string, VariableDefinition> _declaredVariables;
    private bool _halted;
    private readonly WorkflowStatus _statusBefore;

    public WorkflowExecution(WorkflowState state, WorkflowGraph graph, ExpressionEvaluator evaluator,
        DateTimeOffset now, IServiceProvider services)
    {
        State = state;
        _statusBefore = state.Status;
        Graph = graph;
        Evaluator = evaluator;
        Now = now;
        Services = services;
        var declared = graph.Definition.ReadVariables()
            .Concat((graph.Root.Json["variables"] as JsonArray)?.OfType<JsonObject>().Select(VariableDefinition.From) ?? [])
            .ToList();
        _variableNamesById = declared.GroupBy(v => v.Id).ToDictionary(g => g.Key, g => g.First().Name);
        _declaredVariables = declared.GroupBy(v => v.Name).ToDictionary(g => g.Key, g => g.First());
    }

    public WorkflowState State { get; }
    public WorkflowGraph Graph { get; }
    public ExpressionEvaluator Evaluator { get; }
    public DateTimeOffset Now { get; }
    public IServiceProvider Services { get; }
    public List<object> Effects { get; } = [];

    public string VariableName(string idOrName) => _variableNamesById.GetValueOrDefault(idOrName, idOrName);

    /// <summary>A value about to be stored in a variable, converted to the variable's declared type.</summary>
    public JsonNode? ToDeclaredType(string variableName, JsonNode? value)
    {
        if (!_declaredVariables.TryGetValue(variableName, out var variable) || variable.IsArray) return value;
        try
        {
            return ValueConverter.ToVariableType(value, variable.TypeName);
        }
        catch (FormatException ex)
        {
            throw new FormatException($"Variable '{variableName}' ({variable.TypeName}): {ex.Message}", ex);
        }
    }

    public ExpressionContext CreateExpressionContext() => new()
    {
        Variables = State.Variables,
        VariableNamesById = _variableNamesById,
        Input = State.Input,
        WorkflowInstanceId = State.Id,
        DefinitionId = State.DefinitionId,
        CorrelationId = State.CorrelationId,
        CorrelationIdChanged = id => State.CorrelationId = id,
        ConvertVariable = ToDeclaredType,
        Now = Now,
        DeclaredVariables = _declaredVariables.Keys,
        DeclaredInputs = Graph.DeclaredInputNames,
        ActivityOutputs = OutputsByIdAndName(),
        LastResult = State.LastResult,
    };

    /// <summary>Each activity's last outputs under its id and, when it has one, its name.</summary>
    private Dictionary<string, JsonObject> OutputsByIdAndName()
    {
        var outputs = new Dictionary<string, JsonObject>(State.ActivityOutputs);
        foreach (var (activityId, values) in State.ActivityOutputs)
            if (Graph.NameOf(activityId) is { } name)
                outputs.TryAdd(name, values);
        return outputs;
    }

    public ScopeState ScopeOf(string scopeNodeId)
    {
        if (!State.Scopes.TryGetValue(scopeNodeId, out var scope))
            State.Scopes[scopeNodeId] = scope = new ScopeState { Counted = true };
        return scope;
    }

    public async Task StartAsync()
    {
        State.Status = WorkflowStatus.Running;
        State.SubStatus = WorkflowSubStatus.Executing;
        await ExecuteAsync(new WorkItem(Graph.Root, false));
        await DrainAsync();
        SettleStatus();
    }

    public async Task ResumeAsync(Bookmark bookmark, JsonNode? input)
    {
        State.Status = WorkflowStatus.Running;
        State.SubStatus = WorkflowSubStatus.Executing;
        RemoveBookmark(bookmark);
        var active = State.ActiveActivities.GetValueOrDefault(bookmark.ActivityInstanceId);
        var node = active is null ? null : Graph.FindByNodeId(active.NodeId);
        if (active is null || node is null)
            throw new InvalidOperationException(
                $"Bookmark {bookmark.Id} refers to activity instance {bookmark.ActivityInstanceId}, which is not active in instance {State.Id}.");
        var context = new ActivityExecutionContext(this, node, active.ActivityInstanceId,
            ReadInputs(active.ActivityState), bookmark, input, active.ViaBackwardConnection);
        Log(node, active.ActivityInstanceId, JournalEvents.Resumed, null, bookmark.Payload?.DeepClone().AsObject());
        try
        {
            await node.Activity.ResumeAsync(context);
        }
        catch (Exception ex)
        {
            Fault(node, active.ActivityInstanceId, ex);
            SettleStatus();
            return;
        }
        AfterActivity(context, resumed: true);
        await DrainAsync();
        SettleStatus();
    }

    public void Cancel()
    {
        foreach (var bookmark in State.Bookmarks.ToList())
            RemoveBookmark(bookmark);
        foreach (var active in State.ActiveActivities.Values.ToList())
            MarkRecord(active.ActivityInstanceId, active.NodeId, ActivityStatus.Canceled);
        State.ActiveActivities.Clear();
        State.Status = WorkflowStatus.Finished;
        State.SubStatus = WorkflowSubStatus.Cancelled;
        State.FinishedAt = Now;
        State.UpdatedAt = Now;
    }

    public RunResult Result(long expectedRevision, Bookmark? resumed = null) => new()
    {
        State = State,
        ResumedBookmark = resumed,
        ExpectedRevision = expectedRevision,
        StatusBefore = _statusBefore,
        AddedBookmarks = _added.Where(b => !_removed.Contains(b)).ToList(),
        RemovedBookmarks = _removed.Where(b => !_added.Contains(b)).ToList(),
        Journal = _journal,
        ActivityRecords = _records.Values.ToList(),
        Effects = Effects,
    };

    private async Task DrainAsync()
    {
        while (!_halted && _queue.TryDequeue(out var item))
            await ExecuteAsync(item);
    }

    private async Task ExecuteAsync(WorkItem item)
    {
        var node = item.Node;
        var instanceId = Ids.New();
        Log(node, instanceId, JournalEvents.Started, null, null);
        var record = Record(instanceId, node);
        record.Status = ActivityStatus.Running;
        Dictionary<string, JsonNode?> inputs;
        try
        {
            inputs = EvaluateInputs(node);
        }
        catch (Exception ex)
        {
            Fault(node, instanceId, ex);
            return;
        }
        record.ActivityState = new JsonObject(inputs.Select(kv => KeyValuePair.Create(kv.Key, kv.Value?.DeepClone())));
        var context = new ActivityExecutionContext(this, node, instanceId, inputs, null, null, item.ViaBackwardConnection);
        try
        {
            await node.Activity.ExecuteAsync(context);
        }
        catch (Exception ex)
        {
            Fault(node, instanceId, ex);
            return;
        }
        AfterActivity(context, resumed: false);
    }

    private void AfterActivity(ActivityExecutionContext context, bool resumed)
    {
        var node = context.Node;
        var instanceId = context.ActivityInstanceId;
        var record = Record(instanceId, node);
        foreach (var kv in context.Outputs)
        {
            (record.Outputs ??= [])[kv.Key] = kv.Value?.DeepClone();
            (State.ActivityOutputs.TryGetValue(node.Id, out var last) ? last : State.ActivityOutputs[node.Id] = [])[kv.Key] = kv.Value?.DeepClone();
            if (kv.Key is "Result" or "Output") State.LastResult = kv.Value?.DeepClone();
        }
        try
        {
            Settle(context, resumed, record);
        }
        catch (Exception ex) when (ex is FlowchartException or ExpressionException)
        {
            Fault(node, instanceId, ex);
        }
    }

    private void Settle(ActivityExecutionContext context, bool resumed, ActivityExecutionRecord record)
    {
        var node = context.Node;
        var instanceId = context.ActivityInstanceId;
        if (context.FiredOutcomes.Count > 0)
        {
            Log(node, instanceId, JournalEvents.OutcomeFired, string.Join(",", context.FiredOutcomes),
                new JsonObject { ["Outcomes"] = new JsonArray(context.FiredOutcomes.Select(o => (JsonNode)o).ToArray()) });
            // A non-interrupting outcome: its connections are visited now, once for this activation.
            var active = State.ActiveActivities[instanceId] = Active(instanceId, context, record);
            var ports = context.FiredOutcomes.Where(p => !active.FiredOutcomes.Contains(p)).Distinct().ToList();
            active.FiredOutcomes.AddRange(ports);
            FollowOutbound(node, context.FiredOutcomes, onlyPorts: ports);
        }

        if (context.FinishRequested)
        {
            CompleteActivity(node, instanceId, context.Outcomes);
            FinishWorkflow();
            return;
        }
        if (context.EndFlowchartRequested && node.ScopeNodeId is not null)
        {
            CompleteActivity(node, instanceId, context.Outcomes);
            CancelScopeContents(node.ScopeNodeId);
            ScopeOf(node.ScopeNodeId).Active = 0;
            CompleteScopeIfIdle(node.ScopeNodeId);
            return;
        }
        if (context.StartsScope && !context.IsCompleted)
        {
            State.ActiveActivities[instanceId] = Active(instanceId, context, record);
            StartScope(node);
            return;
        }
        var blocked = !context.IsCompleted && State.Bookmarks.Any(b => b.ActivityInstanceId == instanceId);
        if (blocked)
        {
            State.ActiveActivities[instanceId] = Active(instanceId, context, record);
            record.HasBookmarks = true;
            if (!resumed) Log(node, instanceId, JournalEvents.Suspended, null, null);
            return;
        }
        var alreadyFired = State.ActiveActivities.GetValueOrDefault(instanceId)?.FiredOutcomes ?? [];
        CompleteActivity(node, instanceId, context.Outcomes);
        if (node.ScopeNodeId is null)
            return;
        ScopeOf(node.ScopeNodeId).Active--;
        CompleteInScope(node, context.Outcomes, context.ViaBackwardConnection, alreadyFired);
        CompleteScopeIfIdle(node.ScopeNodeId);
    }

    private ActiveActivity Active(string instanceId, ActivityExecutionContext context, ActivityExecutionRecord record) =>
        State.ActiveActivities.GetValueOrDefault(instanceId) ?? new ActiveActivity
        {
            ActivityInstanceId = instanceId,
            NodeId = context.Node.NodeId,
            StartedAt = record.StartedAt,
            ActivityState = record.ActivityState?.DeepClone().AsObject(),
            ViaBackwardConnection = context.ViaBackwardConnection,
        };

    private void CompleteActivity(ActivityNode node, string instanceId, IReadOnlyList<string> outcomes)
    {
        foreach (var bookmark in State.Bookmarks.Where(b => b.ActivityInstanceId == instanceId).ToList())
            RemoveBookmark(bookmark);
        State.ActiveActivities.Remove(instanceId);
        var record = Record(instanceId, node);
        record.Status = ActivityStatus.Completed;
        record.CompletedAt = Now;
        record.HasBookmarks = false;
        record.Payload = new JsonObject { ["Outcomes"] = new JsonArray(outcomes.Select(o => (JsonNode)o).ToArray()) };
        Log(node, instanceId, JournalEvents.Completed, null, record.Payload.DeepClone().AsObject());
    }

    private void StartScope(ActivityNode flowchart)
    {
        State.Scopes[flowchart.NodeId] = new ScopeState { Counted = true };
        foreach (var start in Graph.StartNodes(flowchart.NodeId))
            Schedule(start, viaBackwardConnection: false);
        CompleteScopeIfIdle(flowchart.NodeId);
    }

    private void Schedule(ActivityNode node, bool viaBackwardConnection)
    {
        ScopeOf(node.ScopeNodeId!).Active++;
        _queue.Enqueue(new WorkItem(node, viaBackwardConnection));
    }

    /// <summary>A flowchart whose activities are all done completes in its parent (or finishes the workflow).</summary>
    private void CompleteScopeIfIdle(string scopeNodeId)
    {
        if (_halted || !State.Scopes.TryGetValue(scopeNodeId, out var scope) || scope.Active > 0) return;
        var flowchart = Graph.FindByNodeId(scopeNodeId)!;
        State.Scopes.Remove(scopeNodeId);
        var container = State.ActiveActivities.Values.FirstOrDefault(a => a.NodeId == scopeNodeId);
        var instanceId = container?.ActivityInstanceId ?? Ids.New();
        CompleteActivity(flowchart, instanceId, [Activities.PortDescriptor.Done]);
        if (flowchart.ScopeNodeId is null)
        {
            FinishWorkflow();
            return;
        }
        ScopeOf(flowchart.ScopeNodeId).Active--;
        CompleteInScope(flowchart, [Activities.PortDescriptor.Done], container?.ViaBackwardConnection ?? false, []);
        CompleteScopeIfIdle(flowchart.ScopeNodeId);
    }

    /// <summary>Cancels what runs inside a flowchart: queued items, blocked activities, nested flowcharts.</summary>
    private void CancelScopeContents(string scopeNodeId)
    {
        var prefix = scopeNodeId + ":";
        var kept = _queue.Where(i => !i.Node.NodeId.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        _queue.Clear();
        foreach (var item in kept) _queue.Enqueue(item);
        foreach (var active in State.ActiveActivities.Values.Where(a => a.NodeId.StartsWith(prefix, StringComparison.Ordinal)).ToList())
            CancelActivity(active);
        foreach (var nested in State.Scopes.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList())
            State.Scopes.Remove(nested);
    }

    private void CancelActivity(ActiveActivity active)
    {
        foreach (var bookmark in State.Bookmarks.Where(b => b.ActivityInstanceId == active.ActivityInstanceId).ToList())
            RemoveBookmark(bookmark);
        State.ActiveActivities.Remove(active.ActivityInstanceId);
        if (Graph.FindByNodeId(active.NodeId) is { } node)
            Log(node, active.ActivityInstanceId, JournalEvents.Canceled, null, null);
        MarkRecord(active.ActivityInstanceId, active.NodeId, ActivityStatus.Canceled);
    }

    private void MarkRecord(string instanceId, string nodeId, ActivityStatus status)
    {
        if (Graph.FindByNodeId(nodeId) is not { } node) return;
        var record = Record(instanceId, node);
        record.Status = status;
        record.CompletedAt = Now;
        record.HasBookmarks = false;
    }

    private void FinishWorkflow()
    {
        foreach (var bookmark in State.Bookmarks.ToList())
            RemoveBookmark(bookmark);
        // Elsa.Finish ends everything: branches still waiting are cancelled, the root flowchart completes.
        foreach (var active in State.ActiveActivities.Values.ToList())
        {
            if (active.NodeId == Graph.Root.NodeId)
                CompleteActivity(Graph.Root, active.ActivityInstanceId, []);
            else
                CancelActivity(active);
        }
        State.ActiveActivities.Clear();
        State.Scopes.Clear();
        _queue.Clear();
        _halted = true;
        State.Status = WorkflowStatus.Finished;
        State.SubStatus = WorkflowSubStatus.Finished;
    }

    /// <summary>An exception in an activity becomes an incident; the instance is kept, faulted, for an operator to see.</summary>
    private void Fault(ActivityNode node, string instanceId, Exception ex)
    {
        var error = ex is System.Reflection.TargetInvocationException { InnerException: { } inner } ? inner : ex;
        State.Incidents.Add(new Incident
        {
            ActivityId = node.Id,
            ActivityNodeId = node.NodeId,
            ActivityType = node.Type,
            Message = error.Message,
            Exception = ExceptionState.From(error),
            Timestamp = Now,
        });
        var record = Record(instanceId, node);
        record.Status = ActivityStatus.Faulted;
        record.Exception = ExceptionState.From(error);
        record.CompletedAt = Now;
        Log(node, instanceId, JournalEvents.Faulted, error.Message, null);
        foreach (var bookmark in State.Bookmarks.ToList())
            RemoveBookmark(bookmark);
        _queue.Clear();
        _halted = true;
        State.Status = WorkflowStatus.Finished;
        State.SubStatus = WorkflowSubStatus.Faulted;
    }

    private void SettleStatus()
    {
        State.UpdatedAt = Now;
        if (State.Status == WorkflowStatus.Finished)
        {
            State.FinishedAt ??= Now;
            return;
        }
        if (State.Bookmarks.Count > 0)
        {
            State.SubStatus = WorkflowSubStatus.Suspended;
            return;
        }
        // Nothing is scheduled and nothing waits: the workflow has nothing more to do.
        FinishWorkflow();
        State.FinishedAt = Now;
    }

    public void AddBookmark(Bookmark bookmark)
    {
        State.Bookmarks.Add(bookmark);
        _added.Add(bookmark);
    }

    public void RemoveBookmark(Bookmark bookmark)
    {
        if (State.Bookmarks.Remove(bookmark))
            _removed.Add(bookmark);
    }

    public void Log(ActivityNode node, string activityInstanceId, string eventName, string? message, JsonObject? payload)
    {
        _journal.Add(new WorkflowExecutionLogRecord
        {
            Id = Ids.New(),
            WorkflowInstanceId = State.Id,
            ActivityInstanceId = activityInstanceId,
            ActivityId = node.Id,
            ActivityType = node.Type,
            ActivityTypeVersion = node.Version,
            ActivityName = node.Name,
            NodeId = node.NodeId,
            Timestamp = Now,
            Sequence = ++State.LogSequence,
            EventName = eventName,
            Message = message,
            Payload = payload,
        });
    }

    private ActivityExecutionRecord Record(string instanceId, ActivityNode node)
    {
        if (_records.TryGetValue(instanceId, out var record)) return record;
        var active = State.ActiveActivities.GetValueOrDefault(instanceId);
        record = new ActivityExecutionRecord
        {
            Id = instanceId,
            WorkflowInstanceId = State.Id,
            ActivityId = node.Id,
            ActivityNodeId = node.NodeId,
            ActivityType = node.Type,
            ActivityTypeVersion = node.Version,
            ActivityName = node.Name,
            Status = ActivityStatus.Running,
            StartedAt = active?.StartedAt ?? Now,
            ActivityState = active?.ActivityState?.DeepClone().AsObject(),
        };
        _records[instanceId] = record;
        return record;
    }

    /// <summary>Evaluates every input the activity declares, before it runs, as Elsa does.</summary>
    private Dictionary<string, JsonNode?> EvaluateInputs(ActivityNode node)
    {
        var values = new Dictionary<string, JsonNode?>(StringComparer.OrdinalIgnoreCase);
        foreach (var input in node.Activity.Descriptor.Inputs)
        {
            var raw = node.Json[input.JsonKey];
            if (raw is null) continue;
            if (raw is JsonObject wrapped && (wrapped.ContainsKey("expression") || wrapped.ContainsKey("memoryReference")))
            {
                if (wrapped["expression"] is not JsonObject expression) continue;
                var type = expression["type"]?.GetValue<string>() ?? "Literal";
                try
                {
                    values[input.Name] = Evaluator.Evaluate(type, expression["value"], CreateExpressionContext());
                }
                catch (ExpressionException ex)
                {
                    throw new ExpressionException($"Input '{input.Name}' of activity '{node.Id}': {ex.Message}", ex);
                }
            }
            else
            {
                values[input.Name] = raw.DeepClone();
            }
        }
        return values;
    }

    private static Dictionary<string, JsonNode?> ReadInputs(JsonObject? state) =>
        state is null
            ? new(StringComparer.OrdinalIgnoreCase)
            : state.ToDictionary(kv => kv.Key, kv => kv.Value?.DeepClone(), StringComparer.OrdinalIgnoreCase);
}
