using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Runtime.Definitions;
using Workflows.Runtime.Persistence;
using static Workflows.Host.Tests.ElsaApi.ElsaApi;

namespace Workflows.Host.Tests.ElsaApi;

/// <summary>
/// An activity type the service no longer has would give Studio a blank canvas; it is shown as Elsa's
/// NotFoundActivity placeholder and restored when saved back.
/// </summary>
public sealed class NotFoundActivityTests(ElsaApiFixture fixture) : IClassFixture<ElsaApiFixture>
{
    private readonly HttpClient _client = fixture.Client;

    /// <summary>Stores a version directly (as an older release of the service could have), bypassing validation.</summary>
    private async Task<string> StoreWithRemovedActivityAsync()
    {
        var id = NewId();
        var model = WaitingDefinition(id);
        model["root"]!["activities"]!.AsArray().Add(new JsonObject
        {
            ["id"] = "old", ["type"] = "Acme.Removed", ["version"] = 3, ["name"] = "Removed1", ["approver"] = "x",
            ["metadata"] = new JsonObject { ["designer"] = new JsonObject { ["position"] = new JsonObject { ["x"] = 10, ["y"] = 20 } } },
        });
        model["root"]!["connections"]!.AsArray().Add(Infrastructure.Flowcharts.Connect("old", "write", "Approved"));
        var definition = DefinitionJson.Deserialize(model.ToJsonString());
        definition.Id = NewId("ver");
        definition.IsLatest = true;
        definition.CreatedAt = fixture.App.Clock.GetUtcNow();
        await using var scope = fixture.App.Scope();
        await scope.ServiceProvider.GetRequiredService<IWorkflowDefinitionStore>().SaveVersionsAsync([definition]);
        return id;
    }

    [Fact]
    public async Task Unknown_activities_are_shown_as_placeholders_that_keep_their_outgoing_ports()
    {
        var id = await StoreWithRemovedActivityAsync();

        var definition = await _client.GetOkAsync($"/workflow-definitions/by-definition-id/{id}");

        var placeholder = definition["root"]!["activities"]!.AsArray().Single(a => a.Str("id") == "old")!.AsObject();
        Assert.Equal("Elsa.NotFoundActivity", placeholder.Str("type"));
        Assert.Equal(1, placeholder["version"]!.GetValue<int>());
        Assert.Equal($"Workflow1:flow1:old", placeholder.Str("nodeId"));
        Assert.Equal("Acme.Removed", placeholder.Str("missingTypeName"));
        Assert.Equal(3, placeholder["missingTypeVersion"]!.GetValue<int>());
        Assert.Equal("[\"Approved\"]", placeholder["missingOutcomes"]!["expression"].Str("value"));
        Assert.Equal(10, placeholder["metadata"]!["designer"]!["position"]!["x"]!.GetValue<int>());
        Assert.Contains("Acme.Removed", placeholder.Str("originalActivityJson"));
    }

    [Fact]
    public async Task Saving_the_placeholder_back_keeps_a_draft_with_the_original_and_publishing_names_the_activity_and_type()
    {
        var id = await StoreWithRemovedActivityAsync();
        var definition = await _client.GetOkAsync($"/workflow-definitions/by-definition-id/{id}");
        var placeholder = definition["root"]!["activities"]!.AsArray().Single(a => a.Str("id") == "old")!;
        placeholder["metadata"]!["designer"]!["position"]!["x"] = 99;

        // As Elsa: a definition with an activity type this service lacks is kept as a draft for an admin to fix.
        var saved = await _client.PostOkAsync("/workflow-definitions", new JsonObject { ["model"] = definition.DeepClone(), ["publish"] = false });
        Assert.False(saved["workflowDefinition"]!["isPublished"]!.GetValue<bool>());
        await using (var scope = fixture.App.Scope())
        {
            var stored = (await scope.ServiceProvider.GetRequiredService<IWorkflowDefinitionStore>().GetVersionsAsync(id)).Single(v => v.IsLatest);
            var original = stored.Root!["activities"]!.AsArray().Single(a => a.Str("id") == "old")!;
            Assert.Equal("Acme.Removed", original.Str("type"));
            Assert.Equal("x", original.Str("approver"));
            Assert.Equal(99, original["metadata"]!["designer"]!["position"]!["x"]!.GetValue<int>());
        }

        var (status, body) = await _client.SendAsync(HttpMethod.Post, "/workflow-definitions",
            new JsonObject { ["model"] = definition.DeepClone(), ["publish"] = true });

        AssertErrorNames(HttpStatusCode.BadRequest, status, body, "old.type");
        var message = body!["errors"]!["old.type"]![0]!.GetValue<string>();
        Assert.Contains("Removed1", message);
        Assert.Contains("Acme.Removed", message);
    }

    [Fact]
    public async Task Removing_the_placeholder_in_the_editor_makes_the_definition_saveable_again()
    {
        var id = await StoreWithRemovedActivityAsync();
        var definition = await _client.GetOkAsync($"/workflow-definitions/by-definition-id/{id}");
        var root = definition["root"]!.AsObject();
        var activities = root["activities"]!.AsArray();
        activities.Remove(activities.Single(a => a.Str("id") == "old"));
        var connections = root["connections"]!.AsArray();
        connections.Remove(connections.Single(c => c!["source"].Str("activity") == "old"));

        var saved = await _client.PostOkAsync("/workflow-definitions", new JsonObject { ["model"] = definition.DeepClone(), ["publish"] = true });

        Assert.True(saved["workflowDefinition"]!["isPublished"]!.GetValue<bool>());
    }
}
