using System.Net;
using System.Text.Json.Nodes;
using Workflows.Host.Tests.Infrastructure;
using static Workflows.Host.Tests.ElsaApi.ElsaApi;

namespace Workflows.Host.Tests.ElsaApi;

/// <summary>The viewer's node badges, execution lists, one execution's details and its call stack.</summary>
public sealed class ActivityExecutionTests(ElsaApiFixture fixture) : IClassFixture<ElsaApiFixture>
{
    private const string Start = "Workflow1:flow1:start";
    private const string Write = "Workflow1:flow1:write";
    private const string Wait = "Workflow1:flow1:wait";
    private readonly HttpClient _client = fixture.Client;

    private async Task<string> RunAsync(JsonObject model)
    {
        await _client.SaveDefinitionAsync(model, publish: true);
        return await _client.ExecuteAsync(model.Str("definitionId"));
    }

    [Fact]
    public async Task The_report_counts_executions_per_node_and_marks_blocked_ones()
    {
        var instanceId = await RunAsync(WaitingDefinition(NewId()));

        var report = await _client.PostOkAsync("/activity-executions/report",
            new JsonObject { ["workflowInstanceId"] = instanceId, ["activityNodeIds"] = new JsonArray(Start, Write, Wait) });

        var stats = report["stats"]!.AsArray().Select(s => s!.AsObject()).ToDictionary(s => s.Str("activityNodeId"));
        foreach (var s in stats.Values)
            AssertElsaObject(s, "activityId", "activityNodeId", "startedCount", "completedCount", "uncompletedCount", "isBlocked", "isFaulted", "metadata");
        Assert.Equal((1, 1, 0, false), Counts(stats[Write]));
        Assert.Equal((1, 0, 1, true), Counts(stats[Wait]));
        Assert.Equal(3, stats.Count);
    }

    [Fact]
    public async Task The_report_marks_a_faulted_node()
    {
        var instanceId = await RunAsync(FaultingDefinition(NewId()));

        var report = await _client.PostOkAsync("/activity-executions/report",
            new JsonObject { ["workflowInstanceId"] = instanceId, ["activityNodeIds"] = new JsonArray("Workflow1:flow1:boom") });

        var boom = Assert.Single(report["stats"]!.AsArray())!;
        Assert.True(boom["isFaulted"]!.GetValue<bool>());
        var (status, body) = await _client.SendAsync(HttpMethod.Post, "/activity-executions/report", new JsonObject());
        AssertErrorNames(HttpStatusCode.BadRequest, status, body, "workflowInstanceId");
    }

    [Fact]
    public async Task Lists_and_summaries_of_a_node_and_one_execution_with_PascalCase_state()
    {
        var instanceId = await RunAsync(WaitingDefinition(NewId()));

        var list = await _client.GetOkAsync($"/activity-executions/list?WorkflowInstanceId={instanceId}&ActivityNodeId={Write}");
        var summaries = await _client.GetOkAsync($"/activity-execution-summaries/list?WorkflowInstanceId={instanceId}&ActivityNodeId={Write}");
        var record = Assert.Single(list.Items());
        var detail = await _client.GetOkAsync($"/activity-executions/by-id?id={record.Str("id")}");
        var (missing, _) = await _client.SendAsync(HttpMethod.Get, $"/activity-executions/by-id?id={NewId()}");
        var (noInstance, body) = await _client.SendAsync(HttpMethod.Get, "/activity-executions/list");

        AssertElsaObject(list, "items", "count");
        AssertElsaObject(detail, "id", "workflowInstanceId", "activityId", "activityNodeId", "activityType", "activityTypeVersion", "activityName",
            "status", "startedAt", "completedAt", "hasBookmarks", "activityState", "payload", "outputs", "properties", "metadata", "aggregateFaultCount", "callStackDepth");
        Assert.Equal("你好", detail["activityState"]!["Text"]!.GetValue<string>());
        Assert.Equal(["Done"], detail["payload"]!["Outcomes"].Strings());
        Assert.Equal("Completed", detail.Str("status"));
        var summary = Assert.Single(summaries.Items());
        AssertElsaObject(summary, "id", "workflowInstanceId", "activityId", "activityNodeId", "activityType", "activityTypeVersion", "startedAt", "hasBookmarks", "status", "metadata");
        Assert.False(summary.ContainsKey("activityState"));
        Assert.Equal(HttpStatusCode.NotFound, missing);
        AssertErrorNames(HttpStatusCode.BadRequest, noInstance, body, "WorkflowInstanceId");
    }

