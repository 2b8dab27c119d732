using Workflows.Runtime.Execution;
using Workflows.Runtime.Tests.Harness;

namespace Workflows.Runtime.Tests.Conformance;

/// <summary>
/// Elsa 3.8's default, counter-based flowchart scheduling (elsa-core release/3.8.0,
/// src/modules/Elsa.Workflows.Core/Activities/Flowchart/Activities/Flowchart.Counters.cs with Models/FlowScope.cs
/// and Models/FlowGraph.cs; Elsa's scheduler is queue based, Services/ActivitySchedulerFactory.cs). Each expected
/// output below is what that code gives for the drawn definition.
/// </summary>
public sealed class FlowchartConformanceTests
{
    [Fact]
    public async Task Lattice_of_implicit_joins_runs_every_activity_once_in_queue_order()
    {
        // A 3×3 lattice: every inner node has two inbound connections (left and above). Counters.cs
        // GetMergeModeAsync treats a non-join activity as WaitAllActive: it runs once both were visited.
        var flow = new Flow().Start();
        for (var row = 0; row < 3; row++)
            for (var col = 0; col < 3; col++)
                flow.Line($"n{row}{col}", $"{row}{col}");
        flow.Connect("start", "n00");
        for (var row = 0; row < 3; row++)
            for (var col = 0; col < 3; col++)
            {
                if (row < 2) flow.Connect($"n{row}{col}", $"n{row + 1}{col}");
                if (col < 2) flow.Connect($"n{row}{col}", $"n{row}{col + 1}");
            }
        using var harness = new RuntimeHarness();

        var result = await harness.RunAsync(flow.Build("lattice"));

        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Equal(["00", "10", "01", "20", "11", "02", "21", "12", "22"], result.Journal.Lines());
    }

    [Fact]
    public async Task Decision_with_two_inbound_connections_runs_once_and_creates_one_delay_bookmark()
    {
        // Counters.cs MaybeScheduleWaitAllActiveActivityAsync: the decision waits for both inbound connections.
        var flow = new Flow().Start().Line("a", "a").Line("b", "b").Decision("decide", "true").Delay("wait", "01:00:00")
            .Connect("start", "a").Connect("start", "b").Connect("a", "decide").Connect("b", "decide")
            .Connect("decide", "wait", "True");
        using var harness = new RuntimeHarness();

        var result = await harness.RunAsync(flow.Build("decision-two-inbound"));

        Assert.Equal(["a", "b"], result.Journal.Lines());
        Assert.Single(result.ActivityRecords, r => r.ActivityId == "decide");
        Assert.Equal("wait", Assert.Single(result.State.Bookmarks).ActivityId);
    }

    [Fact]
    public async Task Either_or_merge_after_a_decision_runs_the_merge_once()
    {
        // The branch not taken is skipped (SkipOutboundActivityAsync) and visits its outbound connection
        // unfollowed, so the merge sees both inbound connections visited, one followed.
        var flow = new Flow().Start().Decision("decide", "false").Line("yes", "yes").Line("no", "no").Line("merge", "merged")
            .Connect("start", "decide").Connect("decide", "yes", "True").Connect("decide", "no", "False")
            .Connect("yes", "merge").Connect("no", "merge");
        using var harness = new RuntimeHarness();

        var result = await harness.RunAsync(flow.Build("either-or"));

        Assert.Equal(["no", "merged"], result.Journal.Lines());
    }

    [Fact]
    public async Task Implicit_join_waits_for_both_branches_across_resumes()
    {
        var flow = new Flow().Start().Event("eventA", "a").Event("eventB", "b").Line("after", "after")
            .Connect("start", "eventA").Connect("start", "eventB").Connect("eventA", "after").Connect("eventB", "after");
        using var harness = new RuntimeHarness();
        var id = (await harness.RunAsync(flow.Build("implicit-join-resume"))).State.Id;

        var first = await harness.ResumeAsync(id, harness.BookmarkOf(id, "eventA").Id);
        Assert.Empty(first.Journal.Lines());
        Assert.Equal(WorkflowSubStatus.Suspended, first.State.SubStatus);

        var second = await harness.ResumeAsync(id, harness.BookmarkOf(id, "eventB").Id);
        Assert.Equal(["after"], second.Journal.Lines());
        Assert.Equal(WorkflowSubStatus.Finished, second.State.SubStatus);
    }

