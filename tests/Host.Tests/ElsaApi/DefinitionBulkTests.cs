using System.Net;
using System.Text.Json.Nodes;
using static Workflows.Host.Tests.ElsaApi.ElsaApi;

namespace Workflows.Host.Tests.ElsaApi;

/// <summary>The definition list's bulk actions.</summary>
public sealed class DefinitionBulkTests(ElsaApiFixture fixture) : IClassFixture<ElsaApiFixture>
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task Bulk_publish_reports_published_already_published_not_found_and_failed()
    {
        var draft = NewId();
        var published = NewId();
        var broken = NewId();
        var missing = NewId();
        await _client.SaveDefinitionAsync(WaitingDefinition(draft));
        await _client.SaveDefinitionAsync(WaitingDefinition(published), publish: true);
        var invalid = WaitingDefinition(broken);
        invalid["root"]!["connections"]!.AsArray().Add(Infrastructure.Flowcharts.Connect("wait", "nowhere"));
        await _client.SaveDefinitionAsync(invalid);

        var response = await _client.PostOkAsync("/bulk-actions/publish/workflow-definitions/by-definition-ids",
            new JsonObject { ["definitionIds"] = new JsonArray(draft, published, broken, missing) });

        AssertElsaObject(response.AsObject(), "published", "alreadyPublished", "notFound", "updatedConsumers", "failed", "warnings");
        Assert.Equal([draft], response["published"].Strings());
        Assert.Equal([published], response["alreadyPublished"].Strings());
        Assert.Equal([missing], response["notFound"].Strings());
        Assert.Equal([broken], response["failed"].Strings());
        Assert.NotEmpty(response["warnings"]![broken]!.AsArray());
    }

    [Fact]
    public async Task Bulk_retract_reports_retracted_already_retracted_and_not_found()
    {
        var published = NewId();
        var draft = NewId();
        var missing = NewId();
        await _client.SaveDefinitionAsync(WaitingDefinition(published), publish: true);
        await _client.SaveDefinitionAsync(WaitingDefinition(draft));

        var response = await _client.PostOkAsync("/bulk-actions/retract/workflow-definitions/by-definition-ids",
            new JsonObject { ["definitionIds"] = new JsonArray(published, draft, missing) });

        Assert.Equal([published], response["retracted"].Strings());
        Assert.Equal([draft], response["alreadyRetracted"].Strings());
        Assert.Equal([missing], response["notFound"].Strings());
    }

    [Fact]
    public async Task Bulk_delete_by_definition_id_counts_the_deleted_versions_and_spares_running_work()
    {
        var twoVersions = NewId();
        var running = NewId();
        await _client.SaveDefinitionAsync(WaitingDefinition(twoVersions), publish: true);
        await _client.SaveDefinitionAsync(WaitingDefinition(twoVersions, "第二版"));
        await _client.SaveDefinitionAsync(WaitingDefinition(running), publish: true);
        await Infrastructure.ElsaClient.ExecuteAsync(_client, running);

        var response = await _client.PostOkAsync("/bulk-actions/delete/workflow-definitions/by-definition-id",
            new JsonObject { ["definitionIds"] = new JsonArray(twoVersions, running) });

        Assert.Equal(2, response["deleted"]!.GetValue<long>());
        var (gone, _) = await _client.SendAsync(HttpMethod.Get, $"/workflow-definitions/by-definition-id/{twoVersions}");
        Assert.Equal(HttpStatusCode.NotFound, gone);
        await _client.GetOkAsync($"/workflow-definitions/by-definition-id/{running}");
    }

    [Fact]
    public async Task Bulk_delete_by_version_id_deletes_those_versions()
    {
        var id = NewId();
        var v1 = await _client.SaveDefinitionAsync(WaitingDefinition(id), publish: true);
        var v2 = await _client.SaveDefinitionAsync(WaitingDefinition(id, "第二版"));

        var response = await _client.PostOkAsync("/bulk-actions/delete/workflow-definitions/by-id",
            new JsonObject { ["ids"] = new JsonArray(v2.Str("id"), "no-such-version") });

        Assert.Equal(1, response["deleted"]!.GetValue<long>());
        Assert.Equal(v1.Str("id"), (await _client.GetOkAsync($"/workflow-definitions/by-definition-id/{id}")).Str("id"));
    }

    [Theory]
    [InlineData("/bulk-actions/publish/workflow-definitions/by-definition-ids", "definitionIds")]
    [InlineData("/bulk-actions/retract/workflow-definitions/by-definition-ids", "definitionIds")]
    [InlineData("/bulk-actions/delete/workflow-definitions/by-definition-id", "definitionIds")]
    [InlineData("/bulk-actions/delete/workflow-definitions/by-id", "ids")]
    public async Task Bulk_actions_without_their_id_list_are_400s_naming_it(string path, string field)
    {
        var (status, body) = await _client.SendAsync(HttpMethod.Post, path, new JsonObject());

        AssertErrorNames(HttpStatusCode.BadRequest, status, body, field);
    }
}
