using System.Text.Json.Nodes;
using Workflows.Runtime.Execution;
using Workflows.Runtime.Tests.Harness;

namespace Workflows.Runtime.Tests.Flowchart;

public sealed class JoinTests
{
    [Fact]
    public async Task WaitAll_join_continues_once_after_both_branches_of_a_fork_arrive()
    {
        using var harness = new RuntimeHarness();

        var result = await harness.RunAsync("join-lines.json");

        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Equal(["left", "right 1", "right 2", "joined"], result.Journal.Lines());
        // The join fires with Done only when the longer branch (right2) has arrived.
        var joinDone = result.ActivityRecords.Single(r => r.ActivityId == "join" && r.Payload!["Outcomes"]!.AsArray().Count == 1);
        Assert.True(result.Journal.SequenceOf("right2", JournalEvents.Completed) < result.Journal.First(j => j.ActivityInstanceId == joinDone.Id).Sequence);
    }

    [Fact]
    public async Task WaitAll_join_waits_for_a_branch_that_a_decision_took()
    {
        using var harness = new RuntimeHarness();

        var result = await harness.RunAsync("decision-join.json", new JsonObject { ["large"] = true });

        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Equal(["checked", "prepared", "approved", "joined"], result.Journal.Lines());
    }

    [Fact]
    public async Task Strict_WaitAll_join_is_skipped_when_a_decision_did_not_take_one_of_its_branches()
    {
        using var harness = new RuntimeHarness();

        var result = await harness.RunAsync("decision-join.json", new JsonObject { ["large"] = false });

        // Elsa 3.8 Flowchart.Counters.cs MaybeScheduleWaitAllActivityAsync: every inbound connection was visited
        // but one was not followed, so the join and what follows it are skipped.
        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Equal(["checked", "prepared"], result.Journal.Lines());
    }

    [Fact]
    public async Task WaitAllActive_join_does_not_wait_for_a_branch_that_a_decision_did_not_take()
    {
        using var harness = new RuntimeHarness();
        var definition = Fixture.Definition("decision-join.json",
            json => Fixture.Activity(json, "join")["mode"]!["expression"]!["value"] = "WaitAllActive");

        var result = await harness.RunAsync(definition, new JsonObject { ["large"] = false });

        // Elsa 3.8 MaybeScheduleWaitAllActiveActivityAsync: all inbound visited, one followed: the join runs.
        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Equal(["checked", "prepared", "joined"], result.Journal.Lines());
    }

    [Fact]
    public async Task WaitAllActive_join_fires_for_a_branch_not_taken_while_an_unrelated_branch_still_waits()
    {
        using var harness = new RuntimeHarness();
        var definition = Fixture.Definition("decision-join.json", json =>
        {
            Fixture.Activity(json, "join")["mode"]!["expression"]!["value"] = "WaitAllActive";
            json["root"]!["activities"]!.AsArray().Add(new JsonObject
            {
                ["id"] = "unrelated", ["type"] = "Elsa.Event", ["version"] = 1,
                ["eventName"] = Fixture.Input("String", "Literal", "some-other-event"),
            });
            json["root"]!["connections"]!.AsArray().Add(new JsonObject
            {
                ["source"] = new JsonObject { ["activity"] = "start", ["port"] = "Done" },
                ["target"] = new JsonObject { ["activity"] = "unrelated", ["port"] = "In" },
            });
        });

        var result = await harness.RunAsync(definition, new JsonObject { ["large"] = false });

        Assert.Equal(["checked", "prepared", "joined"], result.Journal.Lines());
        Assert.Equal(WorkflowSubStatus.Suspended, result.State.SubStatus);
        Assert.Equal("unrelated", Assert.Single(result.State.Bookmarks).ActivityId);
    }

    [Fact]
    public async Task WaitAll_join_waits_for_the_second_branch_across_resumes()
    {
        using var harness = new RuntimeHarness();
        var started = await harness.RunAsync("join-events.json");
        var id = started.State.Id;

        var first = await harness.ResumeAsync(id, harness.BookmarkOf(id, "eventA").Id);

        Assert.Equal(WorkflowSubStatus.Suspended, first.State.SubStatus);
        Assert.DoesNotContain("after", first.Journal.Completed());
        Assert.Single(harness.Instances.Bookmarks(id), b => b.ActivityId == "eventB");

        var second = await harness.ResumeAsync(id, harness.BookmarkOf(id, "eventB").Id);

        Assert.Equal(WorkflowSubStatus.Finished, second.State.SubStatus);
        Assert.Equal(["joined"], second.Journal.Lines());
        Assert.Equal(["joined"], harness.Instances.Journal(id).Lines());
    }

