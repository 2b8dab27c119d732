using Microsoft.Extensions.DependencyInjection;
using Workflows.Runtime.Definitions;
using Workflows.Runtime.Engine;
using Workflows.Runtime.Execution;
using Workflows.Runtime.Tests.Harness;

namespace Workflows.Runtime.Tests.Validation;

/// <summary>Elsa's versioning through DefinitionService on the in-memory store.</summary>
public sealed class DefinitionServiceTests
{
    private const string DefinitionId = "decision";

    [Fact]
    public async Task Saving_a_new_definition_creates_draft_version_1()
    {
        using var harness = new RuntimeHarness();

        var saved = (await harness.SaveAsync(Fixture.Definition("decision.json"), publish: false)).Definition;

        var version = Assert.Single(await Versions(harness));
        Assert.Equal(saved.Id, version.Id);
        Assert.NotEqual("decision-v1", version.Id);
        Assert.Equal((1, true, false), (version.Version, version.IsLatest, version.IsPublished));
        Assert.Equal(harness.Clock.GetUtcNow(), version.CreatedAt);
    }

    [Fact]
    public async Task Saving_over_a_draft_updates_it_in_place()
    {
        using var harness = new RuntimeHarness();
        var first = (await harness.SaveAsync(Fixture.Definition("decision.json"), publish: false)).Definition;

        await harness.SaveAsync(Fixture.Definition("decision.json", json => json["name"] = "renamed"), publish: false);

        var version = Assert.Single(await Versions(harness));
        Assert.Equal((first.Id, 1, "renamed"), (version.Id, version.Version, version.Name));
    }

    [Fact]
    public async Task Publishing_the_draft_makes_it_the_published_version()
    {
        using var harness = new RuntimeHarness();
        await harness.SaveAsync(Fixture.Definition("decision.json"), publish: false);

        var result = await Service(harness, s => s.PublishAsync(DefinitionId));

        Assert.False(result!.AlreadyPublished);
        var version = Assert.Single(await Versions(harness));
        Assert.Equal((1, true, true), (version.Version, version.IsLatest, version.IsPublished));
    }

    [Fact]
    public async Task Saving_after_publishing_creates_draft_version_2_while_version_1_stays_published()
    {
        using var harness = new RuntimeHarness();
        await harness.SaveAsync(Fixture.Definition("decision.json"), publish: true);

        await harness.SaveAsync(Fixture.Definition("decision.json", json => json["name"] = "v2"), publish: false);

        var versions = await Versions(harness);
        Assert.Equal([(1, false, true), (2, true, false)], versions.Select(v => (v.Version, v.IsLatest, v.IsPublished)));
        Assert.Equal("v2", versions[1].Name);
        Assert.Equal("Decision on a variable", versions[0].Name);
    }

    [Fact]
    public async Task Publishing_version_2_unpublishes_version_1()
    {
        using var harness = new RuntimeHarness();
        await harness.SaveAsync(Fixture.Definition("decision.json"), publish: true);
        await harness.SaveAsync(Fixture.Definition("decision.json"), publish: false);

        await Service(harness, s => s.PublishAsync(DefinitionId));

        var versions = await Versions(harness);
        Assert.Equal([(1, false, false), (2, true, true)], versions.Select(v => (v.Version, v.IsLatest, v.IsPublished)));
    }

    [Fact]
    public async Task New_instances_use_the_published_version_while_a_newer_draft_exists()
    {
        using var harness = new RuntimeHarness();
        var v1 = (await harness.SaveAsync(Fixture.Definition("decision.json"), publish: true)).Definition;
        await harness.SaveAsync(Fixture.Definition("decision.json"), publish: false);

        var result = await harness.InScopeAsync(sp => sp.GetRequiredService<WorkflowRuntime>()
            .StartAsync(DefinitionId, new StartOptions()));

        Assert.Equal(v1.Id, result.State.DefinitionVersionId);
        Assert.Equal(1, result.State.DefinitionVersion);
    }

    [Fact]
    public async Task Retracting_unpublishes_so_no_new_instance_can_start()
    {
        using var harness = new RuntimeHarness();
        await harness.SaveAsync(Fixture.Definition("decision.json"), publish: true);

        var retracted = await Service(harness, s => s.RetractAsync(DefinitionId));

        Assert.False(retracted!.IsPublished);
        var version = Assert.Single(await Versions(harness));
        Assert.Equal((true, false), (version.IsLatest, version.IsPublished));
        await Assert.ThrowsAsync<DefinitionNotFoundException>(() => harness.InScopeAsync(sp =>
            sp.GetRequiredService<WorkflowRuntime>().StartAsync(DefinitionId, new StartOptions())));
    }

