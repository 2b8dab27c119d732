using Workflows.Runtime.Tests.Harness;

namespace Workflows.Runtime.Tests.Flowchart;

public sealed class StartActivityTests
{
    [Fact]
    public async Task Flowchart_starts_at_Elsa_Start_even_when_other_activities_have_no_inbound_connection()
    {
        using var harness = new RuntimeHarness();

        var result = await harness.RunAsync("start-activity.json");

        Assert.Equal(["from start"], result.Journal.Lines());
        Assert.DoesNotContain(result.Journal, j => j.ActivityId == "island");
    }

    [Fact]
    public async Task Without_Elsa_Start_the_flowchart_starts_at_the_activity_with_no_inbound_connection()
    {
        using var harness = new RuntimeHarness();

        var result = await harness.RunAsync("no-start-activity.json");

        // "second" is listed first in the JSON, but "first" is the one nothing leads to.
        Assert.Equal(["first", "second"], result.Journal.Lines());
    }
}