    [Fact]
    public async Task The_call_stack_runs_from_the_root_flowchart_to_the_execution()
    {
        var instanceId = await RunAsync(WaitingDefinition(NewId()));
        var record = Assert.Single((await _client.GetOkAsync($"/activity-executions/list?WorkflowInstanceId={instanceId}&ActivityNodeId={Wait}")).Items());

        var stack = await _client.GetOkAsync($"/activity-executions/{record.Str("id")}/call-stack?includeCrossWorkflowChain=True");
        var (missing, _) = await _client.SendAsync(HttpMethod.Get, $"/activity-executions/{NewId()}/call-stack");

        AssertElsaObject(stack, "activityExecutionId", "items", "totalCount");
        Assert.Equal(["Workflow1:flow1", Wait], stack.Items().Select(i => i.Str("activityNodeId")));
        Assert.Equal([0, 1], stack.Items().Select(i => i["callStackDepth"]!.GetValue<int>()));
        Assert.Equal(HttpStatusCode.NotFound, missing);
    }

    private static (long, long, long, bool) Counts(JsonObject s) => (s["startedCount"]!.GetValue<long>(), s["completedCount"]!.GetValue<long>(),
        s["uncompletedCount"]!.GetValue<long>(), s["isBlocked"]!.GetValue<bool>());
}

/// <summary>The editor's Test tab: a dry run that evaluates an activity's inputs without running it.</summary>
public sealed class ActivityTestTabTests(ElsaApiFixture fixture) : IClassFixture<ElsaApiFixture>
{
    private readonly HttpClient _client = fixture.Client;

    private static JsonObject Request(string versionId, string nodeId) => new()
    {
        ["workflowDefinitionHandle"] = new JsonObject { ["definitionVersionId"] = versionId },
        ["activityHandle"] = new JsonObject { ["activityNodeId"] = nodeId },
    };

    [Fact]
    public async Task Inputs_are_evaluated_and_the_activity_is_not_run()
    {
        var model = WaitingDefinition(NewId());
        model["root"]!["activities"]![1]!["text"] = new JsonObject
        {
            ["typeName"] = "String",
            ["expression"] = new JsonObject { ["type"] = "JavaScript", ["value"] = "'第' + (1 + 2) + '次'" },
        };
        var saved = await _client.SaveDefinitionAsync(model);

        var response = await _client.PostOkAsync("/tests/activities", Request(saved.Str("id"), "Workflow1:flow1:write"));

        Assert.Equal("第3次", response["activityState"]!["Text"]!.GetValue<string>());
        Assert.Equal("Pending", response.Str("status"));
    }

    [Fact]
    public async Task A_failing_expression_is_reported_as_a_fault()
    {
        var saved = await _client.SaveDefinitionAsync(FaultingDefinition(NewId()));

        var response = await _client.PostOkAsync("/tests/activities", Request(saved.Str("id"), "Workflow1:flow1:boom"));
        var (status, body) = await _client.SendAsync(HttpMethod.Post, "/tests/activities", Request(saved.Str("id"), "Workflow1:flow1:nothing"));

        Assert.Equal("Faulted", response.Str("status"));
        Assert.Contains("故意的错误", response["exception"].Str("message"));
        AssertErrorNames(HttpStatusCode.BadRequest, status, body, "activityHandle");
    }
}
