using System.Net;
using System.Text.Json.Nodes;
using static Workflows.Host.Tests.ElsaApi.ElsaApi;

namespace Workflows.Host.Tests.ElsaApi;

/// <summary>The descriptor lists the editor loads before it can draw, and the small routes around them.</summary>
public sealed class DescriptorTests(ElsaApiFixture fixture) : IClassFixture<ElsaApiFixture>
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task Activity_descriptors_are_browsable_named_and_include_the_not_found_placeholder()
    {
        var list = await _client.GetOkAsync("/descriptors/activities?Refresh=True");

        AssertElsaObject(list, "items", "count");
        var items = list.Items();
        Assert.Equal(items.Count, list["count"]!.GetValue<int>());
        foreach (var d in items)
        {
            AssertElsaObject(d, "typeName", "name", "version", "category", "displayName", "kind", "isBrowsable", "isContainer", "inputs", "outputs", "ports");
            Assert.Contains(d.Str("kind"), new[] { "Action", "Trigger", "Job", "Task" });
            foreach (var input in d["inputs"]!.AsArray().Select(i => i!.AsObject()))
            {
                AssertElsaObject(input, "name", "typeName", "displayName", "uiHint", "isWrapped", "isBrowsable", "order");
                Assert.True(char.IsUpper(input.Str("name")[0]), $"input names are PascalCase: {input.Str("name")}");
            }
        }
        Assert.Contains(items, d => d.Str("typeName") == "Elsa.WriteLine" && d["isBrowsable"]!.GetValue<bool>());
        var notFound = Assert.Single(items, d => d.Str("typeName") == "Elsa.NotFoundActivity");
        Assert.False(notFound["isBrowsable"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Activity_descriptors_are_served_from_cache_quickly()
    {
        await _client.GetOkAsync("/descriptors/activities");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 20; i++)
            await _client.GetOkAsync("/descriptors/activities?Refresh=True");

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"20 calls took {watch.Elapsed}");
    }

    [Fact]
    public async Task One_descriptor_and_its_options_can_be_asked_for()
    {
        var descriptor = await _client.GetOkAsync("/descriptors/activities/Elsa.WriteLine");
        var options = await _client.PostOkAsync("/descriptors/activities/Elsa.WriteLine/options/Text", new JsonObject { ["context"] = new JsonObject() });
        var (unknown, _) = await _client.SendAsync(HttpMethod.Get, "/descriptors/activities/Acme.Nothing");

        Assert.Equal("Elsa.WriteLine", descriptor.Str("typeName"));
        Assert.IsType<JsonObject>(options["items"]);
        Assert.Equal(HttpStatusCode.NotFound, unknown);
    }

    [Fact]
    public async Task Expression_descriptors_offer_JavaScript_and_Liquid()
    {
        var list = await _client.GetOkAsync("/descriptors/expression-descriptors");

        AssertElsaObject(list, "items", "count");
        var items = list.Items();
        foreach (var d in items)
            AssertElsaObject(d, "type", "displayName", "isSerializable", "isBrowsable", "properties");
        Assert.True(items.Single(d => d.Str("type") == "JavaScript")["isBrowsable"]!.GetValue<bool>());
        Assert.True(items.Single(d => d.Str("type") == "Liquid")["isBrowsable"]!.GetValue<bool>());
        Assert.Contains(items, d => d.Str("type") == "Literal");
    }

    [Theory]
    [InlineData("/descriptors/workflow-activation-strategies")]
    [InlineData("/descriptors/log-persistence-strategies")]
    [InlineData("/descriptors/incident-strategies")]
    [InlineData("/descriptors/commit-strategies/workflows")]
    [InlineData("/descriptors/commit-strategies/activities")]
    [InlineData("/features/installed")]
    [InlineData("/workflow-contexts/provider-descriptors")]
    public async Task Lists_this_service_has_nothing_for_are_200_and_empty(string path)
    {
        var list = await _client.GetOkAsync(path);

        Assert.Empty(list.Items());
        Assert.Equal(0, list["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Variable_types_have_categories_and_String_comes_first()
    {
        var list = await _client.GetOkAsync("/descriptors/variables");

        var items = list.Items();
        foreach (var t in items)
            AssertElsaObject(t, "typeName", "displayName", "category");
        Assert.Equal("String", items[0].Str("typeName"));
        foreach (var type in new[] { "Int32", "Int64", "Double", "Decimal", "Boolean", "DateTimeOffset", "TimeSpan", "Object", "JsonObject" })
            Assert.Contains(items, t => t.Str("typeName") == type);
    }

    [Fact]
    public async Task Storage_drivers_and_output_converters_have_their_shapes()
    {
        var drivers = await _client.GetOkAsync("/descriptors/storage-drivers");
        var converters = await _client.GetOkAsync("/descriptors/output-converters?sourceType=String&destinationType=Object");

        AssertElsaObject(Assert.Single(drivers.Items()), "typeName", "displayName", "priority", "deprecated");
        Assert.Empty(converters.Items());
    }

    [Fact]
    public async Task Package_version_and_a_missing_feature()
    {
        var version = await _client.GetOkAsync("/package/version");
        var (feature, _) = await _client.SendAsync(HttpMethod.Get, "/features/installed/Elsa.RealTimeWorkflowUpdates");

        Assert.False(string.IsNullOrEmpty(version.Str("packageVersion")));
        Assert.Equal(HttpStatusCode.NotFound, feature);
    }

    [Fact]
    public async Task JavaScript_type_definitions_declare_the_sandbox_and_the_variables()
    {
        var id = NewId();
        var model = WaitingDefinition(id);
        model["variables"] = new JsonArray(new JsonObject { ["id"] = "v1", ["name"] = "审批人", ["typeName"] = "String" });
        await _client.SaveDefinitionAsync(model);

        using var response = await _client.PostAsync(Base + $"/scripting/javascript/type-definitions/{id}",
            new StringContent($"{{\"workflowDefinitionId\":\"{id}\",\"activityTypeName\":\"Elsa.WriteLine\",\"propertyName\":\"Text\"}}",
                System.Text.Encoding.UTF8, "application/json"));
        var (unknown, _) = await _client.SendAsync(HttpMethod.Post, $"/scripting/javascript/type-definitions/{NewId()}", new JsonObject());

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("declare function getVariable", text);
        Assert.Contains("\"审批人\"", text);
        Assert.Equal(HttpStatusCode.NotFound, unknown);
    }
}
