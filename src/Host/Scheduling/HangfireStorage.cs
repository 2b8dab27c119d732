using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Npgsql;
using Workflows.Host.Persistence;

namespace Workflows.Host.Scheduling;

/// <summary>
/// Hangfire's storage per database mode: in memory beside SQLite (the timer rows are the truth and jobs are
/// rebuilt on start), Hangfire.PostgreSql beside PostgreSQL, shared by every host of the cluster.
/// </summary>
internal static class HangfireStorage
{
    /// <summary>Hangfire's tables live apart from the service's own (which are in <c>public</c>).</summary>
    public const string PostgreSqlSchema = "hangfire";

    /// <summary>
    /// How long a distributed lock may be held before another host treats it as abandoned. Hangfire.PostgreSql
    /// locks are rows, so a host killed while holding one (the delayed-job poller takes one every poll) would
    /// stall the others for this long; the default of 10 minutes is far longer than any lock is legitimately held
    /// here (the sweep's is the longest, and a second sweep running alongside a slow one only fires nothing twice).
    /// </summary>
    public static readonly TimeSpan DistributedLockTimeout = TimeSpan.FromMinutes(1);

    /// <summary>
    /// A job fetched by a host that then died is handed to another after this long. Sliding: a live host keeps
    /// extending it for its running jobs, so it need not exceed the longest job. Timers do not wait for it: the
    /// sweep fires any due timer whose job is stuck.
    /// </summary>
    public static readonly TimeSpan InvisibilityTimeout = TimeSpan.FromMinutes(5);

    public static JobStorage Create(DatabaseOptions database, SchedulingOptions scheduling)
    {
        if (!database.IsPostgreSql) return new InMemoryStorage(new InMemoryStorageOptions());
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = PostgreSqlSchema,
            // Installed at start-up behind an advisory lock instead (InstallSchemaAsync): the installer run by two
            // hosts at the same moment collides on CREATE SCHEMA / CREATE TABLE.
            PrepareSchemaIfNecessary = false,
            QueuePollInterval = TimeSpan.FromMilliseconds(scheduling.PollingIntervalMilliseconds),
            DistributedLockTimeout = DistributedLockTimeout,
            InvisibilityTimeout = InvisibilityTimeout,
            UseSlidingInvisibilityTimeout = true,
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(database.ConnectionString, options), options);
    }

    /// <summary>Creates or upgrades Hangfire's tables once, whichever host gets there first.</summary>
    public static async Task InstallSchemaAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using (await AdvisoryLock.AcquireAsync(connection, AdvisoryLock.HangfireSchema, ct))
            PostgreSqlObjectsInstaller.Install(connection, PostgreSqlSchema);
    }
}
