using Workflows.Runtime.Execution;
using Workflows.Runtime.Tests.Harness;

namespace Workflows.Runtime.Tests.Flowchart;

public sealed class NestedFlowchartTests
{
    [Fact]
    public async Task Nested_flowchart_completes_and_the_parent_continues_over_its_Done_port()
    {
        using var harness = new RuntimeHarness();
        var started = await harness.RunAsync("nested.json");
        var id = started.State.Id;

        Assert.Equal(WorkflowSubStatus.Suspended, started.State.SubStatus);
        Assert.Equal(["inner 1"], started.Journal.Lines());
        Assert.Equal("Workflow1:f1:inner:innerWait", harness.BookmarkOf(id, "innerWait").ActivityNodeId);

        var resumed = await harness.ResumeAsync(id, harness.BookmarkOf(id, "innerWait").Id);

        Assert.Equal(WorkflowSubStatus.Finished, resumed.State.SubStatus);
        Assert.Equal(["inner 2", "after inner"], resumed.Journal.Lines());
        var inner = resumed.ActivityRecords.Single(r => r.ActivityId == "inner");
        Assert.Equal(ActivityStatus.Completed, inner.Status);
        Assert.Equal("""["Done"]""", inner.Payload!["Outcomes"]!.ToJsonString());
        Assert.True(resumed.Journal.SequenceOf("i2", JournalEvents.Completed) < resumed.Journal.SequenceOf("inner", JournalEvents.Completed));
        Assert.True(resumed.Journal.SequenceOf("inner", JournalEvents.Completed) < resumed.Journal.SequenceOf("after", JournalEvents.Started));
    }
}
