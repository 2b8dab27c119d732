using System.Net;
using System.Text.Json.Nodes;
using Workflows.Host.Tests.Infrastructure;
using static Workflows.Host.Tests.ElsaApi.ElsaApi;

namespace Workflows.Host.Tests.ElsaApi;

/// <summary>The instance viewer's journal.</summary>
public sealed class JournalTests(ElsaApiFixture fixture) : IClassFixture<ElsaApiFixture>
{
    private readonly HttpClient _client = fixture.Client;

    private async Task<string> WaitingInstanceAsync()
    {
        var id = NewId();
        await _client.SaveDefinitionAsync(WaitingDefinition(id), publish: true);
        return await _client.ExecuteAsync(id);
    }

    /// <summary>The body Studio's viewer posts: the root's children, containers excluded.</summary>
    private static JsonObject ViewerFilter(JsonNode? eventNames = null) => new()
    {
        ["filter"] = new JsonObject
        {
            ["activityIds"] = null,
            ["activityNodeIds"] = new JsonArray("Workflow1:flow1:start", "Workflow1:flow1:write", "Workflow1:flow1:wait"),
            ["excludedActivityTypes"] = new JsonArray("Elsa.Workflow", "Elsa.Flowchart"),
            ["eventNames"] = eventNames,
        },
    };

    [Fact]
    public async Task The_journal_is_ordered_by_sequence_and_has_Elsas_record_shape()
    {
        var instanceId = await WaitingInstanceAsync();

        var journal = (await _client.PostOkAsync($"/workflow-instances/{instanceId}/journal?skip=0&take=110", ViewerFilter())).AsObject();

        AssertElsaObject(journal, "items", "totalCount");
        var items = journal.Items();
        foreach (var record in items)
            AssertElsaObject(record, "id", "activityInstanceId", "activityId", "activityType", "activityTypeVersion", "activityName", "nodeId", "timestamp", "sequence", "eventName");
        var sequences = items.Select(r => r["sequence"]!.GetValue<long>()).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.DoesNotContain(items, r => r.Str("activityType") == "Elsa.Flowchart");
        Assert.Equal(["Started", "Completed"], items.Where(r => r.Str("activityId") == "start").Select(r => r.Str("eventName")));
        Assert.Equal("Suspended", items.Last().Str("eventName"));
        Assert.Equal(["Done"], items.First(r => r.Str("eventName") == "Completed")["payload"]!["Outcomes"].Strings());
        Assert.Equal(items.Count, journal["totalCount"]!.GetValue<long>());
    }

    [Fact]
    public async Task Skip_and_take_page_the_journal_while_totalCount_counts_all()
    {
        var instanceId = await WaitingInstanceAsync();
        var all = (await _client.PostOkAsync($"/workflow-instances/{instanceId}/journal", ViewerFilter())).Items();

        var page = (await _client.PostOkAsync($"/workflow-instances/{instanceId}/journal?skip=2&take=3", ViewerFilter())).AsObject();
        var get = await _client.GetOkAsync($"/workflow-instances/{instanceId}/journal?skip=0&take=2");

        Assert.Equal(all.Skip(2).Take(3).Select(r => r.Str("id")), page.Items().Select(r => r.Str("id")));
        Assert.Equal(all.Count, page["totalCount"]!.GetValue<long>());
        Assert.Equal(2, get.Items().Count);
        Assert.True(get["totalCount"]!.GetValue<long>() > all.Count, "without a filter the containers' lines count too");
    }

    [Fact]
    public async Task The_filter_restricts_by_node_event_and_type()
    {
        var instanceId = await WaitingInstanceAsync();

        var onlyWrite = await _client.PostOkAsync($"/workflow-instances/{instanceId}/journal",
            new JsonObject { ["filter"] = new JsonObject { ["activityNodeIds"] = new JsonArray("Workflow1:flow1:write") } });
        var suspended = await _client.PostOkAsync($"/workflow-instances/{instanceId}/journal", ViewerFilter(new JsonArray("Suspended")));
        var faults = await _client.PostOkAsync($"/workflow-instances/{instanceId}/journal", ViewerFilter(new JsonArray("Faulted")));
        var byActivity = await _client.PostOkAsync($"/workflow-instances/{instanceId}/journal",
            new JsonObject { ["filter"] = new JsonObject { ["activityIds"] = new JsonArray("wait") } });

        Assert.All(onlyWrite.Items(), r => Assert.Equal("Workflow1:flow1:write", r.Str("nodeId")));
        Assert.Equal("wait", Assert.Single(suspended.Items()).Str("activityId"));
        Assert.Empty(faults.Items());
        Assert.All(byActivity.Items(), r => Assert.Equal("wait", r.Str("activityId")));
    }

    [Fact]
    public async Task The_journal_of_an_unknown_instance_is_404()
    {
        var (status, _) = await _client.SendAsync(HttpMethod.Post, $"/workflow-instances/{NewId()}/journal", ViewerFilter());

        Assert.Equal(HttpStatusCode.NotFound, status);
    }
}
