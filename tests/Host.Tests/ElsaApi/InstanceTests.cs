using System.Net;
using System.Text.Json.Nodes;
using Workflows.Host.Tests.Infrastructure;
using static Workflows.Host.Tests.ElsaApi.ElsaApi;

namespace Workflows.Host.Tests.ElsaApi;

/// <summary>The instance list and one instance: read, execution state, variables, cancel, delete.</summary>
public sealed class InstanceTests(ElsaApiFixture fixture) : IClassFixture<ElsaApiFixture>
{
    private readonly HttpClient _client = fixture.Client;

    private async Task<string> PublishAsync(JsonObject model)
    {
        await _client.SaveDefinitionAsync(model, publish: true);
        return model.Str("definitionId");
    }

    private async Task<JsonObject> ListAsync(JsonObject filter) => (await _client.PostOkAsync("/workflow-instances", filter)).AsObject();

    private static JsonObject Filter(string definitionId, Action<JsonObject>? more = null)
    {
        var filter = new JsonObject
        {
            ["page"] = 0, ["pageSize"] = 20, ["searchTerm"] = "", ["definitionId"] = null, ["definitionIds"] = new JsonArray(definitionId),
            ["correlationId"] = null, ["version"] = null, ["hasIncidents"] = null, ["isSystem"] = false, ["status"] = null,
            ["statuses"] = new JsonArray(), ["subStatus"] = null, ["subStatuses"] = new JsonArray(), ["orderBy"] = null,
            ["orderDirection"] = "Descending", ["timestampFilters"] = new JsonArray(),
        };
        more?.Invoke(filter);
        return filter;
    }

    [Fact]
    public async Task The_list_answers_summaries_Studio_can_read()
    {
        var id = await PublishAsync(WaitingDefinition(NewId(), "实例列表"));
        var instanceId = await _client.ExecuteAsync(id);

        var page = await ListAsync(Filter(id));

        AssertElsaObject(page, "items", "totalCount");
        var item = Assert.Single(page.Items());
        AssertElsaObject(item, "id", "definitionId", "definitionVersionId", "version", "status", "subStatus", "name", "incidentCount", "createdAt", "updatedAt");
        Assert.Equal(instanceId, item.Str("id"));
        Assert.Equal("Running", item.Str("status"));
        Assert.Equal("Suspended", item.Str("subStatus"));
        Assert.False(item.ContainsKey("finishedAt"));
    }

    [Fact]
    public async Task Statuses_substatuses_incidents_and_correlation_filter_the_list()
    {
        var id = NewId();
        await PublishAsync(WaitingDefinition(id));
        var running = await _client.ExecuteAsync(id);
        var cancelled = await _client.ExecuteAsync(id);
        await _client.PostOkAsync($"/cancel/workflow-instances/{cancelled}");
        var faultingId = await PublishAsync(FaultingDefinition(NewId()));
        var faulted = await _client.ExecuteAsync(faultingId);
        var both = new JsonArray(id, faultingId);
        var correlated = await _client.PostOkAsync($"/workflow-definitions/{id}/execute", new JsonObject { ["correlationId"] = "案件-7" });

        var runningOnly = await ListAsync(Filter(id, f => f["statuses"] = new JsonArray("Running")));
        var cancelledOnly = await ListAsync(Filter(id, f => f["subStatuses"] = new JsonArray("Cancelled")));
        var withIncidents = await ListAsync(Filter(id, f => { f["definitionIds"] = both.DeepClone(); f["hasIncidents"] = true; }));
        var byCorrelation = await ListAsync(Filter(id, f => f["correlationId"] = "案件-7"));

        Assert.Equal(new[] { running, correlated["workflowState"].Str("id") }.Order(), runningOnly.Items().Select(i => i.Str("id")).Order());
        Assert.Equal([cancelled], cancelledOnly.Items().Select(i => i.Str("id")));
        Assert.Equal([faulted], withIncidents.Items().Select(i => i.Str("id")));
        Assert.Equal(1, withIncidents.Items()[0]["incidentCount"]!.GetValue<int>());
        Assert.Equal("Faulted", withIncidents.Items()[0].Str("subStatus"));
        Assert.Equal("案件-7", Assert.Single(byCorrelation.Items()).Str("correlationId"));
    }

    [Fact]
    public async Task Search_paging_and_ordering()
    {
        var id = NewId();
        await PublishAsync(WaitingDefinition(id, NewId("搜索")));
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await _client.ExecuteAsync(id));
            fixture.App.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var newestFirst = await ListAsync(Filter(id, f => { f["pageSize"] = 2; f["orderBy"] = "Created"; }));
        var secondPage = await ListAsync(Filter(id, f => { f["page"] = 1; f["pageSize"] = 2; f["orderBy"] = "Created"; }));
        var oldestFirst = await ListAsync(Filter(id, f => { f["orderBy"] = "Created"; f["orderDirection"] = "Ascending"; }));
        var searched = await ListAsync(Filter(id, f => { f["definitionIds"] = new JsonArray(); f["searchTerm"] = ids[1]; }));

