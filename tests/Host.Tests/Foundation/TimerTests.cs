using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Host.Persistence;
using Workflows.Host.Scheduling;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Foundation;

public abstract class TimerTests(TestDatabase database) : ProviderTests(database)
{
    [Fact]
    public async Task Fifteen_day_delay_does_not_fire_at_14_days_23_hours_and_fires_at_15_days()
    {
        await using var app = await NewAppAsync();
        var client = app.CreateApiClient();
        await client.SaveAsync(Flowcharts.DelayThenWrite("delay-15", "15.00:00:00"), publish: true);
        var instanceId = await client.ExecuteAsync("delay-15");
        Assert.Equal("Suspended", await client.SubStatusAsync(instanceId));

        Assert.Equal(0, await app.AdvanceAsync(client, days: 14, hours: 23));
        Assert.Equal("Suspended", await client.SubStatusAsync(instanceId));

        Assert.Equal(1, await app.AdvanceAsync(client, hours: 1));
        var instance = await client.InstanceAsync(instanceId);
        Assert.Equal("Finished", instance["status"]!.GetValue<string>());
        Assert.Equal("Finished", instance["subStatus"]!.GetValue<string>());
    }

    [Fact]
    public async Task Pending_timer_still_fires_after_a_restart_on_the_same_database()
    {
        var database = await Database.NewAsync();
        string instanceId;
        await using (var first = App(database))
        {
            var client = first.CreateApiClient();
            await client.SaveAsync(Flowcharts.DelayThenWrite("delay-restart", "15.00:00:00"), publish: true);
            instanceId = await client.ExecuteAsync("delay-restart");
        }

        // A new host: new DI container, new Hangfire storage (in memory: empty); only the database survives.
        await using var second = App(database);
        var again = second.CreateApiClient();
        Assert.Equal("Suspended", await again.SubStatusAsync(instanceId));
        Assert.Equal(1, await second.AdvanceAsync(again, days: 15));
        Assert.Equal("Finished", await again.SubStatusAsync(instanceId));
    }

    [Fact]
    public async Task Firing_a_timer_twice_at_the_same_time_has_one_effect()
    {
        await using var app = await NewAppAsync();
        var client = app.CreateApiClient();
        await client.SaveAsync(Flowcharts.DelayThenWrite("delay-twice", "1.00:00:00"), publish: true);
        var instanceId = await client.ExecuteAsync("delay-twice");
        app.Clock.Advance(TimeSpan.FromDays(1));
        string timerId;
        await using (var scope = app.Scope())
            timerId = await scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>().Timers.Select(t => t.BookmarkId).SingleAsync();

        async Task<bool> FireAsync()
        {
            await using var scope = app.Scope();
            return await scope.ServiceProvider.GetRequiredService<TimerFiring>().FireAsync(timerId);
        }
        var results = await Task.WhenAll(FireAsync(), FireAsync(), FireAsync());
        var sequentialAgain = await FireAsync();

        Assert.Equal(1, results.Count(r => r));
        Assert.False(sequentialAgain);
        await using var check = app.Scope();
        var db = check.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        var journal = await db.Journal.Where(j => j.InstanceId == instanceId).ToListAsync();
        Assert.Single(journal, j => j.EventName == "Resumed");
        Assert.Single(journal, j => j.ActivityId == "write" && j.EventName == "Completed");
        Assert.Equal(TimerStatus.Fired, (await db.Timers.SingleAsync()).Status);
        Assert.Equal("Finished", await client.SubStatusAsync(instanceId));
    }

    [Fact]
    public async Task Hangfire_job_fires_a_due_timer_without_the_rehearsal_endpoint()
    {
        await using var app = await NewAppAsync(new Dictionary<string, string?> { ["Scheduling:PollingIntervalMilliseconds"] = "200" });
        var client = app.CreateApiClient();
        await client.SaveAsync(Flowcharts.DelayThenWrite("delay-short", "00:00:01"), publish: true);
        var instanceId = await client.ExecuteAsync("delay-short");
        // The service's clock reaches the due time; Hangfire's own delayed job (due one real second later) fires it.
        app.Clock.Advance(TimeSpan.FromSeconds(1));

        var deadline = DateTime.UtcNow.AddSeconds(30);
        var status = await client.SubStatusAsync(instanceId);
        while (status != "Finished" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            status = await client.SubStatusAsync(instanceId);
        }
        Assert.Equal("Finished", status);
    }

    [Fact]
    public async Task StartAt_given_in_China_time_is_stored_as_the_same_instant_and_fires_then()
    {
        await using var app = await NewAppAsync();
        var client = app.CreateApiClient();
        var at = new DateTimeOffset(2026, 9, 26, 9, 0, 0, TimeSpan.FromHours(8));
        await client.SaveAsync(Flowcharts.Definition("start-at", "定时继续",
            [
                Flowcharts.Activity("start", "Elsa.Start"),
                Flowcharts.Activity("at", "Elsa.StartAt", ("dateTime", Flowcharts.Literal("DateTimeOffset", at.ToString("O")))),
                Flowcharts.Activity("write", "Elsa.WriteLine", ("text", Flowcharts.Literal("String", "done"))),
            ],
            [Flowcharts.Connect("start", "at"), Flowcharts.Connect("at", "write")]), publish: true);
        var instanceId = await client.ExecuteAsync("start-at");
        await using (var scope = app.Scope())
            Assert.Equal(at, (await scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>().Timers.SingleAsync()).DueAt);

        Assert.Equal(0, await app.AdvanceAsync(client, hours: 23, minutes: 59));
        Assert.Equal(1, await app.AdvanceAsync(client, minutes: 1));
        Assert.Equal("Finished", await client.SubStatusAsync(instanceId));
    }

    [Fact]
    public async Task Cancelled_instance_leaves_no_pending_timer()
    {
        await using var app = await NewAppAsync();
        var client = app.CreateApiClient();
        await client.SaveAsync(Flowcharts.DelayThenWrite("delay-cancel", "2.00:00:00"), publish: true);
        var instanceId = await client.ExecuteAsync("delay-cancel");
        await using (var scope = app.Scope())
            await scope.ServiceProvider.GetRequiredService<Runtime.Engine.WorkflowRuntime>().CancelAsync(instanceId);

        Assert.Equal(0, await app.AdvanceAsync(client, days: 3));
        Assert.Equal("Cancelled", await client.SubStatusAsync(instanceId));
        await using var check = app.Scope();
        var timer = await check.ServiceProvider.GetRequiredService<WorkflowsDbContext>().Timers.SingleAsync();
        Assert.Equal(TimerStatus.Cancelled, timer.Status);
    }
}

public sealed class SqliteTimerTests() : TimerTests(TestDatabase.Sqlite);

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlTimerTests(PostgreSqlServer server) : TimerTests(new PostgreSqlTestDatabase(server));
