using System.Net;
using System.Text.Json.Nodes;
using static Workflows.Host.Tests.ElsaApi.ElsaApi;

namespace Workflows.Host.Tests.ElsaApi;

/// <summary>Create, save, publish, retract, revert and delete, as Studio's list and editor do them.</summary>
public sealed class DefinitionLifecycleTests(ElsaApiFixture fixture) : IClassFixture<ElsaApiFixture>
{
    private readonly HttpClient _client = fixture.Client;

    /// <summary>Exactly what Studio's "Create workflow" dialog posts: nulls everywhere, no nodeId, no activities.</summary>
    private static JsonObject CreateRequest(string name, string rootType = "Elsa.Flowchart") => new()
    {
        ["model"] = new JsonObject
        {
            ["id"] = null, ["definitionId"] = null, ["name"] = name, ["description"] = null, ["version"] = 1,
            ["isLatest"] = true, ["isPublished"] = false, ["createdAt"] = "0001-01-01T00:00:00+00:00",
            ["variables"] = null, ["inputs"] = null, ["outputs"] = null, ["outcomes"] = null,
            ["customProperties"] = null, ["options"] = null,
            ["root"] = new JsonObject { ["id"] = "0123456789abcdef", ["type"] = rootType, ["version"] = 1, ["name"] = "Flowchart1" },
        },
        ["publish"] = null,
    };

    private async Task<JsonObject> LatestAsync(string definitionId) =>
        await _client.GetOkAsync($"/workflow-definitions/by-definition-id/{definitionId}?versionOptions=Latest");

    private async Task<List<JsonObject>> VersionsAsync(string definitionId) =>
        (await _client.GetOkAsync($"/workflow-definitions?versionOptions=AllVersions&DefinitionIds={definitionId}&OrderBy=Version&OrderDirection=Ascending")).Items();

    [Fact]
    public async Task Create_from_Studios_dialog_gives_an_editable_v1_draft_with_a_root_nodeId()
    {
        var response = await _client.PostOkAsync("/workflow-definitions", CreateRequest(NewId("新流程")));

        AssertElsaObject(response.AsObject(), "workflowDefinition", "alreadyPublished", "consumingWorkflowCount");
        var definition = response["workflowDefinition"]!.AsObject();
        AssertElsaObject(definition, "id", "definitionId", "createdAt", "options", "customProperties", "links", "root");
        Assert.Equal(1, definition["version"]!.GetValue<int>());
        Assert.True(definition["isLatest"]!.GetValue<bool>());
        Assert.False(definition["isPublished"]!.GetValue<bool>());
        Assert.NotEqual("0001-01-01T00:00:00+00:00", definition.Str("createdAt"));
        Assert.Equal("Workflow1:0123456789abcdef", definition["root"].Str("nodeId"));
        Assert.Contains("publish", definition["links"].Rels());
        Assert.False(string.IsNullOrEmpty(definition.Str("definitionId")));
    }

