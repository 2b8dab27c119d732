using System.Text.Json.Nodes;
using Workflows.Runtime.Execution;
using Workflows.Runtime.Expressions;
using Workflows.Runtime.Tests.Harness;

namespace Workflows.Runtime.Tests.Expressions;

/// <summary>
/// Jint checks the memory limit between statements; one call that builds a huge string (<c>'x'.repeat(1 &lt;&lt; 27)</c>
/// grew the host by 257 MB) must be stopped before it allocates.
/// </summary>
public sealed class JavaScriptMemoryTests
{
    /// <summary>The engine itself, the bound globals and the error's text.</summary>
    private const long Margin = 8L * 1024 * 1024;

    [Theory]
    [InlineData("'x'.repeat(1 << 27).length")]
    [InlineData("var s = 'x'.repeat(1 << 21); s.repeat(64).length")]
    [InlineData("''.padStart(1 << 27, 'x').length")]
    [InlineData("'x'.repeat(1 << 22).replaceAll('x', 'yyyyyyyyyyyyyyyyyyyyyyyyyyy').length")]
    [InlineData("'ab'.repeat(1 << 19).replace(/a/g, '$&$&$&$&$&$&$&$&$&$&$&$&$&$&').length")]
    [InlineData("'x'.repeat(10000).replace(/x/g, '$`').length")]
    public async Task One_call_cannot_take_more_than_the_memory_limit(string script)
    {
        using var harness = new RuntimeHarness();
        var limit = harness.Get<Microsoft.Extensions.Options.IOptions<JavaScriptOptions>>().Value.MemoryLimitBytes;
        var evaluator = harness.Get<ExpressionEvaluator>();

        // Measured on this thread alone: other tests run in parallel in this process.
        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<ExpressionException>(() => evaluator.Evaluate("JavaScript", JsonValue.Create(script), Context()));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Contains("sandbox", error.Message);
        Assert.True(allocated < limit + Margin, $"allocated {allocated / 1024 / 1024} MB ({error.Message})");

        // And in a workflow it is an incident on the instance.
        var result = await harness.RunAsync(Fixture.Definition("script.json", json =>
            Fixture.Activity(json, "script")["text"]!["expression"]!["value"] = script));
        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
        Assert.Contains("memory limit", Assert.Single(result.State.Incidents).Message);
    }

    [Fact]
    public void The_guarded_string_functions_still_work_on_ordinary_strings()
    {
        using var harness = new RuntimeHarness();

        var result = harness.Get<ExpressionEvaluator>().Evaluate("JavaScript", JsonValue.Create(
            "'ab'.repeat(3) + 'x'.padStart(3, '-') + '7'.padEnd(2) + '|' + 'a-b'.replace(/-/g, '+') + 'a.b.c'.replaceAll('.', '$&$&')"
            + " + 'x1'.replace('x', function (m) { return m.toUpperCase(); }) + String.prototype.repeat.call(5, 2)"), Context());

        Assert.Equal("ababab--x7 |a+ba..b..cX155", (string?)result);
    }

    private static ExpressionContext Context() => new()
    {
        Variables = new Dictionary<string, JsonNode?>(),
        Input = new Dictionary<string, JsonNode?>(),
        WorkflowInstanceId = "i1",
        DefinitionId = "d1",
        Now = RuntimeHarness.StartTime,
    };
}
