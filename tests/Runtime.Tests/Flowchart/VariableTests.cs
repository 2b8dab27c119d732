using Workflows.Runtime.Execution;
using Workflows.Runtime.Tests.Harness;

namespace Workflows.Runtime.Tests.Flowchart;

public sealed class VariableTests
{
    [Fact]
    public async Task Variables_set_by_SetVariable_and_by_JavaScript_are_read_in_Liquid()
    {
        using var harness = new RuntimeHarness();

        var result = await harness.RunAsync("variables.json");

        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Equal("你好", (string?)result.State.Variables["Greeting"]);
        Assert.Equal("3", result.State.Variables["Count"]!.ToJsonString());
        Assert.Equal(["counted", "你好，共 3 件"], result.Journal.Lines());
    }

    [Fact]
    public async Task Variables_survive_being_stored_between_bursts()
    {
        using var harness = new RuntimeHarness();

        var result = await harness.RunAsync("variables.json");

        var stored = harness.Instances.State(result.State.Id);
        Assert.Equal("你好", (string?)stored.Variables["Greeting"]);
        Assert.Equal("3", stored.Variables["Count"]!.ToJsonString());
    }
}
