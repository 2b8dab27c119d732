using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Runtime.Definitions;
using Workflows.Runtime.Execution;
using Workflows.Runtime.Expressions;
using Workflows.Runtime.Tests.Harness;

namespace Workflows.Runtime.Tests.Expressions;

/// <summary>Scripts come from definitions admins edit: a runaway script must end as an incident, never hang or crash.</summary>
public sealed class JavaScriptSandboxTests
{
    /// <summary>Far above the sandbox's own limits; reaching it means the sandbox did not stop the script.</summary>
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData("infinite loop", "while (true) {}")]
    [InlineData("deep recursion", "function down(n) { return down(n + 1) + 1; } down(0);")]
    [InlineData("string doubling", "var s = 'x'; while (true) { s = s + s; }")]
    [InlineData("growing array", "var a = []; while (true) { a.push(new Array(100000).fill(1)); }")]
    [InlineData("huge array filled in one call", "new Array(200000000).fill(1).length")]
    [InlineData("large string in the last statement", "'x'.repeat(1 << 25).length")]
    public async Task Runaway_script_becomes_an_incident_on_the_instance(string kind, string script)
    {
        using var harness = new RuntimeHarness();
        var stopwatch = Stopwatch.StartNew();

        var result = await harness.RunAsync(ScriptDefinition(script)).WaitAsync(HangLimit);

        Assert.True(stopwatch.Elapsed < HangLimit, kind);
        AssertFaultedAt(result, "script");
        Assert.Contains("sandbox", result.State.Incidents[0].Message);
    }

    [Fact]
    public async Task Catastrophic_regular_expression_is_stopped_by_the_script_timeout()
    {
        using var harness = new RuntimeHarness(services =>
            services.Configure<JavaScriptOptions>(o => o.TimeoutMilliseconds = 300));
        var stopwatch = Stopwatch.StartNew();

        var result = await harness.RunAsync(ScriptDefinition("/^(a+)+$/.test('a'.repeat(40) + '!')")).WaitAsync(HangLimit);

        AssertFaultedAt(result, "script");
        Assert.Contains("sandbox", result.State.Incidents[0].Message);
        // Jint's default regex timeout is 10 s; the configured script timeout must apply instead.
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task Script_has_no_access_to_CLR_types()
    {
        using var harness = new RuntimeHarness();

        var result = await harness.RunAsync(ScriptDefinition(
            "[typeof System, typeof importNamespace, typeof clrHelper, typeof require].join(',')"));

        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Equal("undefined,undefined,undefined,undefined", result.Journal.Lines()[0]);
    }

    [Fact]
    public async Task Binary_buffers_that_bypass_the_memory_limit_are_not_available()
    {
        using var harness = new RuntimeHarness();

        var result = await harness.RunAsync(ScriptDefinition(
            "[typeof ArrayBuffer, typeof SharedArrayBuffer, typeof DataView, typeof Uint8Array, typeof Float64Array].join(',')"));

        Assert.Equal("undefined,undefined,undefined,undefined,undefined", result.Journal.Lines()[0]);
    }

    [Fact]
    public async Task Allocating_a_large_typed_array_becomes_an_incident()
    {
        using var harness = new RuntimeHarness();

        var result = await harness.RunAsync(ScriptDefinition("new Uint8Array(1 << 26).length"));

        AssertFaultedAt(result, "script");
    }

    [Fact]
    public async Task Calling_into_System_IO_File_fails_as_an_incident()
    {
        using var harness = new RuntimeHarness();

        var result = await harness.RunAsync(ScriptDefinition("System.IO.File.ReadAllText('/etc/passwd')"));

        AssertFaultedAt(result, "script");
        Assert.Contains("System is not defined", result.State.Incidents[0].Message);
    }

    [Fact]
    public async Task Host_functions_do_not_leak_CLR_objects()
    {
        using var harness = new RuntimeHarness();

        var result = await harness.RunAsync(ScriptDefinition(
            "[typeof getVariable.constructor, typeof getVariable('missing'), typeof getVariable.GetType].join(',')"));

        Assert.Equal("function,undefined,undefined", result.Journal.Lines()[0]);
    }

    [Fact]
    public async Task A_script_error_names_the_activity_and_input_in_the_incident()
    {
        using var harness = new RuntimeHarness();

        var result = await harness.RunAsync(ScriptDefinition("throw new Error('boom')"));

        AssertFaultedAt(result, "script");
        var incident = result.State.Incidents[0];
        Assert.Contains("boom", incident.Message);
        Assert.Contains("'script'", incident.Message);
        Assert.Contains("Text", incident.Message);
        Assert.Equal("Workflow1:f1:script", incident.ActivityNodeId);
        Assert.Equal("Elsa.WriteLine", incident.ActivityType);
    }

    private static WorkflowDefinition ScriptDefinition(string script) =>
        Fixture.Definition("script.json", json => Fixture.Activity(json, "script")["text"]!["expression"]!["value"] = script);

    private static void AssertFaultedAt(RunResult result, string activityId)
    {
        Assert.Equal(WorkflowStatus.Finished, result.State.Status);
        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
        var incident = Assert.Single(result.State.Incidents);
        Assert.Equal(activityId, incident.ActivityId);
        Assert.Equal(ActivityStatus.Faulted, result.ActivityRecords.Single(r => r.ActivityId == activityId).Status);
        Assert.Contains(result.Journal, j => j.ActivityId == activityId && j.EventName == JournalEvents.Faulted);
        Assert.DoesNotContain(result.Journal, j => j.ActivityId == "after");
    }
}