    [Fact]
    public async Task WaitAll_join_with_synchronous_branches_completes_once()
    {
        // Both branches finish in the same pass: the join is scheduled once, when the last inbound connection is
        // visited (MaybeScheduleWaitAllActivityAsync), never twice.
        var flow = new Flow().Start().Line("a", "a").Line("b", "b").Join("join", "WaitAll").Line("after", "after")
            .Connect("start", "a").Connect("start", "b").Connect("a", "join").Connect("b", "join").Connect("join", "after");
        using var harness = new RuntimeHarness();

        var result = await harness.RunAsync(flow.Build("join-all-sync"));

        Assert.Equal(["a", "b", "after"], result.Journal.Lines());
        Assert.Single(result.ActivityRecords, r => r.ActivityId == "join");
        Assert.Single(result.ActivityRecords, r => r.ActivityId == "after");
    }

    [Fact]
    public async Task Strict_WaitAll_join_is_skipped_when_a_decision_did_not_take_one_of_its_branches()
    {
        // WaitAll needs every inbound connection followed (AllInboundConnectionsFollowed); a skipped branch skips
        // the join and everything after it, and the workflow finishes.
        var flow = new Flow().Start().Decision("decide", "true").Line("yes", "yes").Line("no", "no").Line("other", "other")
            .Join("join", "WaitAll").Line("after", "after")
            .Connect("start", "decide").Connect("start", "other").Connect("decide", "yes", "True").Connect("decide", "no", "False")
            .Connect("yes", "join").Connect("no", "join").Connect("other", "join").Connect("join", "after");
        using var harness = new RuntimeHarness();

        var result = await harness.RunAsync(flow.Build("strict-wait-all"));

        Assert.Equal(["other", "yes"], result.Journal.Lines());
        Assert.DoesNotContain(result.ActivityRecords, r => r.ActivityId is "join" or "after");
        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
    }

    [Fact]
    public async Task FlowJoin_without_a_mode_is_WaitAny_and_cancels_the_other_waiting_branch()
    {
        // FlowJoin.cs: Mode defaults to FlowJoinMode.WaitAny; MaybeScheduleWaitAnyActivityAsync cancels the
        // remaining inbound activities (CancelRemainingInboundActivitiesAsync).
        var flow = new Flow().Start().Event("eventA", "a").Event("eventB", "b").Join("join").Line("after", "after")
            .Connect("start", "eventA").Connect("start", "eventB").Connect("eventA", "join").Connect("eventB", "join")
            .Connect("join", "after");
        using var harness = new RuntimeHarness();
        var id = (await harness.RunAsync(flow.Build("join-default"))).State.Id;

        var result = await harness.ResumeAsync(id, harness.BookmarkOf(id, "eventB").Id);

        Assert.Equal(["after"], result.Journal.Lines());
        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Equal(ActivityStatus.Canceled, result.ActivityRecords.Single(r => r.ActivityId == "eventA").Status);
    }

    [Fact]
    public async Task Loop_back_into_an_activity_with_two_inbound_connections_runs_it_each_round()
    {
        // "ask" has a forward inbound connection (from start) and a backward one (from the decision). FlowGraph.cs
        // classifies the latter as backward; MaybeScheduleBackwardConnectionActivityAsync schedules it at once.
        var flow = new Flow().Variable("Count", "Int32", "0").Start()
            .LineJs("ask", "'round ' + (getVariable('Count') + 1)")
            .SetVariable("inc", "Count", "getVariable('Count') + 1")
            .Decision("more", "getVariable('Count') < 3").Line("done", "done")
            .Chain("start", "ask", "inc", "more").Connect("more", "ask", "True").Connect("more", "done", "False");
        using var harness = new RuntimeHarness();

        var result = await harness.RunAsync(flow.Build("loop-multi-inbound"));

        Assert.Equal(["round 1", "round 2", "round 3", "done"], result.Journal.Lines());
        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
    }

    [Fact]
    public async Task Loop_with_a_join_inside_runs_the_join_once_per_round()
    {
        // Counts keep growing round after round: the join runs when its inbound connections were visited more
        // often than it ran (FlowScope.AllInboundConnectionsVisited).
        var flow = new Flow().Variable("Count", "Int32", "0").Start()
            .SetVariable("inc", "Count", "getVariable('Count') + 1")
            .Line("a", "a").Line("b", "b").LineJs("joined", "'joined ' + getVariable('Count')")
            .Decision("more", "getVariable('Count') < 2").Line("done", "done")
            .Chain("start", "inc").Connect("inc", "a").Connect("inc", "b").Connect("a", "joined").Connect("b", "joined")
            .Connect("joined", "more").Connect("more", "inc", "True").Connect("more", "done", "False");
        using var harness = new RuntimeHarness();

        var result = await harness.RunAsync(flow.Build("loop-join"));

        Assert.Equal(["a", "b", "joined 1", "a", "b", "joined 2", "done"], result.Journal.Lines());
    }
}
