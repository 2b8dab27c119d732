using System.Text.Json.Nodes;
using Workflows.Runtime.Definitions;
using Workflows.Runtime.Tests.Harness;
using Workflows.Runtime.Validation;

namespace Workflows.Runtime.Tests.Validation;

public sealed class DefinitionValidatorTests
{
    [Fact]
    public void The_unchanged_fixture_is_valid_for_publishing()
    {
        using var harness = new RuntimeHarness();

        Assert.Empty(harness.Get<DefinitionValidator>().ValidateForPublish(Fixture.Definition("validation.json")));
    }

    [Fact]
    public void Unknown_activity_type_is_kept_in_a_draft_and_refused_at_publish_naming_the_activity_and_the_type()
    {
        using var harness = new RuntimeHarness();
        var draft = Fixture.Definition("validation.json", json => Fixture.Activity(json, "notify")["type"] = "Acme.Unknown");
        Assert.Empty(harness.Get<DefinitionValidator>().ValidateStructure(draft));

        var error = SingleError(json => Fixture.Activity(json, "notify")["type"] = "Acme.Unknown");

        Assert.Equal("notify", error.ActivityId);
        Assert.Equal("type", error.Property);
        Assert.Contains("Acme.Unknown", error.Message);
        Assert.Contains("“Notify”", error.Message);
    }

    [Fact]
    public void Unknown_version_of_a_known_type_is_refused_at_publish()
    {
        var error = SingleError(json => Fixture.Activity(json, "notify")["version"] = 7);

        Assert.Equal("notify", error.ActivityId);
        Assert.Contains("version 7", error.Message);
    }

    [Fact]
    public void Unknown_activity_type_inside_a_nested_flowchart_is_refused_at_publish()
    {
        var error = SingleError(json =>
        {
            var nested = new JsonObject
            {
                ["id"] = "inner", ["type"] = "Elsa.Flowchart", ["version"] = 1,
                ["activities"] = new JsonArray(new JsonObject { ["id"] = "deep", ["type"] = "Acme.Missing", ["version"] = 1 }),
                ["connections"] = new JsonArray(),
            };
            json["root"]!["activities"]!.AsArray().Add(nested);
        });

        Assert.Equal("deep", error.ActivityId);
        Assert.Contains("Acme.Missing", error.Message);
    }

    [Fact]
    public void Connection_to_a_missing_activity_is_refused()
    {
        var error = SingleError(json => Connections(json).Add(Connection("decide", "True", "ghost")));

        Assert.Equal("decide", error.ActivityId);
        Assert.Equal("connections", error.Property);
        Assert.Contains("'ghost'", error.Message);
    }

    [Fact]
    public void Connection_from_a_missing_activity_is_refused()
    {
        var error = SingleError(json => Connections(json).Add(Connection("ghost", "Done", "notify")));

        Assert.Equal("ghost", error.ActivityId);
        Assert.Contains("does not exist", error.Message);
    }

    [Fact]
    public void Connection_from_an_unknown_port_is_refused_listing_the_ports()
    {
        var error = SingleError(json => Connections(json)[3]!["source"]!["port"] = "Maybe");

        Assert.Equal("decide", error.ActivityId);
        Assert.Equal("connections", error.Property);
        Assert.Contains("'Maybe'", error.Message);
        Assert.Contains("True, False", error.Message);
    }

    [Fact]
    public void JavaScript_syntax_error_is_refused_naming_the_activity_and_input()
    {
        var error = SingleError(json => Fixture.Activity(json, "decide")["condition"]!["expression"]!["value"] = "getVariable('Amount') >");

        Assert.Equal("decide", error.ActivityId);
        Assert.Equal("Condition", error.Property);
        Assert.Contains("JavaScript syntax error", error.Message);
        Assert.Contains("activity 'decide', Condition", error.ToString());
    }

    [Theory]
    [InlineData("{% if Variables.Amount > 1 %}unclosed")]
    [InlineData("{% nosuchtag %}")]
    [InlineData("金额 {{ Variables.Amount ")]
    public void Liquid_syntax_error_is_refused_naming_the_activity_and_input(string template)
    {
        var error = SingleError(json => Fixture.Activity(json, "notify")["text"]!["expression"]!["value"] = template);

        Assert.Equal("notify", error.ActivityId);
        Assert.Equal("Text", error.Property);
        Assert.Contains("Liquid", error.Message);
    }

    [Theory]
    [InlineData("15 days")]
    [InlineData("25:61")]
    [InlineData("P15X")]
    public void Bad_TimeSpan_literal_is_refused_naming_the_activity_and_input(string literal)
    {
        var error = SingleError(json => Fixture.Activity(json, "delay")["timeSpan"]!["expression"]!["value"] = literal);

        Assert.Equal("delay", error.ActivityId);
        Assert.Equal("TimeSpan", error.Property);
        Assert.Contains(literal, error.Message);
    }

    [Fact]
    public void Missing_required_input_is_refused()
    {
        var error = SingleError(json => Fixture.Activity(json, "delay").Remove("timeSpan"));

        Assert.Equal("delay", error.ActivityId);
        Assert.Equal("TimeSpan", error.Property);
        Assert.Contains("required", error.Message);
    }

    [Fact]
    public void Several_problems_are_reported_together()
    {
        using var harness = new RuntimeHarness();
        var definition = Fixture.Definition("validation.json", json =>
        {
            Fixture.Activity(json, "delay")["timeSpan"]!["expression"]!["value"] = "soon";
            Fixture.Activity(json, "decide")["condition"]!["expression"]!["value"] = "if (";
        });

        var errors = harness.Get<DefinitionValidator>().ValidateForPublish(definition);

        Assert.Equal([("decide", "Condition"), ("delay", "TimeSpan")],
            errors.Select(e => (e.ActivityId, e.Property)).Order().ToList());
    }

    private static ValidationError SingleError(Action<JsonObject> breakIt)
    {
        using var harness = new RuntimeHarness();
        var validator = harness.Get<DefinitionValidator>();
        var definition = Fixture.Definition("validation.json", breakIt);

        var errors = validator.ValidateForPublish(definition);

        return Assert.Single(errors);
    }

    private static JsonArray Connections(JsonObject definition) => definition["root"]!["connections"]!.AsArray();

    private static JsonObject Connection(string source, string port, string target) => new()
    {
        ["source"] = new JsonObject { ["activity"] = source, ["port"] = port },
        ["target"] = new JsonObject { ["activity"] = target, ["port"] = "In" },
    };
}