        Assert.Equal([ids[2], ids[1]], newestFirst.Items().Select(i => i.Str("id")));
        Assert.Equal(3, newestFirst["totalCount"]!.GetValue<long>());
        Assert.Equal([ids[0]], secondPage.Items().Select(i => i.Str("id")));
        Assert.Equal(ids, oldestFirst.Items().Select(i => i.Str("id")));
        Assert.Equal([ids[1]], searched.Items().Select(i => i.Str("id")));
    }

    [Fact]
    public async Task Timestamp_filters_compare_instants_and_whole_days()
    {
        var id = NewId();
        await PublishAsync(WaitingDefinition(id));
        var early = await _client.ExecuteAsync(id);
        fixture.App.Clock.Advance(TimeSpan.FromDays(2));
        var late = await _client.ExecuteAsync(id);
        var lateAt = fixture.App.Clock.GetUtcNow();

        JsonObject Stamp(string op, DateTimeOffset at) =>
            Filter(id, f => f["timestampFilters"] = new JsonArray(new JsonObject { ["column"] = "CreatedAt", ["operator"] = op, ["timestamp"] = at.ToString("O") }));
        var after = await ListAsync(Stamp("GreaterThanOrEqual", lateAt.AddSeconds(-30)));
        var before = await ListAsync(Stamp("LessThan", lateAt.AddSeconds(-30)));
        var onTheDay = await ListAsync(Stamp("Is", new DateTimeOffset(lateAt.UtcDateTime.Date, TimeSpan.Zero)));

        Assert.Equal([late], after.Items().Select(i => i.Str("id")));
        Assert.Equal([early], before.Items().Select(i => i.Str("id")));
        Assert.Equal([late], onTheDay.Items().Select(i => i.Str("id")));
    }

    [Theory]
    [InlineData("statuses", "[\"Sleeping\"]", "statuses")]
    [InlineData("subStatuses", "[\"Paused\"]", "subStatuses")]
    [InlineData("orderBy", "\"Colour\"", "orderBy")]
    [InlineData("page", "-1", "page")]
    [InlineData("timestampFilters", "[{\"column\":\"DeletedAt\",\"operator\":\"Is\",\"timestamp\":\"2026-01-01T00:00:00+00:00\"}]", "timestampFilters[0].column")]
    public async Task Bad_filter_values_are_400s_naming_the_field(string key, string json, string field)
    {
        var filter = new JsonObject { [key] = JsonNode.Parse(json) };

        var (status, body) = await _client.SendAsync(HttpMethod.Post, "/workflow-instances", filter);

        AssertErrorNames(HttpStatusCode.BadRequest, status, body, field);
    }

    [Fact]
    public async Task The_list_also_answers_GET_with_the_filter_in_the_query()
    {
        var id = NewId();
        await PublishAsync(WaitingDefinition(id));
        var instanceId = await _client.ExecuteAsync(id);

        var page = await _client.GetOkAsync($"/workflow-instances?DefinitionIds={id}&Statuses=Running&Page=0&PageSize=5");

        Assert.Equal(instanceId, Assert.Single(page.Items()).Str("id"));
    }

    [Fact]
    public async Task An_instance_has_its_workflow_state_execution_state_and_variables()
    {
        var model = WaitingDefinition(NewId());
        model["variables"] = new JsonArray(
            new JsonObject { ["id"] = "var-1", ["name"] = "次数", ["typeName"] = "Int32", ["value"] = "3" },
            new JsonObject { ["id"] = "var-2", ["name"] = "房屋", ["typeName"] = "JsonObject", ["value"] = "{\"栋\":5}" });
        var instanceId = await _client.ExecuteAsync(await PublishAsync(model));

        var instance = await _client.GetOkAsync($"/workflow-instances/{instanceId}");
        var state = await _client.GetOkAsync($"/workflow-instances/{instanceId}/execution-state");
        var variables = await _client.GetOkAsync($"/workflow-instances/{instanceId}/variables");
        var (missing, _) = await _client.SendAsync(HttpMethod.Get, $"/workflow-instances/{NewId()}");

        AssertElsaObject(instance, "id", "definitionVersionId", "status", "subStatus", "createdAt", "workflowState");
        AssertElsaObject(instance["workflowState"]!.AsObject(), "id", "definitionId", "definitionVersion", "status", "subStatus", "bookmarks", "incidents", "input", "output", "properties");
        Assert.Equal("Elsa.Event", instance["workflowState"]!["bookmarks"]![0].Str("name"));
        AssertElsaObject(state, "status", "subStatus", "updatedAt");
        Assert.Equal("Running", state.Str("status"));
        var byName = variables.Items().ToDictionary(v => v.Str("name"));
        Assert.Equal(2, variables["count"]!.GetValue<int>());
        Assert.Equal(("var-1", 3), (byName["次数"].Str("id"), byName["次数"]["value"]!.GetValue<int>()));
        Assert.Equal(5, byName["房屋"]["value"]!["栋"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, missing);
    }

    [Fact]
    public async Task Cancel_finishes_a_running_instance_and_is_harmless_on_a_finished_one()
    {
        var instanceId = await _client.ExecuteAsync(await PublishAsync(WaitingDefinition(NewId())));

        await _client.PostOkAsync($"/cancel/workflow-instances/{instanceId}");
        await _client.PostOkAsync($"/cancel/workflow-instances/{instanceId}");
        var (missing, _) = await _client.SendAsync(HttpMethod.Post, $"/cancel/workflow-instances/{NewId()}");

        var instance = await _client.GetOkAsync($"/workflow-instances/{instanceId}");
        Assert.Equal(("Finished", "Cancelled"), (instance.Str("status"), instance.Str("subStatus")));
        Assert.Equal(HttpStatusCode.NotFound, missing);
    }

    [Fact]
    public async Task Delete_removes_the_instance_with_its_journal()
    {
        var instanceId = await _client.ExecuteAsync(await PublishAsync(WaitingDefinition(NewId())));

        var (status, _) = await _client.SendAsync(HttpMethod.Delete, $"/workflow-instances/{instanceId}");
        var (again, _) = await _client.SendAsync(HttpMethod.Delete, $"/workflow-instances/{instanceId}");
        var (journal, _) = await _client.SendAsync(HttpMethod.Get, $"/workflow-instances/{instanceId}/journal");

        Assert.Equal(HttpStatusCode.NoContent, status);
        Assert.Equal(HttpStatusCode.NotFound, again);
        Assert.Equal(HttpStatusCode.NotFound, journal);
    }

    [Fact]
    public async Task Bulk_cancel_by_ids_or_definition_version_and_bulk_delete()
    {
        var id = NewId();
        var versionId = (await _client.SaveDefinitionAsync(WaitingDefinition(id), publish: true)).Str("id");
        var a = await _client.ExecuteAsync(id);
        var b = await _client.ExecuteAsync(id);
        var c = await _client.ExecuteAsync(id);

        var byIds = await _client.PostOkAsync("/bulk-actions/cancel/workflow-instances", new JsonObject { ["ids"] = new JsonArray(a) });
        var byVersion = await _client.PostOkAsync("/bulk-actions/cancel/workflow-instances", new JsonObject { ["definitionVersionId"] = versionId });
        var deleted = await _client.PostOkAsync("/bulk-actions/delete/workflow-instances/by-id", new JsonObject { ["ids"] = new JsonArray(a, b) });
        var (noTarget, body) = await _client.SendAsync(HttpMethod.Post, "/bulk-actions/cancel/workflow-instances", new JsonObject());

        Assert.Equal(1, byIds["cancelled"]!.GetValue<int>());
        Assert.Equal(2, byVersion["cancelled"]!.GetValue<int>());
        Assert.Equal(2, deleted["deleted"]!.GetValue<long>());
        Assert.Equal("Cancelled", (await _client.GetOkAsync($"/workflow-instances/{c}")).Str("subStatus"));
        AssertErrorNames(HttpStatusCode.BadRequest, noTarget, body, "ids");
    }

    [Fact]
    public async Task Triggering_an_event_resumes_only_the_instances_it_targets()
    {
        var eventName = NewId("事件");
        var id = await PublishAsync(WaitingDefinition(NewId(), eventName: eventName));
        var first = await _client.PostOkAsync($"/workflow-definitions/{id}/execute", new JsonObject { ["correlationId"] = "甲" });
        var second = await _client.ExecuteAsync(id);

        var targeted = await _client.PostOkAsync($"/events/{Uri.EscapeDataString(eventName)}/trigger", new JsonObject { ["correlationId"] = "甲", ["input"] = new JsonObject { ["结果"] = "同意" } });
        var rest = await _client.PostOkAsync($"/events/{Uri.EscapeDataString(eventName)}/trigger", new JsonObject());

        Assert.Equal(1, targeted["resumed"]!.GetValue<int>());
        Assert.Equal(1, rest["resumed"]!.GetValue<int>());
        Assert.Equal("Finished", (await _client.GetOkAsync($"/workflow-instances/{first["workflowState"].Str("id")}")).Str("subStatus"));
        Assert.Equal("Finished", (await _client.GetOkAsync($"/workflow-instances/{second}")).Str("subStatus"));
    }
}
