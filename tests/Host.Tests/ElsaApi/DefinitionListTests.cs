using System.Net;
using System.Text.Json.Nodes;
using Workflows.Host.Tests.Infrastructure;
using static Workflows.Host.Tests.ElsaApi.ElsaApi;

namespace Workflows.Host.Tests.ElsaApi;

/// <summary><c>GET /workflow-definitions</c> and the other read routes of definitions.</summary>
public sealed class DefinitionListTests(ElsaApiFixture fixture) : IClassFixture<ElsaApiFixture>
{
    private readonly HttpClient _client = fixture.Client;

    /// <summary>v1 published, v2 draft (latest): the shape most version questions need.</summary>
    private async Task<(string DefinitionId, string V1, string V2)> PublishedThenDraftAsync(string name = "列表测试")
    {
        var id = NewId();
        var v1 = await _client.SaveDefinitionAsync(WaitingDefinition(id, name), publish: true);
        var v2 = await _client.SaveDefinitionAsync(WaitingDefinition(id, name + " 修改"));
        return (id, v1.Str("id"), v2.Str("id"));
    }

    [Fact]
    public async Task List_has_summaries_with_links_and_a_bulk_publish_page_link()
    {
        var (id, _, v2) = await PublishedThenDraftAsync();

        var page = await _client.GetOkAsync($"/workflow-definitions?versionOptions=Latest&Page=0&PageSize=10&SearchTerm=&IsSystem=False&OrderDirection=Ascending&DefinitionIds={id}");

        AssertElsaObject(page, "items", "totalCount", "links");
        Assert.Contains("bulk-publish", page["links"].Rels());
        var item = Assert.Single(page.Items());
        AssertElsaObject(item, "id", "definitionId", "name", "version", "isLatest", "isPublished", "createdAt", "links");
        Assert.Equal(v2, item.Str("id"));
        Assert.Equal(2, item["version"]!.GetValue<int>());
        Assert.True(item["isLatest"]!.GetValue<bool>());
        Assert.False(item["isPublished"]!.GetValue<bool>());
        Assert.Contains("publish", item["links"].Rels());
        Assert.True(DateTimeOffset.TryParse(item.Str("createdAt"), out _));
        Assert.Equal(1, page["totalCount"]!.GetValue<long>());
    }

