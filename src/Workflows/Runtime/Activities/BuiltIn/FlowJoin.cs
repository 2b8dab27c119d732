using System.Text.Json.Nodes;
using Workflows.Runtime.Execution;

namespace Workflows.Runtime.Activities.BuiltIn;

/// <summary>
/// <c>Elsa.FlowJoin</c>: merges branches. WaitAll continues once a token has arrived from every inbound
/// branch that is still active; WaitAny continues on the first and cancels the branches still running towards it.
/// </summary>
internal sealed class FlowJoin : IActivity
{
    public const string WaitAll = "WaitAll";
    public const string WaitAny = "WaitAny";

    public ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = "Elsa.FlowJoin", Name = "FlowJoin", Namespace = "Elsa", Category = Categories.Flow,
        DisplayName = "汇合", Description = "等待所有分支 (WaitAll) 或任一分支 (WaitAny) 到达后继续。",
        Inputs =
        [
            new InputDescriptor
            {
                Name = "Mode", TypeName = "String", DisplayName = "模式", UiHint = UiHints.Dropdown,
                DefaultValue = JsonValue.Create(WaitAll),
                UiSpecifications = UiHints.DropdownItems(("全部到达 (WaitAll)", WaitAll), ("任一到达 (WaitAny)", WaitAny)),
            },
        ],
    };

    public ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var joinId = context.Node.Id;
        var scope = context.Scope;
        if (context.GetInput<string>("Mode") == WaitAny)
        {
            // Firing cancels every branch still on its way here, including arrivals already queued in this
            // burst, so nothing of this pass can arrive later. The join keeps no "fired" mark: the next arrival
            // belongs to a new pass (a loop back before the fork) and must fire again.
            scope.FiredJoins.Remove(joinId);
            context.CancelInboundBranches();
            context.Complete(PortDescriptor.Done);
            return ValueTask.CompletedTask;
        }

        if (!scope.JoinTokens.TryGetValue(joinId, out var arrived))
            scope.JoinTokens[joinId] = arrived = [];
        if (context.ArrivedFrom is { } from && !arrived.Contains(from))
            arrived.Add(from);
        var expected = context.Graph.Inbound(context.Node).Select(c => c.Source).Distinct().ToList();
        // As Elsa 3's WaitAll: wait for the inbound branches that are still active, not for one a decision
        // did not take (that token would never come).
        if (expected.All(source => arrived.Contains(source) || !context.CanStillArriveFrom(source)))
        {
            // Tokens are reset so that a join inside a loop waits again on the next pass.
            scope.JoinTokens.Remove(joinId);
            context.Complete(PortDescriptor.Done);
        }
        return ValueTask.CompletedTask;
    }
}
