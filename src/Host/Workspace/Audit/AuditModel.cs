using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Workflows.Host.Workspace.Audit;

/// <summary>The EF mapping of <see cref="AuditEntry"/>.</summary>
internal static class AuditModel
{
    public const string Table = "AuditEntries";

    public static void Configure(ModelBuilder b) =>
        b.Entity<AuditEntry>(e =>
        {
            e.ToTable(Table);
            e.Property(x => x.ActorKind).HasMaxLength(16);
            e.Property(x => x.ActorId).HasMaxLength(64);
            e.Property(x => x.ActorName).HasMaxLength(128);
            e.Property(x => x.Action).HasMaxLength(64);
            e.Property(x => x.ResourceType).HasMaxLength(64);
            e.Property(x => x.ResourceId).HasMaxLength(128);
            e.Property(x => x.CorrelationId).HasMaxLength(64);
            e.Property(x => x.RequestId).HasMaxLength(64);
            e.Property(x => x.RemoteIp).HasMaxLength(64);
            e.HasIndex(x => x.At);
            e.HasIndex(x => new { x.ActorName, x.At });
            e.HasIndex(x => new { x.Action, x.At });
            e.HasIndex(x => new { x.ResourceType, x.ResourceId });
        });
}

/// <summary>
/// Refuses to save a modified or deleted <see cref="AuditEntry"/>: the first line of the append-only rule, for
/// every provider. Bulk statements (ExecuteUpdate/ExecuteDelete) bypass it; the database triggers of
/// <see cref="AppendOnlyTriggers"/> catch those.
/// </summary>
internal static class AppendOnlyGuard
{
    public static void Check(ChangeTracker changes)
    {
        foreach (var entry in changes.Entries<AuditEntry>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
                throw new InvalidOperationException($"{AuditModel.Table} is append-only: entry {entry.Entity.Id} cannot be {entry.State.ToString().ToLowerInvariant()}.");
        }
    }
}

/// <summary>
/// Database triggers that refuse UPDATE and DELETE on the audit table. Created on every start after the
/// migrations, not in a migration: a migration that rebuilds the table (SQLite does for many changes) would
/// drop them silently, and migrations may be regenerated.
/// </summary>
internal static class AppendOnlyTriggers
{
    private const string Message = "AuditEntries is append-only";

    public static async Task EnsureAsync(DbContext db, CancellationToken ct)
    {
        var provider = db.Database.ProviderName ?? "";
        if (provider.EndsWith(".Sqlite", StringComparison.Ordinal))
        {
            foreach (var sql in SqliteTriggers)
                await db.Database.ExecuteSqlRawAsync(sql, ct);
        }
        else if (provider.Contains("PostgreSQL", StringComparison.Ordinal))
        {
            await db.Database.ExecuteSqlRawAsync(PostgreSqlTriggers, ct);
        }
    }

    // Constant text only (no caller input reaches these statements).
    private static readonly string[] SqliteTriggers =
    [
        $"""CREATE TRIGGER IF NOT EXISTS "{AuditModel.Table}_no_update" BEFORE UPDATE ON "{AuditModel.Table}" BEGIN SELECT RAISE(ABORT, '{Message}'); END;""",
        $"""CREATE TRIGGER IF NOT EXISTS "{AuditModel.Table}_no_delete" BEFORE DELETE ON "{AuditModel.Table}" BEGIN SELECT RAISE(ABORT, '{Message}'); END;""",
    ];

    private const string PostgreSqlTriggers = $"""
                CREATE OR REPLACE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS
                $body$ BEGIN RAISE EXCEPTION '{Message}'; END $body$;
                DROP TRIGGER IF EXISTS "{AuditModel.Table}_append_only" ON "{AuditModel.Table}";
                CREATE TRIGGER "{AuditModel.Table}_append_only" BEFORE UPDATE OR DELETE ON "{AuditModel.Table}"
                    FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
                DROP TRIGGER IF EXISTS "{AuditModel.Table}_no_truncate" ON "{AuditModel.Table}";
                CREATE TRIGGER "{AuditModel.Table}_no_truncate" BEFORE TRUNCATE ON "{AuditModel.Table}"
                    FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
                """;
}
