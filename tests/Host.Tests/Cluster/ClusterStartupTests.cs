using Microsoft.EntityFrameworkCore;
using Workflows.Host.Notifications.Outbox;
using Workflows.Host.Scheduling;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Cluster;

[Collection(PostgreSqlCollection.Name)]
public sealed class ClusterStartupTests(PostgreSqlServer server) : IDisposable
{
    [Fact]
    public async Task Two_hosts_starting_at_the_same_moment_migrate_once_import_each_definition_once_and_share_one_job_per_sweep()
    {
        var connectionString = await server.CreateDatabaseAsync();
        var definitions = RepositoryDefinitions();
        var hosts = await ClusterHosts.StartAsync(2, ClusterHosts.Environment(connectionString, definitions));
        try
        {
            await using var db = ClusterHosts.Database(connectionString);
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
            var versions = await db.Definitions.GroupBy(d => d.DefinitionId).Select(g => new { Id = g.Key, Count = g.Count() }).ToListAsync();
            Assert.Equal(Directory.GetFiles(definitions, "*.json").Length, versions.Count);
            Assert.All(versions, v => Assert.True(v.Count == 1, $"{v.Id} has {v.Count} versions"));
            var recurring = await db.Database.SqlQueryRaw<string>("SELECT value AS \"Value\" FROM hangfire.set WHERE key = 'recurring-jobs'").ToListAsync();
            Assert.Equal(new[] { NotificationJobs.SweepJobId, TimerJobs.SweepJobId }.Order(StringComparer.Ordinal), recurring.Order(StringComparer.Ordinal));
            Assert.Equal(2, await CountAsync(db, "SELECT count(*)::int AS \"Value\" FROM hangfire.server"));
        }
        finally
        {
            foreach (var host in hosts)
                await host.DisposeAsync();
        }
    }

    private static Task<int> CountAsync(DbContext db, string sql) =>
        db.Database.SqlQueryRaw<int>(sql).SingleAsync();

    /// <summary>The statutory procedures of the repository: ten files both hosts import at the same moment.</summary>
    private static string RepositoryDefinitions()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Workflows.sln")))
            folder = folder.Parent;
        return Path.Combine(folder?.FullName ?? throw new InvalidOperationException("Workflows.sln not found above the test binaries."), "definitions");
    }

    public void Dispose() => PostgreSqlServer.ReleaseConnections();
}
