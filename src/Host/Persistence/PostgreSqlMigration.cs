using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Workflows.Host.Persistence;

/// <summary>Cluster start-up: every host calls this, and the migrations are applied once.</summary>
internal static class PostgreSqlMigration
{
    public static async Task MigrateAsync(WorkflowsDbContext db, CancellationToken ct)
    {
        await CreateDatabaseIfMissingAsync(db, ct);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            // EF Core's own migration lock needs its history table to exist, and two hosts creating that table at
            // the same moment collide; the advisory lock puts the whole step, table included, behind one gate.
            // The audit triggers are replaced on every start; CREATE OR REPLACE FUNCTION from two hosts at once fails
            // ("tuple concurrently updated"), so they go behind the same gate.
            await using (await AdvisoryLock.AcquireAsync((NpgsqlConnection)db.Database.GetDbConnection(), AdvisoryLock.Migrations, ct))
            {
                await db.Database.MigrateAsync(ct);
                await Workspace.Audit.AppendOnlyTriggers.EnsureAsync(db, ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The lock needs a connection to the database itself, so the database must exist before it is taken.</summary>
    private static async Task CreateDatabaseIfMissingAsync(WorkflowsDbContext db, CancellationToken ct)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(ct)) return;
        try
        {
            await creator.CreateAsync(ct);
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another host created it a moment ago.
        }
    }
}