    [Fact]
    public async Task WaitAny_join_continues_on_the_first_arrival_and_cancels_the_other_blocked_branch()
    {
        using var harness = new RuntimeHarness();
        var definition = Fixture.Definition("join-events.json",
            json => Fixture.Activity(json, "join")["mode"]!["expression"]!["value"] = "WaitAny");
        var started = await harness.RunAsync(definition);
        var id = started.State.Id;
        var otherBookmark = harness.BookmarkOf(id, "eventB");

        var result = await harness.ResumeAsync(id, harness.BookmarkOf(id, "eventA").Id);

        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Equal(["joined"], result.Journal.Lines());
        Assert.Contains(result.RemovedBookmarks, b => b.Id == otherBookmark.Id);
        Assert.Empty(harness.Instances.Bookmarks(id));
        Assert.Contains(result.Journal, j => j.ActivityId == "eventB" && j.EventName == JournalEvents.Canceled);
        Assert.Equal(ActivityStatus.Canceled, result.ActivityRecords.Single(r => r.ActivityId == "eventB").Status);
        await Assert.ThrowsAsync<BookmarkNotFoundException>(() => harness.ResumeAsync(id, otherBookmark.Id));
    }

    [Fact]
    public async Task WaitAny_join_fires_once_when_both_branches_arrive_in_the_same_burst()
    {
        using var harness = new RuntimeHarness();
        var definition = Fixture.Definition("join-lines.json", json =>
        {
            Fixture.Activity(json, "join")["mode"]!["expression"]!["value"] = "WaitAny";
            // Both branches are one step long: their arrivals are queued together.
            json["root"]!["connections"]![2]!["target"]!["activity"] = "join";
        });

        var result = await harness.RunAsync(definition);

        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Equal(["left", "right 1", "joined"], result.Journal.Lines());
        Assert.Single(result.ActivityRecords, r => r.ActivityId == "after");
    }

    [Fact]
    public async Task WaitAny_join_lets_the_queued_rest_of_the_slower_branch_run_but_ignores_its_arrival()
    {
        using var harness = new RuntimeHarness();
        var definition = Fixture.Definition("join-lines.json",
            json => Fixture.Activity(json, "join")["mode"]!["expression"]!["value"] = "WaitAny");

        var result = await harness.RunAsync(definition);

        // Elsa 3.8 MaybeScheduleWaitAnyActivityAsync cancels only activities already executing; the queued right2
        // still runs (Elsa's queue-based scheduler), and its later arrival is ignored (ShouldIgnoreConnection).
        Assert.Equal(["left", "right 1", "right 2", "joined"], result.Journal.Lines());
        Assert.Single(result.ActivityRecords, r => r.ActivityId == "after");
    }

    [Fact]
    public async Task WaitAny_join_inside_a_loop_fires_again_on_the_next_pass()
    {
        using var harness = new RuntimeHarness();
        var id = (await harness.RunAsync("wait-any-loop.json")).State.Id;

        var firstPass = await harness.ResumeAsync(id, harness.BookmarkOf(id, "reply").Id);

        // The reply won round 1: the timeout of round 1 is cancelled and round 2 waits for both again.
        Assert.Equal(WorkflowSubStatus.Suspended, firstPass.State.SubStatus);
        Assert.Equal(["reply", "timeout"], harness.Instances.Bookmarks(id).Select(b => b.ActivityId).Order());
        Assert.Equal("2", firstPass.State.Variables["Round"]!.ToJsonString());

        harness.Clock.Advance(TimeSpan.FromDays(1));
        var secondPass = await harness.ResumeAsync(id, harness.BookmarkOf(id, "timeout").Id);

        Assert.Equal(WorkflowSubStatus.Finished, secondPass.State.SubStatus);
        Assert.Equal(["rounds: 2"], secondPass.Journal.Lines());
        Assert.Empty(harness.Instances.Bookmarks(id));
    }
}
