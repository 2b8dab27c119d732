using Workflows.Runtime.Execution;
using Workflows.Runtime.Tests.Harness;

namespace Workflows.Runtime.Tests.Bookmarks;

public sealed class DelayTests
{
    [Fact]
    public async Task Delay_creates_a_bookmark_that_resumes_at_now_plus_the_time_span()
    {
        using var harness = new RuntimeHarness();
        harness.Clock.Advance(TimeSpan.FromMinutes(7));

        var result = await harness.RunAsync("delay.json");

        Assert.Equal(WorkflowSubStatus.Suspended, result.State.SubStatus);
        var bookmark = Assert.Single(harness.Instances.Bookmarks(result.State.Id));
        Assert.Equal(RuntimeHarness.StartTime + TimeSpan.FromMinutes(7) + TimeSpan.FromMinutes(90), bookmark.ResumeAt);
    }

    [Fact]
    public async Task Delay_given_in_days_waits_that_many_days()
    {
        using var harness = new RuntimeHarness();
        var definition = Fixture.Definition("delay.json",
            json => Fixture.Activity(json, "wait")["timeSpan"]!["expression"]!["value"] = "15.00:00:00");

        var result = await harness.RunAsync(definition);

        Assert.Equal(harness.Clock.GetUtcNow().AddDays(15), Assert.Single(result.State.Bookmarks).ResumeAt);
    }

    [Fact]
    public async Task Resuming_the_delay_bookmark_finishes_the_workflow()
    {
        using var harness = new RuntimeHarness();
        var started = await harness.RunAsync("delay.json");
        var id = started.State.Id;
        harness.Clock.Advance(TimeSpan.FromMinutes(90));

        var result = await harness.ResumeAsync(id, harness.BookmarkOf(id, "wait").Id);

        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Equal(["after delay"], result.Journal.Lines());
        Assert.Equal(harness.Clock.GetUtcNow(), result.State.FinishedAt);
        Assert.Equal(RuntimeHarness.StartTime, result.ActivityRecords.Single(r => r.ActivityId == "wait").StartedAt);
    }
}
