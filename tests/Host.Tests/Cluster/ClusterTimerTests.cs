using System.Diagnostics;
using Workflows.Host.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Workflows.Host.Tests.Cluster;

/// <summary>
/// Two Host processes on one PostgreSQL database and one Hangfire.PostgreSql storage, with the real clock.
/// Firing is counted by its effects in the database, not by what the hosts say.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class ClusterTimerTests(PostgreSqlServer server, ITestOutputHelper output) : IDisposable
{
    private const string DefinitionId = "cluster-timer";

    [Fact]
    public async Task Two_hosts_fire_1000_timers_due_within_a_minute_each_exactly_once()
    {
        const int count = 1000;
        var connectionString = await server.CreateDatabaseAsync();
        var hosts = await ClusterHosts.StartAsync(2, ClusterHosts.Environment(connectionString, TempFolder.Create("no-definitions")));
        try
        {
            await hosts[0].CreateApiClient().SaveAsync(ClusterHosts.DelayThenEmail(DefinitionId), publish: true);
            // Each timer is due five seconds after its instance started: the firing overlaps the starting, and the
            // ten-second sweep competes with the timers' own jobs for the same due timers.
            var clock = Stopwatch.StartNew();
            var ids = await ClusterHosts.StartInstancesAsync(hosts, DefinitionId, count, _ => TimeSpan.FromSeconds(5));
            output.WriteLine($"{count} instances started in {clock.Elapsed.TotalSeconds:F0} s");

            await ClusterHosts.WaitUntilFinishedAsync(connectionString, count, TimeSpan.FromSeconds(120));
            output.WriteLine($"all finished {clock.Elapsed.TotalSeconds:F0} s after the first start");

            Assert.All(hosts, h => Assert.False(h.HasExited));
            await ClusterHosts.AssertEachFiredExactlyOnceAsync(connectionString, ids);
        }
        finally
        {
            foreach (var host in hosts)
                await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task When_one_host_is_killed_midway_the_other_fires_every_remaining_timer_exactly_once()
    {
        const int count = 300;
        var connectionString = await server.CreateDatabaseAsync();
        var hosts = await ClusterHosts.StartAsync(2, ClusterHosts.Environment(connectionString, TempFolder.Create("no-definitions")));
        try
        {
            await hosts[0].CreateApiClient().SaveAsync(ClusterHosts.DelayThenEmail(DefinitionId), publish: true);
            // Due times spread over twenty seconds, so that the kill lands while most timers are still to come.
            var ids = await ClusterHosts.StartInstancesAsync(hosts, DefinitionId, count,
                i => TimeSpan.FromSeconds(6) + TimeSpan.FromSeconds(20.0 * i / count));
            var progress = await ClusterHosts.ProgressAsync(connectionString);
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (progress.Fired < count / 4 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
                progress = await ClusterHosts.ProgressAsync(connectionString);
            }

            await hosts[0].KillAsync();

            var atKill = await ClusterHosts.ProgressAsync(connectionString);
            Assert.True(atKill.Fired > 0 && atKill.Pending > 0, $"The kill should land midway: {atKill.Fired} fired, {atKill.Pending} pending.");
            var clock = Stopwatch.StartNew();
            await ClusterHosts.WaitUntilFinishedAsync(connectionString, count, TimeSpan.FromSeconds(120));
            output.WriteLine($"killed with {atKill.Fired} fired and {atKill.Pending} pending; the survivor finished the rest in {clock.Elapsed.TotalSeconds:F0} s");
            Assert.False(hosts[1].HasExited);
            await ClusterHosts.AssertEachFiredExactlyOnceAsync(connectionString, ids);
        }
        finally
        {
            foreach (var host in hosts)
                await host.DisposeAsync();
        }
    }

    public void Dispose() => PostgreSqlServer.ReleaseConnections();
}
