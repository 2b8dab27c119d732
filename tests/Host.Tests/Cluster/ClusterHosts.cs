using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;
using Workflows.Host.Tests.Infrastructure;
using static Workflows.Host.Tests.Infrastructure.Flowcharts;

namespace Workflows.Host.Tests.Cluster;

/// <summary>
/// Host processes of one cluster: the built Workflows.Host.dll run with Production settings, all on one
/// PostgreSQL database, each with its own port and log folder, with the real clock (no fake clock spans processes).
/// </summary>
internal static class ClusterHosts
{
    public static Dictionary<string, string> Environment(string connectionString, string definitionsPath) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Workflows__Database"] = "PostgreSql",
        ["ConnectionStrings__Workflows"] = connectionString,
        ["Definitions__Path"] = definitionsPath,
        ["Security__ApiKeys__0__Name"] = "cluster-tests",
        ["Security__ApiKeys__0__Sha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(WorkflowsApp.ApiKey))),
        // Every ten seconds instead of every minute, so that a killed host's stuck jobs are made up for quickly.
        ["Scheduling__SweepCron"] = "*/10 * * * * *",
        ["Serilog__MinimumLevel__Default"] = "Warning",
        // Production refuses to start without an SMTP server unless email is off on purpose; tests that deliver email
        // set a loopback server and Smtp__Disabled=false.
        ["Smtp__Disabled"] = "true",
    };

    /// <summary>Starts the hosts at the same moment and returns when every one answers /health with 200.</summary>
    public static async Task<HostProcess[]> StartAsync(int count, IReadOnlyDictionary<string, string> environment) =>
        await Task.WhenAll(Enumerable.Range(0, count).Select(_ =>
        {
            var own = new Dictionary<string, string>(environment) { ["Logging__Path"] = TempFolder.Create("cluster-logs") };
            return HostProcess.StartAsync(own);
        }));

    public static PostgreSqlWorkflowsDbContext Database(string connectionString) =>
        new(new DbContextOptionsBuilder<PostgreSqlWorkflowsDbContext>().UseNpgsql(connectionString).Options);

    /// <summary>Start -> Delay(workflow input "delay") -> SendEmail (one outbox row) -> WriteLine.</summary>
    public static JsonObject DelayThenEmail(string definitionId) => Definition(definitionId, "集群定时",
        [
            Activity("start", "Elsa.Start"),
            Activity("wait", "Elsa.Delay", ("timeSpan", JavaScript("TimeSpan", "getWorkflowInput('delay')"))),
            Activity("email", "Elsa.SendEmail",
                ("to", Literal("List<String>", new JsonArray("officer@example.cn"))),
                ("subject", Literal("String", "期限已到")),
                ("body", Literal("String", "定时器已触发"))),
            Activity("write", "Elsa.WriteLine", ("text", Literal("String", "fired"))),
        ],
        [Connect("start", "wait"), Connect("wait", "email"), Connect("email", "write")]);

    private static JsonObject JavaScript(string typeName, string code) =>
        new() { ["typeName"] = typeName, ["expression"] = new JsonObject { ["type"] = "JavaScript", ["value"] = code } };

    /// <summary>
    /// Starts <paramref name="count"/> instances, spread over the hosts, a few requests at a time; instance i waits
    /// <paramref name="delay"/>(i) from its start.
    /// </summary>
    public static async Task<List<string>> StartInstancesAsync(HostProcess[] hosts, string definitionId, int count, Func<int, TimeSpan> delay)
    {
        var clients = hosts.Select(h => h.CreateApiClient()).ToArray();
        var ids = new string[count];
        using var gate = new SemaphoreSlim(8);
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                ids[i] = await clients[i % clients.Length].ExecuteAsync(definitionId, new JsonObject { ["delay"] = delay(i).ToString("c") });
            }
            finally
            {
                gate.Release();
            }
        }));
        foreach (var client in clients)
            client.Dispose();
        return [.. ids];
    }

    public static async Task<(int Pending, int Fired, int Finished)> ProgressAsync(string connectionString)
    {
        await using var db = Database(connectionString);
        var pending = await db.Timers.CountAsync(t => t.Status == TimerStatus.Pending);
        var fired = await db.Timers.CountAsync(t => t.Status == TimerStatus.Fired);
        var finished = await db.Instances.CountAsync(i => i.Status == "Finished");
        return (pending, fired, finished);
    }

    /// <summary>Polls the database until every instance has finished; fails with the progress when time is up.</summary>
    public static async Task WaitUntilFinishedAsync(string connectionString, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var progress = await ProgressAsync(connectionString);
        while (progress.Finished < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
            progress = await ProgressAsync(connectionString);
        }
        Assert.True(progress.Finished == count, $"After {timeout}: {progress.Finished} of {count} instances finished, {progress.Pending} timers pending, {progress.Fired} fired.");
    }

    /// <summary>
    /// Every timer fired once, counted by its effects: per instance one Resumed journal record of the delay, one
    /// outbox message, one Completed record of the last activity, and the instance finished.
    /// </summary>
    public static async Task AssertEachFiredExactlyOnceAsync(string connectionString, IReadOnlyCollection<string> instanceIds)
    {
        await using var db = Database(connectionString);
        var count = instanceIds.Count;
        var timers = await db.Timers.GroupBy(t => t.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        Assert.Equal([(TimerStatus.Fired, count)], timers.Select(t => (t.Key, t.Count)));
        await AssertOncePerInstanceAsync(db.Journal.Where(j => j.ActivityId == "wait" && j.EventName == "Resumed").Select(j => j.InstanceId), "delay resumed");
        await AssertOncePerInstanceAsync(db.Outbox.Select(o => o.InstanceId!), "outbox message");
        await AssertOncePerInstanceAsync(db.Journal.Where(j => j.ActivityId == "write" && j.EventName == "Completed").Select(j => j.InstanceId), "last activity completed");
        var finished = await db.Instances.Where(i => i.Status == "Finished" && i.SubStatus == "Finished").Select(i => i.Id).ToListAsync();
        Assert.Equal(instanceIds.Order(StringComparer.Ordinal), finished.Order(StringComparer.Ordinal));

        async Task AssertOncePerInstanceAsync(IQueryable<string> instanceOfEach, string what)
        {
            var perInstance = await instanceOfEach.GroupBy(id => id).Select(g => new { Id = g.Key, Count = g.Count() }).ToListAsync();
            var twice = perInstance.Where(x => x.Count > 1).Select(x => x.Id).Take(5).ToList();
            Assert.True(twice.Count == 0, $"{what} more than once in {string.Join(", ", twice)}");
            Assert.True(perInstance.Count == count, $"{what}: {perInstance.Count} of {count} instances");
        }
    }
}
