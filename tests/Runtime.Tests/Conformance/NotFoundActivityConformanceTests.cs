using Microsoft.Extensions.DependencyInjection;
using Workflows.Runtime.Definitions;
using Workflows.Runtime.Execution;
using Workflows.Runtime.Tests.Harness;

namespace Workflows.Runtime.Tests.Conformance;

/// <summary>
/// An activity of a type the service lacks runs like Elsa 3.8's NotFoundActivity (elsa-core release/3.8.0,
/// src/modules/Elsa.Workflows.Core/Activities/NotFoundActivity.cs): the definition loads, the rest runs, and the
/// instance faults only when the flow reaches the placeholder.
/// </summary>
public sealed class NotFoundActivityConformanceTests
{
    [Fact]
    public async Task Unknown_activity_faults_the_instance_only_when_reached()
    {
        var flow = new Flow().Start().Line("before", "before").Add("custom", "Acme.SendFax").Line("after", "after")
            .Decision("skip", "false").Add("unused", "Acme.Unused")
            .Chain("start", "before", "custom", "after").Connect("start", "skip").Connect("skip", "unused", "True");
        using var harness = new RuntimeHarness();
        var definition = flow.Build("not-found");
        definition.Id = "not-found-v1";
        definition.IsLatest = true;
        definition.IsPublished = true;
        // Stored as an older release could have (publishing would refuse the unknown types).
        await harness.Definitions.SaveVersionsAsync([definition]);

        var result = await harness.InScopeAsync(sp => sp.GetRequiredService<Workflows.Runtime.Engine.WorkflowRuntime>()
            .StartAsync("not-found", new StartOptions()));

        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
        Assert.Equal(["before"], result.Journal.Lines());
        var incident = Assert.Single(result.State.Incidents);
        Assert.Equal("custom", incident.ActivityId);
        Assert.Contains("Acme.SendFax", incident.Message);
        Assert.DoesNotContain(result.ActivityRecords, r => r.ActivityId == "unused");
    }
}