    [Theory]
    [InlineData("Elsa.Sequence")]
    [InlineData("Elsa.StateMachine")]
    public async Task Roots_other_than_flowcharts_are_refused_with_an_error_on_root(string rootType)
    {
        var (status, body) = await _client.SendAsync(HttpMethod.Post, "/workflow-definitions", CreateRequest("x", rootType));

        AssertErrorNames(HttpStatusCode.BadRequest, status, body, "root");
        Assert.Equal("Only flowcharts are supported", body!["errors"]!["root"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task A_save_without_model_or_with_broken_JSON_is_a_400_naming_the_problem()
    {
        var (noModel, noModelBody) = await _client.SendAsync(HttpMethod.Post, "/workflow-definitions", new JsonObject { ["publish"] = false });
        using var broken = new StringContent("{\"model\": {", System.Text.Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync(Base + "/workflow-definitions", broken);

        AssertErrorNames(HttpStatusCode.BadRequest, noModel, noModelBody, "model");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Saving_a_draft_again_updates_it_in_place()
    {
        var id = NewId();
        var first = await _client.SaveDefinitionAsync(WaitingDefinition(id, "草稿"));
        var second = await _client.SaveDefinitionAsync(WaitingDefinition(id, "草稿 改名"));

        Assert.Equal(first.Str("id"), second.Str("id"));
        Assert.Equal(1, second["version"]!.GetValue<int>());
        Assert.Equal("草稿 改名", (await LatestAsync(id)).Str("name"));
        Assert.Single(await VersionsAsync(id));
    }

    [Fact]
    public async Task Saving_after_publish_starts_v2_while_v1_stays_published_and_stops_being_latest()
    {
        var id = NewId();
        var v1 = await _client.SaveDefinitionAsync(WaitingDefinition(id), publish: true);
        var v2 = await _client.SaveDefinitionAsync(WaitingDefinition(id, "第二版"));

        Assert.True(v1["isPublished"]!.GetValue<bool>());
        Assert.Equal(2, v2["version"]!.GetValue<int>());
        Assert.True(v2["isLatest"]!.GetValue<bool>());
        Assert.False(v2["isPublished"]!.GetValue<bool>());
        var versions = await VersionsAsync(id);
        Assert.Equal([(1, false, true), (2, true, false)],
            versions.Select(v => (v["version"]!.GetValue<int>(), v["isLatest"]!.GetValue<bool>(), v["isPublished"]!.GetValue<bool>())));
    }

    [Fact]
    public async Task Overlapping_saves_after_a_publish_make_one_v2_not_several()
    {
        var id = NewId();
        await _client.SaveDefinitionAsync(WaitingDefinition(id), publish: true);

        await Task.WhenAll(Enumerable.Range(0, 5).Select(n => _client.SaveDefinitionAsync(WaitingDefinition(id, $"并发 {n}"))));

        Assert.Equal([1, 2], (await VersionsAsync(id)).Select(v => v["version"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Publishing_v2_unpublishes_v1()
    {
        var id = NewId();
        await _client.SaveDefinitionAsync(WaitingDefinition(id), publish: true);
        await _client.SaveDefinitionAsync(WaitingDefinition(id, "第二版"));

        var response = await _client.PostOkAsync($"/workflow-definitions/{id}/publish");
        var again = await _client.PostOkAsync($"/workflow-definitions/{id}/publish");

        AssertElsaObject(response.AsObject(), "workflowDefinition", "alreadyPublished", "consumingWorkflowCount");
        Assert.False(response["alreadyPublished"]!.GetValue<bool>());
        Assert.True(again["alreadyPublished"]!.GetValue<bool>());
        Assert.Equal([(1, false), (2, true)],
            (await VersionsAsync(id)).Select(v => (v["version"]!.GetValue<int>(), v["isPublished"]!.GetValue<bool>())));
    }

    [Fact]
    public async Task Publish_of_an_unknown_definition_is_404_and_an_invalid_one_400()
    {
        var (missing, _) = await _client.SendAsync(HttpMethod.Post, $"/workflow-definitions/{NewId()}/publish", new JsonObject());
        var id = NewId();
        var invalid = WaitingDefinition(id);
        invalid["root"]!["connections"]!.AsArray().Add(Infrastructure.Flowcharts.Connect("wait", "nowhere"));
        await _client.SaveDefinitionAsync(invalid);
        var (status, body) = await _client.SendAsync(HttpMethod.Post, $"/workflow-definitions/{id}/publish", new JsonObject());

        Assert.Equal(HttpStatusCode.NotFound, missing);
        AssertErrorNames(HttpStatusCode.BadRequest, status, body, "wait.connections");
    }

    [Fact]
    public async Task Retract_unpublishes_and_answers_the_definition_itself()
    {
        var id = NewId();
        await _client.SaveDefinitionAsync(WaitingDefinition(id), publish: true);

        var retracted = await _client.PostOkAsync($"/workflow-definitions/{id}/retract");
        var (again, body) = await _client.SendAsync(HttpMethod.Post, $"/workflow-definitions/{id}/retract", new JsonObject());
        var (missing, _) = await _client.SendAsync(HttpMethod.Post, $"/workflow-definitions/{NewId()}/retract", new JsonObject());

        Assert.Equal(id, retracted.Str("definitionId"));
        Assert.False(retracted["isPublished"]!.GetValue<bool>());
        Assert.Contains("publish", retracted["links"].Rels());
        AssertErrorNames(HttpStatusCode.BadRequest, again, body, "isPublished");
        Assert.Equal(HttpStatusCode.NotFound, missing);
    }

    [Fact]
    public async Task Revert_makes_an_old_versions_content_the_latest_draft()
    {
        var id = NewId();
        await _client.SaveDefinitionAsync(WaitingDefinition(id, "第一版"), publish: true);
        await _client.SaveDefinitionAsync(WaitingDefinition(id, "第二版"), publish: true);

        var summary = await _client.PostOkAsync($"/workflow-definitions/{id}/revert/1");
        var (missing, _) = await _client.SendAsync(HttpMethod.Post, $"/workflow-definitions/{id}/revert/9", new JsonObject());

        AssertElsaObject(summary.AsObject(), "id", "definitionId", "name", "version", "isLatest", "isPublished", "links");
        Assert.Equal("第一版", summary.Str("name"));
        Assert.Equal(3, summary["version"]!.GetValue<int>());
        Assert.True(summary["isLatest"]!.GetValue<bool>());
        Assert.False(summary["isPublished"]!.GetValue<bool>());
        Assert.Equal("第二版", (await _client.GetOkAsync($"/workflow-definitions/by-definition-id/{id}?versionOptions=Published")).Str("name"));
        Assert.Equal(HttpStatusCode.NotFound, missing);
    }

    [Fact]
    public async Task Deleting_the_latest_version_makes_the_previous_one_latest_again()
    {
        var id = NewId();
        var v1 = await _client.SaveDefinitionAsync(WaitingDefinition(id), publish: true);
        var v2 = await _client.SaveDefinitionAsync(WaitingDefinition(id, "第二版"));

        var (status, _) = await _client.SendAsync(HttpMethod.Delete, $"/workflow-definition-versions/{v2.Str("id")}");
        var (again, _) = await _client.SendAsync(HttpMethod.Delete, $"/workflow-definition-versions/{v2.Str("id")}");

        Assert.Equal(HttpStatusCode.NoContent, status);
        Assert.Equal(HttpStatusCode.NotFound, again);
        var latest = await LatestAsync(id);
        Assert.Equal(v1.Str("id"), latest.Str("id"));
        Assert.True(latest["isLatest"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_version_can_also_be_deleted_by_number()
    {
        var id = NewId();
        await _client.SaveDefinitionAsync(WaitingDefinition(id), publish: true);
        await _client.SaveDefinitionAsync(WaitingDefinition(id, "第二版"));

        var (status, _) = await _client.SendAsync(HttpMethod.Delete, $"/workflow-definitions/{id}/version/1");

        Assert.Equal(HttpStatusCode.NoContent, status);
        Assert.Equal([2], (await VersionsAsync(id)).Select(v => v["version"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Delete_removes_every_version_and_the_finished_instances_then_404s()
    {
        var id = NewId();
        await _client.SaveDefinitionAsync(WaitingDefinition(id), publish: true);
        var instanceId = await Infrastructure.ElsaClient.ExecuteAsync(_client, id);
        await _client.PostOkAsync($"/cancel/workflow-instances/{instanceId}");

        var (status, _) = await _client.SendAsync(HttpMethod.Delete, $"/workflow-definitions/{id}");
        var (again, _) = await _client.SendAsync(HttpMethod.Delete, $"/workflow-definitions/{id}");
        var (get, _) = await _client.SendAsync(HttpMethod.Get, $"/workflow-definitions/by-definition-id/{id}");
        var (instance, _) = await _client.SendAsync(HttpMethod.Get, $"/workflow-instances/{instanceId}");

        Assert.Equal(HttpStatusCode.NoContent, status);
        Assert.Equal(HttpStatusCode.NotFound, again);
        Assert.Equal(HttpStatusCode.NotFound, get);
        Assert.Equal(HttpStatusCode.NotFound, instance);
    }

    [Fact]
    public async Task A_definition_with_running_instances_is_not_deleted()
    {
        var id = NewId();
        await _client.SaveDefinitionAsync(WaitingDefinition(id), publish: true);
        var instanceId = await Infrastructure.ElsaClient.ExecuteAsync(_client, id);

        var (status, body) = await _client.SendAsync(HttpMethod.Delete, $"/workflow-definitions/{id}");
        var (versionStatus, versionBody) = await _client.SendAsync(HttpMethod.Delete, $"/workflow-definition-versions/{(await LatestAsync(id)).Str("id")}");

        AssertErrorNames(HttpStatusCode.BadRequest, status, body, "definitionId");
        AssertErrorNames(HttpStatusCode.BadRequest, versionStatus, versionBody, "id");
        Assert.Equal("Running", (await _client.GetOkAsync($"/workflow-instances/{instanceId}")).Str("status"));
    }

    [Fact]
    public async Task Execute_sets_Studios_headers_and_unknown_definitions_cannot_start()
    {
        var id = NewId();
        await _client.SaveDefinitionAsync(WaitingDefinition(id));
        var body = new JsonObject { ["correlationId"] = null, ["triggerActivityId"] = null, ["versionOptions"] = "Latest", ["input"] = null };

        using var started = await _client.PostAsync(Base + $"/workflow-definitions/{id}/execute", Json(body));
        using var unknown = await _client.PostAsync(Base + $"/workflow-definitions/{NewId()}/execute", Json(body));
        using var unpublished = await _client.PostAsync(Base + $"/workflow-definitions/{id}/execute", Json(new JsonObject()));

        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        Assert.Equal("False", started.Headers.GetValues("x-elsa-workflow-cannot-start").Single());
        var instanceId = started.Headers.GetValues("x-elsa-workflow-instance-id").Single();
        Assert.Equal("Suspended", (await _client.GetOkAsync($"/workflow-instances/{instanceId}")).Str("subStatus"));
        Assert.Equal("True", unknown.Headers.GetValues("x-elsa-workflow-cannot-start").Single());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        // With no versionOptions the published version runs, and there is none yet.
        Assert.Equal("True", unpublished.Headers.GetValues("x-elsa-workflow-cannot-start").Single());
    }

    [Fact]
    public async Task Dispatch_answers_the_new_instance_id()
    {
        var id = NewId();
        await _client.SaveDefinitionAsync(WaitingDefinition(id), publish: true);

        var response = await _client.PostOkAsync($"/workflow-definitions/{id}/dispatch");

        Assert.Equal("Running", (await _client.GetOkAsync($"/workflow-instances/{response.Str("workflowInstanceId")}")).Str("status"));
    }

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
}
