using Workflows.Runtime.Execution;
using Workflows.Runtime.Tests.Harness;

namespace Workflows.Runtime.Tests.Flowchart;

public sealed class EndAndFinishTests
{
    [Fact]
    public async Task End_in_the_root_flowchart_ends_the_workflow_and_cancels_the_waiting_branch()
    {
        using var harness = new RuntimeHarness();

        var result = await harness.RunAsync("end-root.json");

        Assert.Equal(WorkflowStatus.Finished, result.State.Status);
        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Empty(harness.Instances.Bookmarks(result.State.Id));
        Assert.Equal(ActivityStatus.Canceled, result.ActivityRecords.Single(r => r.ActivityId == "wait").Status);
    }

    [Fact]
    public async Task End_in_a_nested_flowchart_ends_only_that_flowchart()
    {
        using var harness = new RuntimeHarness();

        var result = await harness.RunAsync("end-nested.json");
        var id = result.State.Id;

        // The inner flowchart ended (its waiting branch cancelled) and the parent went on to "after";
        // the parent's own waiting branch is untouched.
        Assert.Equal(["ending inner", "after inner"], result.Journal.Lines());
        Assert.Equal(ActivityStatus.Canceled, result.ActivityRecords.Single(r => r.ActivityId == "innerWait").Status);
        Assert.Equal(WorkflowSubStatus.Suspended, result.State.SubStatus);
        Assert.Equal("rootWait", Assert.Single(harness.Instances.Bookmarks(id)).ActivityId);

        var resumed = await harness.ResumeAsync(id, harness.BookmarkOf(id, "rootWait").Id);

        Assert.Equal(WorkflowSubStatus.Finished, resumed.State.SubStatus);
    }

    [Fact]
    public async Task Finish_in_a_nested_flowchart_ends_the_workflow_and_removes_pending_bookmarks()
    {
        using var harness = new RuntimeHarness();

        var result = await harness.RunAsync("finish.json");

        Assert.Equal(WorkflowStatus.Finished, result.State.Status);
        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Equal(["finishing"], result.Journal.Lines());
        Assert.DoesNotContain("after", result.Journal.Completed());
        Assert.Empty(result.State.Bookmarks);
        Assert.Empty(harness.Instances.Bookmarks(result.State.Id));
        Assert.Equal(ActivityStatus.Canceled, result.ActivityRecords.Single(r => r.ActivityId == "wait").Status);
        Assert.NotNull(result.State.FinishedAt);
    }
}
