using Workflows.Runtime.Execution;
using Workflows.Runtime.Tests.Harness;

namespace Workflows.Runtime.Tests.Flowchart;

public sealed class LoopTests
{
    [Fact]
    public async Task Connection_back_to_an_earlier_activity_loops_until_the_decision_exits()
    {
        using var harness = new RuntimeHarness();

        var result = await harness.RunAsync("loop.json");

        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Equal(["looped 3 times"], result.Journal.Lines());
        Assert.Equal(3, result.ActivityRecords.Count(r => r.ActivityId == "increment"));
        Assert.Equal(3, result.ActivityRecords.Count(r => r.ActivityId == "more"));
    }
}
