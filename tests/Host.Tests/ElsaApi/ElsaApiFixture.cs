using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.ElsaApi;

/// <summary>
/// One in-process host per test class (starting one per test would dominate the run time). Tests keep to their
/// own data by using fresh definition ids (<see cref="NewId"/>) and filtering lists by them.
/// </summary>
public sealed class ElsaApiFixture : IAsyncLifetime
{
    public WorkflowsApp App { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;

    public Task InitializeAsync()
    {
        App = new WorkflowsApp();
        Client = App.CreateApiClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }
}

/// <summary>Requests and assertions the Elsa API tests share.</summary>
public static class ElsaApi
{
    public const string Base = "/elsa/api";

    public static string NewId(string prefix = "def") => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    public static async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(this HttpClient client, HttpMethod method, string path, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(method, Base + path);
        if (body is not null) request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text));
    }

    public static async Task<JsonObject> GetOkAsync(this HttpClient client, string path)
    {
        var (status, body) = await client.SendAsync(HttpMethod.Get, path);
        Assert.True(status == HttpStatusCode.OK, $"GET {path}: {(int)status} {body?.ToJsonString()}");
        return body!.AsObject();
    }

    public static async Task<JsonNode> PostOkAsync(this HttpClient client, string path, JsonNode? body = null)
    {
        var (status, response) = await client.SendAsync(HttpMethod.Post, path, body ?? new JsonObject());
        Assert.True((int)status is >= 200 and < 300, $"POST {path}: {(int)status} {response?.ToJsonString()}");
        return response!;
    }

    /// <summary>Saves through the Elsa API (as Studio's autosave/publish does) and returns the saved definition.</summary>
    public static Task<JsonObject> SaveDefinitionAsync(this HttpClient client, JsonObject model, bool publish = false) =>
        client.SaveAsync((JsonObject)model.DeepClone(), publish);

    /// <summary>Start → WriteLine → Event(<paramref name="eventName"/>): runs until it waits for the event.</summary>
    public static JsonObject WaitingDefinition(string definitionId, string name = "等待事件", string eventName = "go") =>
        Flowcharts.Definition(definitionId, name,
            [
                Flowcharts.Activity("start", "Elsa.Start"),
                Flowcharts.Activity("write", "Elsa.WriteLine", ("text", Flowcharts.Literal("String", "你好"))),
                Flowcharts.Activity("wait", "Elsa.Event", ("eventName", Flowcharts.Literal("String", eventName))),
            ],
            [Flowcharts.Connect("start", "write"), Flowcharts.Connect("write", "wait")]);

    /// <summary>Start → WriteLine whose text is a failing script: the instance faults.</summary>
    public static JsonObject FaultingDefinition(string definitionId) =>
        Flowcharts.Definition(definitionId, "出错的流程",
            [
                Flowcharts.Activity("start", "Elsa.Start"),
                Flowcharts.Activity("boom", "Elsa.WriteLine", ("text", new JsonObject
                {
                    ["typeName"] = "String",
                    ["expression"] = new JsonObject { ["type"] = "JavaScript", ["value"] = "throw new Error('故意的错误')" },
                })),
            ],
            [Flowcharts.Connect("start", "boom")]);

    /// <summary>Every key is camelCase and none is an explicit null (Studio reads case-sensitively and crashes on some nulls).</summary>
    public static void AssertElsaObject(JsonObject json, params string[] required)
    {
        foreach (var key in required)
            Assert.True(json.ContainsKey(key), $"missing '{key}' in {json.ToJsonString()}");
        foreach (var (key, value) in json)
        {
            Assert.True(char.IsLower(key[0]) || key[0] == '$', $"'{key}' is not camelCase");
            Assert.True(value is not null, $"'{key}' is an explicit null in {json.ToJsonString()}");
        }
    }

    public static string Str(this JsonNode? node, string key) => node![key]!.GetValue<string>();

    public static List<string> Strings(this JsonNode? node) => node!.AsArray().Select(n => n!.GetValue<string>()).ToList();

    public static List<JsonObject> Items(this JsonNode node) => node["items"]!.AsArray().Select(n => n!.AsObject()).ToList();

    /// <summary>The rels of a links array.</summary>
    public static List<string> Rels(this JsonNode? links) => links!.AsArray().Select(l => l!["rel"]!.GetValue<string>()).ToList();

    /// <summary>A 400 (or other status) whose <c>errors</c> names <paramref name="field"/>.</summary>
    public static void AssertErrorNames(HttpStatusCode expected, HttpStatusCode status, JsonNode? body, string field)
    {
        Assert.True(status == expected, $"expected {(int)expected}, got {(int)status}: {body?.ToJsonString()}");
        var errors = body?["errors"]?.AsObject();
        Assert.True(errors is not null && errors.ContainsKey(field), $"errors do not name '{field}': {body?.ToJsonString()}");
    }
}
