using System.Text.Json.Nodes;
using Workflows.Runtime.Execution;
using Workflows.Runtime.Tests.Harness;

namespace Workflows.Runtime.Tests.Conformance;

/// <summary>
/// Elsa 3.8's flow and primitive activities (elsa-core release/3.8.0, src/modules/Elsa.Workflows.Core/Activities/:
/// Flowchart/Activities/FlowFork.cs, FlowSwitch.cs, SetName.cs, Correlate.cs, Fault.cs, and
/// src/modules/Elsa.JavaScript/Activities/RunJavaScript.cs), each in a small definition.
/// </summary>
public sealed class ActivityConformanceTests
{
    private static JsonObject Branches(params string[] names) =>
        Fixture.Input("List<String>", "Object", new JsonArray(names.Select(n => (JsonNode)n).ToArray()).ToJsonString());

    [Fact]
    public async Task FlowFork_continues_on_every_branch_and_an_implicit_join_merges_them()
    {
        var flow = new Flow().Start().Add("fork", "Elsa.FlowFork", ("branches", Branches("Left", "Right")))
            .Line("left", "left").Line("right", "right").Line("merged", "merged")
            .Connect("start", "fork").Connect("fork", "left", "Left").Connect("fork", "right", "Right")
            .Connect("left", "merged").Connect("right", "merged");
        using var harness = new RuntimeHarness();

        var result = await harness.RunAsync(flow.Build("fork"));

        Assert.Equal(["left", "right", "merged"], result.Journal.Lines());
    }

    private static Flow Switch(string mode, string amount) => new Flow().Start()
        .Add("switch", "Elsa.FlowSwitch",
            ("cases", new JsonArray(
                new JsonObject { ["label"] = "Large", ["condition"] = new JsonObject { ["type"] = "JavaScript", ["value"] = $"{amount} > 1000" } },
                new JsonObject { ["label"] = "Positive", ["condition"] = new JsonObject { ["type"] = "JavaScript", ["value"] = $"{amount} > 0" } })),
            ("mode", Fixture.Input("String", "Literal", mode)))
        .Line("large", "large").Line("positive", "positive").Line("other", "default")
        .Connect("start", "switch").Connect("switch", "large", "Large").Connect("switch", "positive", "Positive")
        .Connect("switch", "other", "Default");

    [Fact]
    public async Task FlowSwitch_MatchFirst_follows_the_first_true_case_only()
    {
        using var harness = new RuntimeHarness();

        var result = await harness.RunAsync(Switch("MatchFirst", "5000").Build("switch-first"));

        Assert.Equal(["large"], result.Journal.Lines());
    }

    [Fact]
    public async Task FlowSwitch_MatchAny_follows_every_true_case_and_Default_when_none_is_true()
    {
        using var harness = new RuntimeHarness();

        var any = await harness.RunAsync(Switch("MatchAny", "5000").Build("switch-any"));
        var none = await harness.RunAsync(Switch("MatchAny", "-1").Build("switch-none"));

        Assert.Equal(["large", "positive"], any.Journal.Lines());
        Assert.Equal(["default"], none.Journal.Lines());
    }

    [Fact]
    public async Task SetName_and_Correlate_set_the_instance_name_and_correlation_id()
    {
        var flow = new Flow().Start()
            .Add("name", "Elsa.SetName", ("value", Fixture.Input("String", "JavaScript", "'报修 ' + getInput('room')")))
            .Add("correlate", "Elsa.Correlate", ("correlationId", Fixture.Input("String", "Literal", "room-301")))
            .LineJs("show", "getCorrelationId()")
            .Chain("start", "name", "correlate", "show");
        using var harness = new RuntimeHarness();

        var result = await harness.RunAsync(flow.Build("name-correlate"), new JsonObject { ["room"] = "301" });

        Assert.Equal("报修 301", result.State.Name);
        Assert.Equal("room-301", result.State.CorrelationId);
        Assert.Equal(["room-301"], result.Journal.Lines());
    }

    [Fact]
    public async Task Fault_faults_the_instance_with_its_message()
    {
        var flow = new Flow().Start().Line("before", "before")
            .Add("fault", "Elsa.Fault", ("message", Fixture.Input("String", "Literal", "材料不全")), ("code", Fixture.Input("String", "Literal", "E1")))
            .Chain("start", "before", "fault");
        using var harness = new RuntimeHarness();

        var result = await harness.RunAsync(flow.Build("fault"));

        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
        Assert.Equal("材料不全", Assert.Single(result.State.Incidents).Message);
        Assert.Equal(["before"], result.Journal.Lines());
    }

    [Fact]
    public async Task RunJavaScript_runs_the_script_and_its_value_is_the_Result_output()
    {
        var flow = new Flow().Variable("Total", "Int32", "0").Start()
            .Add("script", "Elsa.RunJavaScript", ("script", Fixture.Input("String", "Literal", "setTotal(40 + 2); getTotal() * 2")))
            .LineJs("show", "'total ' + getTotal() + ', result ' + getLastResult()")
            .Chain("start", "script", "show");
        using var harness = new RuntimeHarness();

        var result = await harness.RunAsync(flow.Build("run-js"));

        Assert.Equal(["total 42, result 84"], result.Journal.Lines());
        Assert.Equal("84", result.ActivityRecords.Single(r => r.ActivityId == "script").Outputs!["Result"]!.ToJsonString());
    }
}
