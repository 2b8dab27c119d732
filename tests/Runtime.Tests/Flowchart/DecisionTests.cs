using System.Text.Json.Nodes;
using Workflows.Runtime.Execution;
using Workflows.Runtime.Tests.Harness;

namespace Workflows.Runtime.Tests.Flowchart;

public sealed class DecisionTests
{
    [Fact]
    public async Task Decision_follows_the_True_port_when_the_condition_is_true()
    {
        using var harness = new RuntimeHarness();

        var result = await harness.RunAsync("decision.json", new JsonObject { ["amount"] = 5000 });

        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Equal("5000", result.State.Variables["Amount"]!.ToJsonString());
        Assert.Equal(["large repair"], result.Journal.Lines());
        Assert.DoesNotContain("small", result.Journal.Completed());
        var decision = result.ActivityRecords.Single(r => r.ActivityId == "decide");
        Assert.Equal("""["True"]""", decision.Payload!["Outcomes"]!.ToJsonString());
    }

    [Fact]
    public async Task Decision_follows_the_False_port_when_the_condition_is_false()
    {
        using var harness = new RuntimeHarness();

        var result = await harness.RunAsync("decision.json", new JsonObject { ["amount"] = 300 });

        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Equal(["small repair"], result.Journal.Lines());
        Assert.DoesNotContain("large", result.Journal.Completed());
        var decision = result.ActivityRecords.Single(r => r.ActivityId == "decide");
        Assert.Equal("""["False"]""", decision.Payload!["Outcomes"]!.ToJsonString());
    }
}
