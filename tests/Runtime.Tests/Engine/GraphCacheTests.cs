using Microsoft.Extensions.DependencyInjection;
using Workflows.Runtime.Definitions;
using Workflows.Runtime.Engine;
using Workflows.Runtime.Execution;
using Workflows.Runtime.Tests.Harness;

namespace Workflows.Runtime.Tests.Engine;

/// <summary>
/// Compiled graphs are cached across requests; whatever admins do to a definition, a new instance must run
/// the content that is published now.
/// </summary>
public sealed class GraphCacheTests
{
    private const string DefinitionId = "decision";

    [Fact]
    public async Task A_new_published_version_is_what_the_next_start_runs()
    {
        using var harness = new RuntimeHarness();
        await harness.SaveAsync(Named("first"), publish: true);
        Assert.Equal("first", (await StartAsync(harness)).State.Name);

        await harness.SaveAsync(Named("second"), publish: true);

        Assert.Equal("second", (await StartAsync(harness)).State.Name);
    }

    [Fact]
    public async Task A_version_retracted_edited_in_place_and_published_again_runs_its_new_content()
    {
        using var harness = new RuntimeHarness();
        var first = (await harness.SaveAsync(Named("first"), publish: true)).Definition;
        Assert.Equal("first", (await StartAsync(harness)).State.Name);

        await Service(harness, s => s.RetractAsync(DefinitionId));
        var edited = (await harness.SaveAsync(Named("edited"), publish: true)).Definition;

        Assert.Equal(first.Id, edited.Id);
        Assert.Equal("edited", (await StartAsync(harness)).State.Name);
    }

    [Fact]
    public async Task A_retracted_or_deleted_definition_cannot_be_started_from_the_cache()
    {
        using var harness = new RuntimeHarness();
        await harness.SaveAsync(Named("first"), publish: true);
        await StartAsync(harness);

        await Service(harness, s => s.RetractAsync(DefinitionId));
        await Assert.ThrowsAsync<DefinitionNotFoundException>(() => StartAsync(harness));

        await harness.SaveAsync(Named("again"), publish: true);
        await StartAsync(harness);
        await Service(harness, s => s.DeleteAsync(DefinitionId));
        await Assert.ThrowsAsync<DefinitionNotFoundException>(() => StartAsync(harness));
    }

    [Fact]
    public async Task A_lookup_that_began_before_a_write_does_not_put_its_old_answer_back()
    {
        using var harness = new RuntimeHarness();
        var saved = (await harness.SaveAsync(Named("first"), publish: true)).Definition;
        var cache = harness.Get<WorkflowGraphCache>();
        var stale = WorkflowGraph.Compile(saved, harness.Get<Activities.ActivityRegistry>());
        var generationBeforeTheWrite = cache.Generation;

        await harness.SaveAsync(Named("second"), publish: true);
        cache.Remember(stale, generationBeforeTheWrite, asPublishedVersion: true);

        Assert.False(cache.TryGetPublished(DefinitionId, out _));
        Assert.Equal("second", (await StartAsync(harness)).State.Name);
    }

    private static WorkflowDefinition Named(string name) => Fixture.Definition("decision.json", json => json["name"] = name);

    private static Task<RunResult> StartAsync(RuntimeHarness harness) =>
        harness.InScopeAsync(sp => sp.GetRequiredService<WorkflowRuntime>().StartAsync(DefinitionId, new StartOptions()));

    private static Task<T> Service<T>(RuntimeHarness harness, Func<DefinitionService, Task<T>> action) =>
        harness.InScopeAsync(sp => action(sp.GetRequiredService<DefinitionService>()));
}
