using System.Text.Json.Nodes;
using Workflows.Runtime.Execution;
using Workflows.Runtime.Tests.Harness;

namespace Workflows.Runtime.Tests.Conformance;

/// <summary>
/// The functions Elsa 3.8's JavaScript module gives scripts (elsa-core release/3.8.0,
/// src/modules/Elsa.JavaScript/Handlers/ConfigureEngineWithCommonFunctions.cs, …WithVariables (generated
/// get/set accessors), …WithWorkflowInputs, …WithActivityOutputs, …WithLastResult), each used as a real script
/// in a WriteLine would use it.
/// </summary>
public sealed class JavaScriptConformanceTests
{
    [Fact]
    public async Task Common_functions_read_the_input_the_instance_and_test_strings()
    {
        var flow = new Flow().Start()
            .LineJs("input", "'amount ' + getInput('amount')")
            .LineJs("id", "getWorkflowInstanceId() === workflowInstanceId ? 'same id' : 'other id'")
            .LineJs("empty", "[isNullOrEmpty(''), isNullOrEmpty(null), isNullOrEmpty(' '), isNullOrWhiteSpace(' '), isNullOrWhiteSpace('x')].join(',')")
            .LineJs("guid", "/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(newGuid()) ? 'guid' : 'no guid'")
            .LineJs("json", "toJson({ a: 1, b: ['x'] })")
            .Chain("start", "input", "id", "empty", "guid", "json");
        using var harness = new RuntimeHarness();

        var result = await harness.RunAsync(flow.Build("js-common"), new JsonObject { ["amount"] = 5000 });

        Assert.Equal(["amount 5000", "same id", "true,true,false,true,false", "guid", """{"a":1,"b":["x"]}"""], result.Journal.Lines());
    }

    [Fact]
    public async Task Correlation_id_set_by_a_script_is_kept_by_the_instance()
    {
        var flow = new Flow().Start()
            .LineJs("before", "isNullOrEmpty(getCorrelationId()) ? 'none' : getCorrelationId()")
            .Add("set", "Elsa.SetVariable",
                ("variable", new JsonObject { ["id"] = "Note", ["name"] = "Note" }),
                ("value", Fixture.Input("Object", "JavaScript", "setCorrelationId('case-42'); 'set'")))
            .LineJs("after", "getCorrelationId()")
            .Variable("Note", "String", null)
            .Chain("start", "before", "set", "after");
        using var harness = new RuntimeHarness();

        var result = await harness.RunAsync(flow.Build("js-correlation"));

        Assert.Equal(["none", "case-42"], result.Journal.Lines());
        Assert.Equal("case-42", result.State.CorrelationId);
    }

    [Fact]
    public async Task Generated_accessors_read_and_write_variables_and_read_declared_inputs()
    {
        var flow = new Flow().Variable("Counter", "Int32", "1").Start()
            .Add("inc", "Elsa.SetVariable",
                ("variable", new JsonObject { ["id"] = "Counter", ["name"] = "Counter" }),
                ("value", Fixture.Input("Object", "JavaScript", "getCounter() + 1")))
            .LineJs("show", "setCounter(getCounter() * 10); 'counter ' + getCounter() + ', applicant ' + getApplicant()")
            .Chain("start", "inc", "show");
        var json = flow.Json("js-accessors");
        json["inputs"] = new JsonArray(new JsonObject { ["name"] = "Applicant", ["type"] = "String", ["displayName"] = "Applicant" });
        using var harness = new RuntimeHarness();

        var result = await harness.RunAsync(Workflows.Runtime.Definitions.DefinitionJson.Deserialize(json.ToJsonString()),
            new JsonObject { ["Applicant"] = "张三" });

        Assert.Equal(["counter 20, applicant 张三"], result.Journal.Lines());
        Assert.Equal("20", result.State.Variables["Counter"]!.ToJsonString());
    }

    [Fact]
    public async Task Outputs_of_earlier_activities_are_read_by_name_and_by_generated_accessor()
    {
        // Elsa.Event's output (the event's payload) is named Result; the activity is named "approval".
        var flow = new Flow().Start().Event("approval", "approved")
            .LineJs("show", "getOutputFrom('approval', 'Result').by + ' / ' + getResultFromApproval().by + ' / ' + getLastResult().by")
            .Chain("start", "approval", "show");
        using var harness = new RuntimeHarness();
        var id = (await harness.RunAsync(flow.Build("js-outputs"))).State.Id;

        var result = await harness.ResumeAsync(id, harness.BookmarkOf(id, "approval").Id, new JsonObject { ["by"] = "李四" });

        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Equal(["李四 / 李四 / 李四"], result.Journal.Lines());
    }
}
