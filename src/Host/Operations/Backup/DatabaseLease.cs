using Microsoft.Extensions.Options;
using Workflows.Host.Persistence;

namespace Workflows.Host.Operations.Backup;

/// <summary>
/// While the service runs on a SQLite file it holds an exclusive lock on <c>workflows.db.lock</c> beside it, so that
/// <c>restore</c> can tell a running service from a stopped one (SQLite in WAL mode holds no lock while idle).
/// A lock that cannot be taken is only logged: the service itself never refuses to start over it.
/// </summary>
internal sealed class DatabaseLease(IOptions<DatabaseOptions> database, ILogger<DatabaseLease> logger) : IHostedService, IDisposable
{
    private FileStream? _lock;

    public static string LockPath(string connectionString) =>
        new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource + ".lock";

    /// <summary>Takes the lock; null when another process (or host) holds it.</summary>
    public static FileStream? TryAcquire(string connectionString)
    {
        var path = Path.GetFullPath(LockPath(connectionString));
        if (Path.GetDirectoryName(path) is { } folder) Directory.CreateDirectory(folder);
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (database.Value.IsPostgreSql) return Task.CompletedTask;
        _lock = TryAcquire(database.Value.ConnectionString);
        if (_lock is null)
            logger.LogWarning("Another process holds {LockFile}: is a second service running on this database?", LockPath(database.Value.ConnectionString));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _lock?.Dispose();
        _lock = null;
    }
}
