using System.Globalization;
using Hangfire;
using Microsoft.Extensions.Options;
using Workflows.Host.Persistence;

namespace Workflows.Host.Operations.Backup;

/// <summary>
/// The Hangfire recurring job that backs up the embedded database into <see cref="BackupOptions.Folder"/> and keeps the
/// newest <see cref="BackupOptions.RetentionCount"/> files. Names carry the wall-clock time (UTC), so they sort by age.
/// </summary>
public sealed class ScheduledBackup(IOptions<BackupOptions> options, IOptions<DatabaseOptions> database, IHostEnvironment environment, ILogger<ScheduledBackup> logger)
{
    public const string JobId = "database-backup";
    private const string Prefix = "workflows-";

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 2)]
    public async Task RunAsync()
    {
        var folder = Path.GetFullPath(options.Value.Folder.Length > 0
            ? Path.Combine(environment.ContentRootPath, options.Value.Folder)
            : Path.Combine(environment.ContentRootPath, database.Value.DataPath, "backups"));
        var stamp = TimeProvider.System.GetUtcNow().ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture);
        var file = Path.Combine(folder, $"{Prefix}{stamp}.db");
        await SqliteBackup.CopyAsync(database.Value.ConnectionString, file, CancellationToken.None);
        var old = Directory.GetFiles(folder, $"{Prefix}*.db").Order(StringComparer.Ordinal).SkipLast(options.Value.RetentionCount).ToList();
        foreach (var expired in old)
            File.Delete(expired);
        logger.LogInformation("Database backed up to {BackupFile}; {Deleted} older backups deleted", file, old.Count);
    }

    /// <summary>Registers (or removes, when the cron is empty) the recurring job; embedded mode only.</summary>
    internal static void Register(IRecurringJobManager recurring, BackupOptions options)
    {
        if (options.Cron.Length == 0) recurring.RemoveIfExists(JobId);
        else recurring.AddOrUpdate<ScheduledBackup>(JobId, b => b.RunAsync(), options.Cron);
    }
}

/// <summary>Registers the scheduled backup when the service starts on SQLite; cluster mode uses PostgreSQL's tools.</summary>
internal sealed class ScheduledBackupRegistration(IRecurringJobManager recurring, IOptions<BackupOptions> options, IOptions<DatabaseOptions> database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!database.Value.IsPostgreSql)
            ScheduledBackup.Register(recurring, options.Value);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
