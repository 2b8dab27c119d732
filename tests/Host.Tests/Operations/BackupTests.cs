using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Host.Operations.Backup;
using Workflows.Host.Persistence;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Operations;

/// <summary><c>backup --to FILE</c> copies the embedded database of a running, busy service consistently.</summary>
public sealed class BackupTests
{
    [Fact]
    public async Task A_backup_taken_under_write_load_holds_every_committed_case_and_the_restored_service_fires_its_timers()
    {
        var backupFile = Path.Combine(TempFolder.Create("backup"), "workflows-backup.db");
        var committedBefore = new List<string>();
        var committedAll = new ConcurrentBag<string>();
        await using (var app = new WorkflowsApp())
        {
            var client = app.CreateApiClient();
            await client.SaveAsync(Flowcharts.DelayThenWrite("delay-backup", "1.00:00:00"), publish: true);
            for (var i = 0; i < 20; i++)
                committedBefore.Add(await client.ExecuteAsync("delay-backup"));
            foreach (var id in committedBefore) committedAll.Add(id);

            // Writers keep starting cases while the backup runs.
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
            {
                using var writer = app.CreateApiClient();
                while (!stop.IsCancellationRequested)
                    committedAll.Add(await writer.ExecuteAsync("delay-backup"));
            })).ToList();
            await WaitUntilAsync(() => committedAll.Count >= committedBefore.Count + 10);

            using var output = new StringWriter();
            using var error = new StringWriter();
            var code = await BackupCommand.RunAsync([BackupCommand.Name, "--to", backupFile, "--Workflows:DataPath", app.DataPath,
                "--Logging:Path", Path.Combine(app.DataPath, "logs")], output, error);
            Assert.True(code == 0, error.ToString());
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        // The backup is one consistent file.
        await using (var check = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = backupFile, Pooling = false }.ToString()))
        {
            await check.OpenAsync();
            await using var integrity = check.CreateCommand();
            integrity.CommandText = "PRAGMA integrity_check;";
            Assert.Equal("ok", (string?)await integrity.ExecuteScalarAsync());
        }
        Assert.False(File.Exists(backupFile + "-wal"));

        // Restored into a fresh data folder, the service starts on it and fires the timers that were pending.
        var restored = TempFolder.Create("restored");
        File.Copy(backupFile, Path.Combine(restored, "workflows.db"));
        await using var again = new WorkflowsApp(dataPath: restored);
        List<string> instances;
        await using (var scope = again.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
            instances = await db.Instances.Select(i => i.Id).ToListAsync();
            // Every case committed before the backup began is there, nothing that was never committed, and each
            // instance came with its timer (no half-written burst).
            Assert.Superset(committedBefore.ToHashSet(), instances.ToHashSet());
            Assert.Subset(committedAll.ToHashSet(), instances.ToHashSet());
            Assert.True(instances.Count > committedBefore.Count, $"{instances.Count} instances: none written during the backup?");
            Assert.Equal(instances.Count, await db.Timers.CountAsync(t => t.Status == TimerStatus.Pending));
        }
        var apiClient = again.CreateApiClient();
        Assert.Equal(instances.Count, await again.AdvanceAsync(apiClient, days: 1));
        await using (var scope = again.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
            Assert.Equal(instances.Count, await db.Instances.CountAsync(i => i.Status == "Finished"));
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 3 minutes");
            await Task.Delay(50);
        }
    }
}
