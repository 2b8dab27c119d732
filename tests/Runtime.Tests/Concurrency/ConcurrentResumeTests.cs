using System.Text.Json.Nodes;
using Workflows.Runtime.Execution;
using Workflows.Runtime.Tests.Harness;

namespace Workflows.Runtime.Tests.Concurrency;

/// <summary>Two operations on one instance at the same moment, through WorkflowRuntime and a store with revisions.</summary>
public sealed class ConcurrentResumeTests
{
    [Fact]
    public async Task Two_resumes_of_different_bookmarks_at_the_same_time_both_succeed_and_nothing_is_lost()
    {
        using var harness = new RuntimeHarness();
        var id = (await harness.RunAsync("join-events.json")).State.Id;
        var bookmarkA = harness.BookmarkOf(id, "eventA").Id;
        var bookmarkB = harness.BookmarkOf(id, "eventB").Id;
        harness.Instances.AfterLoad = new LoadBarrier(2).WaitAsync;

        var results = await Task.WhenAll(
            harness.ResumeAsync(id, bookmarkA, new JsonObject { ["inspector"] = "张三" }),
            harness.ResumeAsync(id, bookmarkB, new JsonObject { ["quote"] = 1200 }));

        // Both loaded the same revision, so exactly one save was refused and that resume was retried.
        Assert.Equal(1, harness.Instances.Conflicts);
        Assert.Contains(results, r => r.State.SubStatus == WorkflowSubStatus.Finished);
        var state = harness.Instances.State(id);
        Assert.Equal(WorkflowSubStatus.Finished, state.SubStatus);
        Assert.Equal("张三", (string?)state.Variables["ResultA"]!["inspector"]);
        Assert.Equal(1200, (int?)state.Variables["ResultB"]!["quote"]);
        Assert.Empty(harness.Instances.Bookmarks(id));
        var journal = harness.Instances.Journal(id);
        Assert.Equal(["joined"], journal.Lines());
        Assert.Equal(2, journal.Count(j => j.EventName == JournalEvents.Resumed));
        Assert.Equal(Enumerable.Range(1, journal.Count).Select(i => (long)i), journal.Select(j => j.Sequence));
    }

    [Fact]
    public async Task Two_resumes_of_the_same_bookmark_at_the_same_time_exactly_one_wins()
    {
        using var harness = new RuntimeHarness();
        var id = (await harness.RunAsync("join-events.json")).State.Id;
        var bookmarkA = harness.BookmarkOf(id, "eventA").Id;
        harness.Instances.AfterLoad = new LoadBarrier(2).WaitAsync;

        var attempts = new[]
        {
            Capture(harness.ResumeAsync(id, bookmarkA, new JsonObject { ["inspector"] = "first" })),
            Capture(harness.ResumeAsync(id, bookmarkA, new JsonObject { ["inspector"] = "second" })),
        };
        var outcomes = await Task.WhenAll(attempts);

        Assert.Single(outcomes, o => o.Result is not null);
        var loser = Assert.Single(outcomes, o => o.Error is not null);
        Assert.IsType<BookmarkNotFoundException>(loser.Error);
        var state = harness.Instances.State(id);
        var winner = outcomes.Single(o => o.Result is not null).Result!;
        Assert.Equal((string?)winner.State.Variables["ResultA"]!["inspector"], (string?)state.Variables["ResultA"]!["inspector"]);
        Assert.Equal(1, harness.Instances.Journal(id).Count(j => j.EventName == JournalEvents.Resumed));
        Assert.Equal("eventB", Assert.Single(harness.Instances.Bookmarks(id)).ActivityId);
        Assert.Equal(WorkflowSubStatus.Suspended, state.SubStatus);
    }

    private static async Task<(RunResult? Result, Exception? Error)> Capture(Task<RunResult> task)
    {
        try
        {
            return (await task, null);
        }
        catch (Exception ex)
        {
            return (null, ex);
        }
    }
}
