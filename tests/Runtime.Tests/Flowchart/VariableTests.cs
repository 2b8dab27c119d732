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

    [Fact]
    public async Task A_variable_without_a_value_still_exists_after_being_stored()
    {
        using var harness = new RuntimeHarness();
        var definition = Fixture.Definition("event.json", json =>
            Fixture.Activity(json, "show")["text"]!["expression"] = new System.Text.Json.Nodes.JsonObject { ["type"] = "Variable", ["value"] = "Decision" });
        var started = await harness.RunAsync(definition);
        var id = started.State.Id;

        Assert.True(harness.Instances.State(id).Variables.ContainsKey("Decision"));
        var result = await harness.ResumeAsync(id, harness.BookmarkOf(id, "wait").Id, null);

        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Empty(result.State.Incidents);
    }

    [Fact]
    public async Task SetVariable_converts_the_value_to_the_declared_variable_type()
    {
        using var harness = new RuntimeHarness();

        var result = await harness.RunAsync("set-variable-types.json");

        // Studio sends literals as text; Elsa converts them to the variable's type, so "5" + 1 is 6, not "51".
        Assert.Equal(["number,6,boolean,string,42"], result.Journal.Lines());
        Assert.Equal("5", result.State.Variables["Count"]!.ToJsonString());
        Assert.Equal("true", result.State.Variables["Approved"]!.ToJsonString());
        Assert.Equal("\"42\"", result.State.Variables["Label"]!.ToJsonString());
    }

    [Fact]
    public async Task SetVariable_with_a_value_that_does_not_fit_the_type_becomes_an_incident()
    {
        using var harness = new RuntimeHarness();
        var definition = Fixture.Definition("set-variable-types.json",
            json => Fixture.Activity(json, "setCount")["value"]!["expression"]!["value"] = "five");

        var result = await harness.RunAsync(definition);

        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
        var incident = Assert.Single(result.State.Incidents);
        Assert.Equal("setCount", incident.ActivityId);
        Assert.Contains("Count", incident.Message);
    }
}
