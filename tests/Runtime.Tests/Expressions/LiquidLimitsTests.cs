using System.Diagnostics;
using System.Text.Json.Nodes;
using Workflows.Runtime.Definitions;
using Workflows.Runtime.Execution;
using Workflows.Runtime.Expressions;
using Workflows.Runtime.Tests.Harness;

namespace Workflows.Runtime.Tests.Expressions;

/// <summary>
/// Liquid comes from definitions admins (or API keys) edit: one WriteLine whose text loops a hundred million times
/// once held a request for minutes and took the host to 4.5 GB. Every such template must end as an incident at once.
/// </summary>
public sealed class LiquidLimitsTests
{
    private const long MemoryBudget = 100L * 1024 * 1024;

    [Theory]
    [InlineData("a hundred million iterations", "{% for i in (1..100000000) %}x{% endfor %}")]
    [InlineData("nested loops", "{% for i in (1..10000) %}{% for j in (1..10000) %}x{% endfor %}{% endfor %}")]
    [InlineData("string doubling with append", "{% assign s = 'x' %}{% for i in (1..100) %}{% assign s = s | append: s %}{% endfor %}{{ s | size }}")]
    [InlineData("a long text appended in one output", "{% assign s = 'x' %}{% for i in (1..15) %}{% assign s = s | append: s %}{% endfor %}{{ s | append: s | append: s | size }}")]
    [InlineData("string doubling with capture", "{% assign s = 'x' %}{% for i in (1..100) %}{% capture s %}{{ s }}{{ s }}{% endcapture %}{% endfor %}{{ s | size }}")]
    [InlineData("a long text repeated inside a capture", "{% assign s = 'x' %}{% for i in (1..15) %}{% assign s = s | append: s %}{% endfor %}{% capture t %}{% for i in (1..5000) %}{{ s }}{% endfor %}{% endcapture %}{{ t | size }}")]
    [InlineData("join with a long separator", "{% assign s = 'x' %}{% for i in (1..15) %}{% assign s = s | append: s %}{% endfor %}{{ (1..5000) | join: s | size }}")]
    [InlineData("replace that multiplies the text", "{% assign s = 'x' %}{% for i in (1..15) %}{% assign s = s | append: s %}{% endfor %}{{ s | replace: 'x', s | size }}")]
    [InlineData("output beyond the limit", "{% for i in (1..5000) %}很长的一行文字，很长的一行文字，很长的一行文字。{% endfor %}")]
    public async Task Runaway_Liquid_becomes_an_incident_within_seconds_with_little_memory(string kind, string template)
    {
        using var harness = new RuntimeHarness();
        // Compiling the engine's code on first use is not the render's time (it takes seconds on a loaded machine).
        await harness.RunAsync(LiquidDefinition("{% for i in (1..3) %}{{ i | append: 'x' }}{% endfor %}"));
        var stopwatch = Stopwatch.StartNew();

        var result = await harness.RunAsync(LiquidDefinition(template)).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"{kind}: took {stopwatch.Elapsed}");
        AssertFaultedAt(result, "script");
        Assert.Contains("超出限制", result.State.Incidents[0].Message);

        // The same render again, measured on this thread alone (other tests run in parallel in this process).
        var evaluator = harness.Get<ExpressionEvaluator>();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<ExpressionException>(() => evaluator.Evaluate("Liquid", JsonValue.Create(template), Context()));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < MemoryBudget, $"{kind}: allocated {allocated / 1024 / 1024} MB ({error.Message})");
    }

    [Fact]
    public void The_limit_is_named_in_the_message()
    {
        using var harness = new RuntimeHarness();
        var evaluator = harness.Get<ExpressionEvaluator>();

        var range = Assert.Throws<ExpressionException>(() =>
            evaluator.Evaluate("Liquid", JsonValue.Create("{% for i in (1..100000000) %}x{% endfor %}"), Context()));
        var steps = Assert.Throws<ExpressionException>(() =>
            evaluator.Evaluate("Liquid", JsonValue.Create("{% for i in (1..9000) %}{% for j in (1..9000) %}{% endfor %}{% endfor %}"), Context()));

        Assert.Contains("范围 (1..100000000) 超过 10000 个数", range.Message);
        Assert.Contains("执行步数超过 10000", steps.Message);
    }

    [Fact]
    public async Task Ordinary_templates_render_as_before()
    {
        using var harness = new RuntimeHarness();
        const string template = "{{ Input.company.name }}：贵单位于 {{ Input.signedOn }} 签订的合同“{{ Input.title | truncate: 8 }}”"
                                + "{% if Input.late and Input.late != \"\" %}已逾期{% endif %}，共 {% for i in (1..3) %}{{ i }}{% endfor %} 件，{{ Input.year }} 年。";

        var result = await harness.RunAsync(LiquidDefinition(template), new JsonObject
        {
            ["company"] = new JsonObject { ["name"] = "信阳物业有限公司" },
            ["signedOn"] = "2026-09-17",
            ["title"] = "前期物业服务合同备案",
            ["late"] = "",
            ["year"] = 2026,
        });

        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Equal("信阳物业有限公司：贵单位于 2026-09-17 签订的合同“前期物业服...”，共 123 件，2026 年。", result.Journal.Lines()[0]);
    }

    [Fact]
    public async Task A_script_result_longer_than_the_output_limit_becomes_an_incident()
    {
        using var harness = new RuntimeHarness();

        var result = await harness.RunAsync(Fixture.Definition("script.json", json =>
            Fixture.Activity(json, "script")["text"]!["expression"]!["value"] = "'x'.repeat(70000)"));

        AssertFaultedAt(result, "script");
        Assert.Contains("more than the limit of 65536", result.State.Incidents[0].Message);
    }

    private static ExpressionContext Context() => new()
    {
        Variables = new Dictionary<string, JsonNode?>(),
        Input = new Dictionary<string, JsonNode?>(),
        WorkflowInstanceId = "i1",
        DefinitionId = "d1",
        Now = RuntimeHarness.StartTime,
    };

    private static WorkflowDefinition LiquidDefinition(string template) =>
        Fixture.Definition("script.json", json =>
            Fixture.Activity(json, "script")["text"]!["expression"] = new JsonObject { ["type"] = "Liquid", ["value"] = template });

    private static void AssertFaultedAt(RunResult result, string activityId)
    {
        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
        var incident = Assert.Single(result.State.Incidents);
        Assert.Equal(activityId, incident.ActivityId);
        Assert.DoesNotContain(result.Journal, j => j.ActivityId == "after");
    }
}
