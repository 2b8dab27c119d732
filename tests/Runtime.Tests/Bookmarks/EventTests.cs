using System.Text.Json.Nodes;
using Workflows.Runtime.Activities.BuiltIn;
using Workflows.Runtime.Execution;
using Workflows.Runtime.Tests.Harness;

namespace Workflows.Runtime.Tests.Bookmarks;

public sealed class EventTests
{
    [Fact]
    public async Task Event_suspends_the_instance_with_a_bookmark_hashed_by_event_name()
    {
        using var harness = new RuntimeHarness();

        var result = await harness.RunAsync("event.json");

        Assert.Equal(WorkflowStatus.Running, result.State.Status);
        Assert.Equal(WorkflowSubStatus.Suspended, result.State.SubStatus);
        var bookmark = Assert.Single(harness.Instances.Bookmarks(result.State.Id));
        Assert.Equal("wait", bookmark.ActivityId);
        Assert.Equal(Event.HashOf("manager-approved"), bookmark.Hash);
        Assert.Contains(result.Journal, j => j.ActivityId == "wait" && j.EventName == JournalEvents.Suspended);
        var record = result.ActivityRecords.Single(r => r.ActivityId == "wait");
        Assert.True(record.HasBookmarks);
        Assert.Equal(ActivityStatus.Running, record.Status);
    }

    [Fact]
    public async Task Resuming_with_input_continues_and_binds_the_output_to_a_variable()
    {
        using var harness = new RuntimeHarness();
        var started = await harness.RunAsync("event.json");
        var id = started.State.Id;

        var result = await harness.ResumeAsync(id, harness.BookmarkOf(id, "wait").Id, new JsonObject { ["result"] = "同意" });

        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Equal("同意", (string?)result.State.Variables["Decision"]!["result"]);
        Assert.Equal(["decision: 同意"], result.Journal.Lines());
        var record = result.ActivityRecords.Single(r => r.ActivityId == "wait");
        Assert.Equal("同意", (string?)record.Outputs!["Result"]!["result"]);
        Assert.Equal(ActivityStatus.Completed, record.Status);
        Assert.Empty(harness.Instances.Bookmarks(id));
    }

    [Fact]
    public async Task Resuming_a_consumed_bookmark_again_throws_BookmarkNotFoundException()
    {
        using var harness = new RuntimeHarness();
        var started = await harness.RunAsync("event.json");
        var id = started.State.Id;
        var bookmarkId = harness.BookmarkOf(id, "wait").Id;
        await harness.ResumeAsync(id, bookmarkId, new JsonObject { ["result"] = "yes" });
        var revision = harness.Instances.Revision(id);

        var ex = await Assert.ThrowsAsync<BookmarkNotFoundException>(() => harness.ResumeAsync(id, bookmarkId));

        Assert.Equal(bookmarkId, ex.BookmarkId);
        Assert.Equal(revision, harness.Instances.Revision(id));
    }

    [Fact]
    public async Task Publishing_an_event_resumes_every_instance_waiting_for_it()
    {
        using var harness = new RuntimeHarness();
        var first = await harness.RunAsync("event.json");
        var second = await harness.RunAsync("event.json");

        var resumed = await harness.PublishEventAsync("manager-approved", new JsonObject { ["result"] = "ok" });

        Assert.Equal(2, resumed);
        Assert.Equal(WorkflowSubStatus.Finished, harness.Instances.State(first.State.Id).SubStatus);
        Assert.Equal(WorkflowSubStatus.Finished, harness.Instances.State(second.State.Id).SubStatus);
        Assert.Equal(0, await harness.PublishEventAsync("manager-approved", null));
    }
}
