using System.Text.Json.Nodes;
using Workflows.Runtime.Execution;
using Workflows.Runtime.Tests.Harness;

namespace Workflows.Runtime.Tests.Bookmarks;

/// <summary>The journal and activity execution records, as Studio's instance viewer reads them.</summary>
public sealed class JournalTests
{
    [Fact]
    public async Task Each_activity_is_journaled_Started_before_Completed_with_increasing_sequence()
    {
        using var harness = new RuntimeHarness();

        var result = await harness.RunAsync("decision.json", new JsonObject { ["amount"] = 5000 });

        var sequences = result.Journal.Select(j => j.Sequence).ToList();
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);
        foreach (var id in new[] { "start", "setAmount", "decide", "large" })
            Assert.True(result.Journal.SequenceOf(id, JournalEvents.Started) < result.Journal.SequenceOf(id, JournalEvents.Completed), id);
        Assert.True(result.Journal.SequenceOf("setAmount", JournalEvents.Completed) < result.Journal.SequenceOf("decide", JournalEvents.Started));
        Assert.All(result.Journal, j => Assert.StartsWith("Workflow1:f1", j.NodeId));
        Assert.Equal("Workflow1:f1:decide", result.Journal.First(j => j.ActivityId == "decide").NodeId);
    }

    [Fact]
    public async Task Journal_sequence_keeps_increasing_across_resumes()
    {
        using var harness = new RuntimeHarness();
        var started = await harness.RunAsync("event.json");
        var id = started.State.Id;

        await harness.ResumeAsync(id, harness.BookmarkOf(id, "wait").Id, new JsonObject { ["result"] = "x" });

        var journal = harness.Instances.Journal(id);
        Assert.Equal(Enumerable.Range(1, journal.Count).Select(i => (long)i), journal.Select(j => j.Sequence));
        Assert.True(journal.SequenceOf("wait", JournalEvents.Suspended) < journal.SequenceOf("wait", JournalEvents.Resumed));
        Assert.True(journal.SequenceOf("wait", JournalEvents.Resumed) < journal.SequenceOf("wait", JournalEvents.Completed));
    }

    [Fact]
    public async Task WriteLine_text_is_journaled()
    {
        using var harness = new RuntimeHarness();

        var result = await harness.RunAsync("decision.json", new JsonObject { ["amount"] = 1 });

        var line = Assert.Single(result.Journal, j => j.EventName == "WriteLine");
        Assert.Equal("small", line.ActivityId);
        Assert.Equal("small repair", line.Message);
        Assert.Equal("Elsa.WriteLine", line.ActivityType);
        Assert.Equal("WriteLine2", line.ActivityName);
    }

    [Fact]
    public async Task Activity_state_is_keyed_by_the_input_descriptor_PascalCase_name()
    {
        using var harness = new RuntimeHarness();

        var result = await harness.RunAsync("decision.json", new JsonObject { ["amount"] = 5000 });

        var decide = result.ActivityRecords.Single(r => r.ActivityId == "decide");
        Assert.Equal(["Condition"], decide.ActivityState!.Select(kv => kv.Key));
        Assert.True((bool?)decide.ActivityState!["Condition"]);
        var line = result.ActivityRecords.Single(r => r.ActivityId == "large");
        Assert.Equal("large repair", (string?)line.ActivityState!["Text"]);
        var set = result.ActivityRecords.Single(r => r.ActivityId == "setAmount");
        Assert.Contains("Value", set.ActivityState!.Select(kv => kv.Key));
    }

    [Fact]
    public async Task Completed_records_carry_their_outcomes_in_the_payload()
    {
        using var harness = new RuntimeHarness();

        var result = await harness.RunAsync("decision.json", new JsonObject { ["amount"] = 5000 });

        Assert.All(result.ActivityRecords, r => Assert.Equal(ActivityStatus.Completed, r.Status));
        Assert.Equal("""["Done"]""", result.ActivityRecords.Single(r => r.ActivityId == "start").Payload!["Outcomes"]!.ToJsonString());
        Assert.Equal("""["True"]""", result.ActivityRecords.Single(r => r.ActivityId == "decide").Payload!["Outcomes"]!.ToJsonString());
        var completed = result.Journal.Single(j => j.ActivityId == "decide" && j.EventName == JournalEvents.Completed);
        Assert.Equal("""["True"]""", completed.Payload!["Outcomes"]!.ToJsonString());
    }
}
