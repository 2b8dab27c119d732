using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Options;
using Workflows.Host.Operations.Backup;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Operations;

/// <summary>The daily backup is a Hangfire recurring job that keeps the newest <c>Backup:RetentionCount</c> files.</summary>
public sealed class ScheduledBackupTests
{
    [Fact]
    public async Task The_scheduled_backup_writes_a_backup_each_run_and_keeps_only_the_retention_count()
    {
        var folder = TempFolder.Create("scheduled-backups");
        await using var app = new WorkflowsApp(settings: new Dictionary<string, string?>
        {
            ["Backup:Folder"] = folder,
            ["Backup:RetentionCount"] = "2",
        });
        using (var connection = app.Service<JobStorage>().GetConnection())
            Assert.Contains(connection.GetRecurringJobs(), j => j.Id == ScheduledBackup.JobId && j.Cron == "0 18 * * *");

        var recurring = app.Service<IRecurringJobManager>();
        for (var run = 1; run <= 3; run++)
        {
            var before = Directory.GetFiles(folder, "*.db").ToHashSet();
            recurring.Trigger(ScheduledBackup.JobId);
            await WaitUntilAsync(() => Directory.GetFiles(folder, "*.db").Except(before).Any());
            await WaitUntilAsync(() => Directory.GetFiles(folder, "*.db").Length == Math.Min(run, 2));
        }
        Assert.Equal(2, Directory.GetFiles(folder, "*.db").Length);
        Assert.Empty(Directory.GetFiles(folder, "*.partial"));
    }

    [Fact]
    public async Task A_retention_count_of_zero_stops_the_service_naming_the_setting()
    {
        await using var app = new WorkflowsApp(settings: new Dictionary<string, string?> { ["Backup:RetentionCount"] = "0" });
        var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());
        Assert.Contains("Backup:RetentionCount", error.Message, StringComparison.Ordinal);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 3 minutes");
            await Task.Delay(100);
        }
    }
}