    [Fact]
    public async Task Publishing_a_definition_with_an_unknown_activity_type_leaves_the_store_unchanged()
    {
        using var harness = new RuntimeHarness();
        await harness.SaveAsync(Fixture.Definition("decision.json"), publish: true);
        var before = harness.Definitions.Snapshot();

        var ex = await Assert.ThrowsAsync<DefinitionValidationException>(() => harness.SaveAsync(
            Fixture.Definition("decision.json", json => Fixture.Activity(json, "large")["type"] = "Acme.Unknown"), publish: true));

        Assert.Contains("Acme.Unknown", ex.Message);
        Assert.Equal(before, harness.Definitions.Snapshot());
    }

    [Fact]
    public async Task Publishing_a_definition_with_bad_JavaScript_leaves_the_store_unchanged()
    {
        using var harness = new RuntimeHarness();
        await harness.SaveAsync(Fixture.Definition("decision.json"), publish: true);
        var before = harness.Definitions.Snapshot();

        var ex = await Assert.ThrowsAsync<DefinitionValidationException>(() => harness.SaveAsync(
            Fixture.Definition("decision.json", json => Fixture.Activity(json, "decide")["condition"]!["expression"]!["value"] = "1 +"),
            publish: true));

        Assert.Equal(("decide", "Condition"), (ex.Errors[0].ActivityId, ex.Errors[0].Property));
        Assert.Equal(before, harness.Definitions.Snapshot());
    }

    [Fact]
    public async Task Importing_an_unchanged_definition_writes_nothing()
    {
        using var harness = new RuntimeHarness();
        Assert.True(await Service(harness, s => s.ImportAsync(Fixture.Definition("import.json"))));
        var saves = harness.Definitions.SaveCalls;
        var before = harness.Definitions.Snapshot();

        var written = await Service(harness, s => s.ImportAsync(Fixture.Definition("import.json")));

        Assert.False(written);
        Assert.Equal(saves, harness.Definitions.SaveCalls);
        Assert.Equal(before, harness.Definitions.Snapshot());
    }

    [Fact]
    public async Task Importing_a_changed_definition_creates_a_new_published_version()
    {
        using var harness = new RuntimeHarness();
        await Service(harness, s => s.ImportAsync(Fixture.Definition("import.json")));

        var written = await Service(harness, s => s.ImportAsync(Fixture.Definition("import.json",
            json => Fixture.Activity(json, "large")["text"]!["expression"]!["value"] = "大额维修")));

        Assert.True(written);
        var versions = await Versions(harness, "repair-import");
        Assert.Equal([(1, false, false), (2, true, true)], versions.Select(v => (v.Version, v.IsLatest, v.IsPublished)));
        Assert.Equal("大额维修", (string?)Fixture.Activity(Root(versions[1]), "large")["text"]!["expression"]!["value"]);
    }

    [Fact]
    public async Task Importing_over_a_newer_draft_keeps_the_draft_content_out_of_the_published_version()
    {
        using var harness = new RuntimeHarness();
        await Service(harness, s => s.ImportAsync(Fixture.Definition("import.json")));
        await harness.SaveAsync(Fixture.Definition("import.json", json => json["name"] = "draft edit"), publish: false);

        var written = await Service(harness, s => s.ImportAsync(Fixture.Definition("import.json",
            json => json["description"] = "changed in the file")));

        Assert.True(written);
        var published = Assert.Single(await Versions(harness, "repair-import"), v => v.IsPublished);
        Assert.Equal("changed in the file", published.Description);
        Assert.Equal("Imported repair decision", published.Name);
        Assert.True(published.IsLatest);
    }

    private static System.Text.Json.Nodes.JsonObject Root(WorkflowDefinition definition) =>
        System.Text.Json.Nodes.JsonNode.Parse(DefinitionJson.Serialize(definition))!.AsObject();

    private static Task<IReadOnlyList<WorkflowDefinition>> Versions(RuntimeHarness harness, string definitionId = DefinitionId) =>
        harness.Definitions.GetVersionsAsync(definitionId);

    private static Task<T> Service<T>(RuntimeHarness harness, Func<DefinitionService, Task<T>> action) =>
        harness.InScopeAsync(sp => action(sp.GetRequiredService<DefinitionService>()));
}
