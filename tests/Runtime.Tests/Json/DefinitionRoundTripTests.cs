using System.Text.Json.Nodes;
using Workflows.Runtime.Definitions;
using Workflows.Runtime.Tests.Harness;

namespace Workflows.Runtime.Tests.Json;

public sealed class DefinitionRoundTripTests
{
    [Fact]
    public void Serializing_a_deserialized_Elsa_definition_gives_back_the_same_JSON()
    {
        var original = Fixture.Node("roundtrip.json");

        var written = JsonNode.Parse(DefinitionJson.Serialize(DefinitionJson.Deserialize(original.ToJsonString())));

        AssertJsonEqual(original, written);
    }

    [Fact]
    public void Unknown_properties_survive_at_every_level()
    {
        var written = JsonNode.Parse(DefinitionJson.Serialize(Fixture.Definition("roundtrip.json")))!;

        Assert.Equal("district-7", (string?)written["tenantId"]);
        Assert.Equal(2, (int?)written["options"]!["futureOption"]!["level"]);
        Assert.Equal(3, written["variables"]![1]!["unknownVariableProperty"]!.AsArray().Count);
        Assert.Equal("kept", (string?)written["root"]!["unknownFlowchartProperty"]);
        var setVariable = Fixture.Activity(written.AsObject(), "a2");
        Assert.Equal(42, (int?)setVariable["unknownActivityProperty"]);
        Assert.True((bool?)setVariable["value"]!["unknownWrapperProperty"]!["kept"]);
        Assert.True(setVariable["value"]!.AsObject().ContainsKey("memoryReference"));
        Assert.Equal("kept", (string?)written["root"]!["connections"]![2]!["unknownConnectionProperty"]);
        Assert.Equal(208.125, (double?)setVariable["metadata"]!["designer"]!["size"]!["width"]);
    }

    [Fact]
    public async Task Saving_through_the_definition_service_changes_only_version_bookkeeping_and_missing_nodeIds()
    {
        using var harness = new RuntimeHarness();
        var original = Fixture.Node("roundtrip.json");

        var saved = (await harness.SaveAsync(DefinitionJson.Deserialize(original.ToJsonString()), publish: false)).Definition;
        var stored = JsonNode.Parse(harness.Definitions.Snapshot()[saved.Id])!.AsObject();

        var expected = original.DeepClone().AsObject();
        expected["id"] = saved.Id;
        expected["version"] = 1;
        expected["createdAt"] = JsonValue.Create(harness.Clock.GetUtcNow());
        Fixture.Activity(expected, "a2")["nodeId"] = "Workflow1:f1:a2";
        Fixture.Activity(expected, "a3")["nodeId"] = "Workflow1:f1:a3";
        Fixture.Activity(expected, "i1")["nodeId"] = "Workflow1:f1:inner:i1";
        AssertJsonEqual(expected, stored);
        // The nodeIds that were present are kept as sent.
        Assert.Equal("Workflow1:f1:inner", (string?)Fixture.Activity(stored, "inner")["nodeId"]);
    }

    [Fact]
    public void Truncated_JSON_gives_a_DefinitionFormatException_naming_the_line()
    {
        var text = Fixture.Text("decision.json");
        var truncated = text[..(text.Length / 2)];

        var ex = Assert.Throws<DefinitionFormatException>(() => DefinitionJson.Deserialize(truncated));

        Assert.Contains("not valid JSON", ex.Message);
        Assert.Matches(@"\(line \d+\)", ex.Message);
    }

    [Fact]
    public void A_member_of_the_wrong_type_gives_a_DefinitionFormatException_naming_its_path()
    {
        var json = Fixture.Node("decision.json");
        json["version"] = "three";

        var ex = Assert.Throws<DefinitionFormatException>(() => DefinitionJson.Deserialize(json.ToJsonString()));

        Assert.Contains("$.version", ex.Message);
    }

    [Fact]
    public void A_JSON_null_gives_a_DefinitionFormatException_saying_the_definition_is_empty()
    {
        var ex = Assert.Throws<DefinitionFormatException>(() => DefinitionJson.Deserialize("null"));

        Assert.Contains("empty", ex.Message);
    }

    private static void AssertJsonEqual(JsonNode expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(expected, actual),
            $"JSON differs.\nExpected: {expected.ToJsonString()}\nActual:   {actual?.ToJsonString()}");
}
