using System.Data;
using Npgsql;

namespace Workflows.Host.Persistence;

/// <summary>
/// A PostgreSQL session-level advisory lock: the start-up steps that several hosts would otherwise run at the
/// same moment (schema migrations) take it, so the second host waits and then finds nothing left to do. If the
/// holder dies, PostgreSQL ends its session and the lock goes with it; nothing stale is left behind.
/// </summary>
internal sealed class AdvisoryLock : IAsyncDisposable
{
    /// <summary>The EF Core migrations of the service's tables.</summary>
    public const long Migrations = 0x5746_4D49_4752_4154; // "WFMIGRAT"

    /// <summary>The Hangfire storage's own tables (its installer is not safe to run twice at once).</summary>
    public const long HangfireSchema = 0x5746_4846_5343_484D; // "WFHFSCHM"

    private readonly NpgsqlConnection _connection;
    private readonly long _key;

    private AdvisoryLock(NpgsqlConnection connection, long key)
    {
        _connection = connection;
        _key = key;
    }

    /// <summary>Waits for the lock on an open connection, which must stay open until the lock is disposed.</summary>
    public static async Task<AdvisoryLock> AcquireAsync(NpgsqlConnection connection, long key, CancellationToken ct)
    {
        if (connection.State != ConnectionState.Open)
            throw new InvalidOperationException("An advisory lock needs an open connection: it lives as long as the session.");
        await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", key);
        await command.ExecuteNonQueryAsync(ct);
        return new AdvisoryLock(connection, key);
    }

    public async ValueTask DisposeAsync()
    {
        // A pooled connection outlives this session's use of it, so release explicitly rather than rely on the close.
        await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", _connection);
        command.Parameters.AddWithValue("key", _key);
        await command.ExecuteNonQueryAsync();
    }
}