    [Fact]
    public async Task Empty_versionOptions_means_every_version_so_the_instance_list_finds_old_version_ids()
    {
        var (id, v1, v2) = await PublishedThenDraftAsync();

        var all = await _client.GetOkAsync($"/workflow-definitions?versionOptions=&DefinitionIds={id}");
        var byIds = await _client.GetOkAsync($"/workflow-definitions?versionOptions=&Ids={v1}");
        var absent = await _client.GetOkAsync($"/workflow-definitions?DefinitionIds={id}");

        Assert.Equal(new[] { v1, v2 }.Order(), all.Items().Select(i => i.Str("id")).Order());
        Assert.Equal(2, all["totalCount"]!.GetValue<long>());
        Assert.Equal(v1, Assert.Single(byIds.Items()).Str("id"));
        Assert.Equal(2, absent["totalCount"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("Latest", new[] { 2 })]
    [InlineData("Published", new[] { 1 })]
    [InlineData("LatestOrPublished", new[] { 1, 2 })]
    [InlineData("LatestAndPublished", new int[0])]
    [InlineData("Draft", new[] { 2 })]
    [InlineData("AllVersions", new[] { 1, 2 })]
    [InlineData("1", new[] { 1 })]
    [InlineData("latest", new[] { 2 })]
    public async Task VersionOptions_filter_the_versions(string versionOptions, int[] expected)
    {
        var (id, _, _) = await PublishedThenDraftAsync();

        var page = await _client.GetOkAsync($"/workflow-definitions?versionOptions={versionOptions}&DefinitionIds={id}");

        Assert.Equal(expected, page.Items().Select(i => i["version"]!.GetValue<int>()).Order().ToArray());
    }

    [Fact]
    public async Task Unknown_versionOptions_is_a_400_naming_it()
    {
        var (status, body) = await _client.SendAsync(HttpMethod.Get, "/workflow-definitions?versionOptions=Newest");

        AssertErrorNames(HttpStatusCode.BadRequest, status, body, "versionOptions");
    }

    [Fact]
    public async Task Paging_is_zero_based_and_totalCount_counts_every_match()
    {
        var prefix = NewId("page");
        foreach (var n in new[] { "c", "a", "b" })
            await _client.SaveDefinitionAsync(WaitingDefinition(NewId(), $"{prefix} {n}"));

        var first = await _client.GetOkAsync($"/workflow-definitions?versionOptions=Latest&Page=0&PageSize=2&SearchTerm={prefix}&OrderBy=Name");
        var second = await _client.GetOkAsync($"/workflow-definitions?versionOptions=Latest&Page=1&PageSize=2&SearchTerm={prefix}&OrderBy=Name");
        var descending = await _client.GetOkAsync($"/workflow-definitions?versionOptions=Latest&SearchTerm={prefix}&OrderBy=Name&OrderDirection=Descending");

        Assert.Equal([$"{prefix} a", $"{prefix} b"], first.Items().Select(i => i.Str("name")));
        Assert.Equal([$"{prefix} c"], second.Items().Select(i => i.Str("name")));
        Assert.Equal(3, first["totalCount"]!.GetValue<long>());
        Assert.Equal(3, second["totalCount"]!.GetValue<long>());
        Assert.Equal([$"{prefix} c", $"{prefix} b", $"{prefix} a"], descending.Items().Select(i => i.Str("name")));
    }

    [Fact]
    public async Task Order_by_version_descending_lists_the_history_newest_first()
    {
        var (id, v1, v2) = await PublishedThenDraftAsync();

        var history = await _client.GetOkAsync($"/workflow-definitions?versionOptions=AllVersions&Page=0&PageSize=10&DefinitionIds={id}&OrderBy=Version&OrderDirection=Descending");

        Assert.Equal([v2, v1], history.Items().Select(i => i.Str("id")));
    }

    [Fact]
    public async Task Order_by_created_uses_the_service_clock()
    {
        var prefix = NewId("created");
        var older = await _client.SaveDefinitionAsync(WaitingDefinition(NewId(), $"{prefix} older"));
        fixture.App.Clock.Advance(TimeSpan.FromMinutes(5));
        var newer = await _client.SaveDefinitionAsync(WaitingDefinition(NewId(), $"{prefix} newer"));

        var page = await _client.GetOkAsync($"/workflow-definitions?versionOptions=Latest&SearchTerm={prefix}&OrderBy=Created");

        Assert.Equal([newer.Str("id"), older.Str("id")], page.Items().Select(i => i.Str("id")));
    }

    [Fact]
    public async Task IsSystem_true_finds_nothing_because_no_definition_here_is_a_system_workflow()
    {
        var (id, _, _) = await PublishedThenDraftAsync();

        var page = await _client.GetOkAsync($"/workflow-definitions?IsSystem=True&DefinitionIds={id}");

        Assert.Empty(page.Items());
        Assert.Equal(0, page["totalCount"]!.GetValue<long>());
    }

    [Fact]
    public async Task By_definition_id_picks_the_version_asked_for_and_404s_when_there_is_none()
    {
        var (id, v1, v2) = await PublishedThenDraftAsync();

        var latest = await _client.GetOkAsync($"/workflow-definitions/by-definition-id/{id}?versionOptions=Latest");
        var published = await _client.GetOkAsync($"/workflow-definitions/by-definition-id/{id}?versionOptions=Published");
        var byDefault = await _client.GetOkAsync($"/workflow-definitions/by-definition-id/{id}");
        var (missing, _) = await _client.SendAsync(HttpMethod.Get, $"/workflow-definitions/by-definition-id/{NewId()}?versionOptions=Latest");
        var (noSuchVersion, _) = await _client.SendAsync(HttpMethod.Get, $"/workflow-definitions/by-definition-id/{id}?versionOptions=7");

        Assert.Equal(v2, latest.Str("id"));
        Assert.Equal(v1, published.Str("id"));
        Assert.Equal(v2, byDefault.Str("id"));
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Equal(HttpStatusCode.NotFound, noSuchVersion);
    }

    [Fact]
    public async Task A_definition_has_links_nodeIds_and_never_null_options_or_customProperties()
    {
        var (id, _, _) = await PublishedThenDraftAsync();

        var definition = await _client.GetOkAsync($"/workflow-definitions/by-definition-id/{id}?versionOptions=Latest");

        AssertElsaObject(definition, "id", "definitionId", "name", "version", "isLatest", "isPublished", "createdAt", "options",
            "customProperties", "variables", "inputs", "outputs", "outcomes", "links", "root");
        Assert.IsType<JsonObject>(definition["options"]);
        Assert.IsType<JsonObject>(definition["customProperties"]);
        Assert.Contains("publish", definition["links"].Rels());
        var root = definition["root"]!.AsObject();
        Assert.Equal("Workflow1:flow1", root.Str("nodeId"));
        Assert.All(root["activities"]!.AsArray(), a => Assert.Equal($"Workflow1:flow1:{a.Str("id")}", a.Str("nodeId")));
    }

    [Fact]
    public async Task By_id_returns_old_versions_and_many_by_id_several()
    {
        var (_, v1, v2) = await PublishedThenDraftAsync();

        var old = await _client.GetOkAsync($"/workflow-definitions/by-id/{v1}");
        var many = await _client.GetOkAsync($"/workflow-definitions/many-by-id?ids={v1}&ids={v2}");
        var (missing, _) = await _client.SendAsync(HttpMethod.Get, $"/workflow-definitions/by-id/{NewId()}");

        Assert.Equal(1, old["version"]!.GetValue<int>());
        Assert.False(old["isLatest"]!.GetValue<bool>());
        AssertElsaObject(many, "items", "count");
        Assert.Equal(2, many["count"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, missing);
    }

    [Fact]
    public async Task Is_name_unique_compares_latest_names_and_can_exclude_the_definition_being_renamed()
    {
        var name = NewId("名称");
        var id = NewId();
        await _client.SaveDefinitionAsync(WaitingDefinition(id, name));

        var taken = await _client.GetOkAsync($"/workflow-definitions/validation/is-name-unique?name={Uri.EscapeDataString(name)}");
        var own = await _client.GetOkAsync($"/workflow-definitions/validation/is-name-unique?name={Uri.EscapeDataString(name)}&definitionId={id}");
        var free = await _client.GetOkAsync($"/workflow-definitions/validation/is-name-unique?name={NewId("free")}");
        var (status, body) = await _client.SendAsync(HttpMethod.Get, "/workflow-definitions/validation/is-name-unique");

        Assert.False(taken["isUnique"]!.GetValue<bool>());
        Assert.True(own["isUnique"]!.GetValue<bool>());
        Assert.True(free["isUnique"]!.GetValue<bool>());
        AssertErrorNames(HttpStatusCode.BadRequest, status, body, "name");
    }

    [Fact]
    public async Task Count_counts_definitions_not_versions()
    {
        var before = (await _client.GetOkAsync("/workflow-definitions/query/count"))["count"]!.GetValue<long>();
        await PublishedThenDraftAsync();

        var after = (await _client.GetOkAsync("/workflow-definitions/query/count"))["count"]!.GetValue<long>();

        Assert.Equal(before + 1, after);
    }

    [Fact]
    public async Task Versions_route_lists_every_version_newest_first()
    {
        var (id, v1, v2) = await PublishedThenDraftAsync();

        var (status, body) = await _client.SendAsync(HttpMethod.Get, $"/workflow-definitions/{id}/versions");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([v2, v1], body!.AsArray().Select(d => d.Str("id")));
    }
}
