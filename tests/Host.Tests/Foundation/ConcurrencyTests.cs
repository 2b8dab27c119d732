using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Host.Persistence;
using Workflows.Host.Tests.Infrastructure;
using Workflows.Runtime.Engine;
using Workflows.Runtime.Execution;
using static Workflows.Host.Tests.Infrastructure.Flowcharts;

namespace Workflows.Host.Tests.Foundation;

public abstract class ConcurrencyTests(TestDatabase database) : ProviderTests(database)
{
    /// <summary>Start forks into two Event waits that join (WaitAll) before a WriteLine.</summary>
    private static JsonObject TwoEvents() => Definition("two-events", "两个事件",
        [
            Activity("start", "Elsa.Start"),
            Activity("a", "Elsa.Event", ("eventName", Literal("String", "A"))),
            Activity("b", "Elsa.Event", ("eventName", Literal("String", "B"))),
            Activity("join", "Elsa.FlowJoin", ("mode", Literal("String", "WaitAll"))),
            Activity("write", "Elsa.WriteLine", ("text", Literal("String", "both"))),
        ],
        [Connect("start", "a"), Connect("start", "b"), Connect("a", "join"), Connect("b", "join"), Connect("join", "write")]);

    [Fact]
    public async Task Two_resumes_of_one_instance_at_the_same_time_both_take_effect()
    {
        await using var app = await NewAppAsync();
        var client = app.CreateApiClient();
        await client.SaveAsync(TwoEvents(), publish: true);
        var instanceId = await client.ExecuteAsync("two-events");
        var bookmarks = await BookmarksAsync(app, instanceId);
        Assert.Equal(2, bookmarks.Count);

        await Task.WhenAll(bookmarks.Select(id => ResumeAsync(app, instanceId, id)));

        Assert.Equal("Finished", await client.SubStatusAsync(instanceId));
        Assert.Empty(await BookmarksAsync(app, instanceId));
        await using var scope = app.Scope();
        var journal = await scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>().Journal.Where(j => j.InstanceId == instanceId).ToListAsync();
        Assert.Equal(2, journal.Count(j => j.EventName == "Resumed"));
        Assert.Single(journal, j => j.ActivityId == "write" && j.EventName == "Completed");
    }

    [Fact]
    public async Task Two_resumes_of_the_same_bookmark_at_the_same_time_one_wins_the_other_is_refused()
    {
        await using var app = await NewAppAsync();
        var client = app.CreateApiClient();
        await client.SaveAsync(TwoEvents(), publish: true);
        var instanceId = await client.ExecuteAsync("two-events");
        var bookmark = (await BookmarksAsync(app, instanceId)).First();

        var attempts = await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            try
            {
                await ResumeAsync(app, instanceId, bookmark);
                return "resumed";
            }
            catch (BookmarkNotFoundException)
            {
                return "refused";
            }
        }));

        Assert.Equal(1, attempts.Count(a => a == "resumed"));
        Assert.Equal(2, attempts.Count(a => a == "refused"));
        Assert.Single(await BookmarksAsync(app, instanceId));
        Assert.Equal("Suspended", await client.SubStatusAsync(instanceId));
    }

    [Fact]
    public async Task Outbox_refuses_a_second_message_with_the_same_idempotency_key()
    {
        await using var app = await NewAppAsync();
        app.CreateClient();
        static OutboxMessage Message() => new()
        {
            Id = Ids.New(), IdempotencyKey = "email:activity-1:officer@example.cn", Channel = "Email",
            Recipient = "officer@example.cn", Body = "提醒", CreatedAt = DateTimeOffset.UnixEpoch,
        };
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
            db.Outbox.Add(Message());
            await db.SaveChangesAsync();
        }

        await using var again = app.Scope();
        var second = again.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        second.Outbox.Add(Message());
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => second.SaveChangesAsync());
        Assert.True(DbErrors.IsUniqueViolation(error), error.InnerException?.Message);
    }

    private static async Task ResumeAsync(WorkflowsApp app, string instanceId, string bookmarkId)
    {
        await using var scope = app.Scope();
        await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().ResumeAsync(instanceId, bookmarkId, JsonValue.Create("payload"));
    }

    private static async Task<List<string>> BookmarksAsync(WorkflowsApp app, string instanceId)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>().Bookmarks
            .Where(b => b.InstanceId == instanceId).Select(b => b.Id).ToListAsync();
    }
}

public sealed class SqliteConcurrencyTests() : ConcurrencyTests(TestDatabase.Sqlite);

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlConcurrencyTests(PostgreSqlServer server) : ConcurrencyTests(new PostgreSqlTestDatabase(server));
