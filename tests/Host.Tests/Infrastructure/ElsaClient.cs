using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Workflows.Host.Tests.Infrastructure;

/// <summary>Calls of the Elsa API that tests repeat.</summary>
public static class ElsaClient
{
    public static async Task<JsonObject> SaveAsync(this HttpClient client, JsonObject model, bool publish)
    {
        var response = await client.PostAsJsonAsync("/elsa/api/workflow-definitions", new JsonObject { ["model"] = model, ["publish"] = publish });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Save failed with {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!["workflowDefinition"]!.AsObject();
    }

    /// <summary>Executes the published version; returns the new instance id.</summary>
    public static async Task<string> ExecuteAsync(this HttpClient client, string definitionId, JsonObject? input = null)
    {
        var response = await client.PostAsJsonAsync($"/elsa/api/workflow-definitions/{definitionId}/execute",
            new JsonObject { ["input"] = input });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Execute failed with {(int)response.StatusCode}: {body}");
        return response.Headers.GetValues("x-elsa-workflow-instance-id").Single();
    }

    public static async Task<JsonObject> InstanceAsync(this HttpClient client, string instanceId) =>
        (await client.GetFromJsonAsync<JsonObject>($"/elsa/api/workflow-instances/{instanceId}"))!;

    public static async Task<string> SubStatusAsync(this HttpClient client, string instanceId) =>
        (await client.InstanceAsync(instanceId))["subStatus"]!.GetValue<string>();
}
