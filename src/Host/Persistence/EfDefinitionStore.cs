using Microsoft.EntityFrameworkCore;
using Workflows.Runtime.Definitions;
using Workflows.Runtime.Persistence;

namespace Workflows.Host.Persistence;

internal sealed class EfDefinitionStore(WorkflowsDbContext db) : IWorkflowDefinitionStore
{
    public async Task<IReadOnlyList<WorkflowDefinition>> GetVersionsAsync(string definitionId, CancellationToken ct = default)
    {
        var rows = await db.Definitions.AsNoTracking().Where(d => d.DefinitionId == definitionId)
            .OrderBy(d => d.Version).ToListAsync(ct);
        return rows.Select(ToModel).ToList();
    }

    public async Task<WorkflowDefinition?> FindByVersionIdAsync(string versionId, CancellationToken ct = default)
    {
        var row = await db.Definitions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == versionId, ct);
        return row is null ? null : ToModel(row);
    }

    public Task<string?> FindVersionIdAsync(string definitionId, VersionSelector selector, CancellationToken ct = default) => db switch
    {
        SqliteWorkflowsDbContext sqlite => VersionIdQueries<SqliteWorkflowsDbContext>.FindAsync(sqlite, definitionId, selector, ct),
        PostgreSqlWorkflowsDbContext postgreSql => VersionIdQueries<PostgreSqlWorkflowsDbContext>.FindAsync(postgreSql, definitionId, selector, ct),
        _ => throw new InvalidOperationException($"No version lookups for {db.GetType().Name}."),
    };

    /// <summary>
    /// Compiled once per provider's context type: every instance start looks its version up, and EF's per-call
    /// query pipeline costs more than the SQLite lookup itself. A compiled query is bound to the model it first ran
    /// on, so one process that uses both providers (the tests) needs one set per context type.
    /// </summary>
    private static class VersionIdQueries<TContext> where TContext : WorkflowsDbContext
    {
        private static readonly Func<TContext, string, CancellationToken, Task<string?>> Latest =
            EF.CompileAsyncQuery((TContext db, string definitionId, CancellationToken _) =>
                db.Definitions.AsNoTracking().Where(d => d.DefinitionId == definitionId && d.IsLatest).Select(d => d.Id).FirstOrDefault());

        private static readonly Func<TContext, string, CancellationToken, Task<string?>> Published =
            EF.CompileAsyncQuery((TContext db, string definitionId, CancellationToken _) =>
                db.Definitions.AsNoTracking().Where(d => d.DefinitionId == definitionId && d.IsPublished).Select(d => d.Id).FirstOrDefault());

        private static readonly Func<TContext, string, CancellationToken, Task<string?>> LatestOrPublished =
            EF.CompileAsyncQuery((TContext db, string definitionId, CancellationToken _) =>
                db.Definitions.AsNoTracking().Where(d => d.DefinitionId == definitionId && (d.IsLatest || d.IsPublished))
                    .OrderByDescending(d => d.IsLatest).Select(d => d.Id).FirstOrDefault());

        private static readonly Func<TContext, string, int, CancellationToken, Task<string?>> Numbered =
            EF.CompileAsyncQuery((TContext db, string definitionId, int version, CancellationToken _) =>
                db.Definitions.AsNoTracking().Where(d => d.DefinitionId == definitionId && d.Version == version).Select(d => d.Id).FirstOrDefault());

        public static Task<string?> FindAsync(TContext db, string definitionId, VersionSelector selector, CancellationToken ct) =>
            selector.Kind switch
            {
                "Latest" => Latest(db, definitionId, ct),
                "Published" => Published(db, definitionId, ct),
                "LatestOrPublished" => LatestOrPublished(db, definitionId, ct),
                _ => Numbered(db, definitionId, selector.Number, ct),
            };
    }

    public async Task SaveVersionsAsync(IReadOnlyList<WorkflowDefinition> versions, CancellationToken ct = default)
    {
        var ids = versions.Select(v => v.Id).ToList();
        var existing = await db.Definitions.Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        foreach (var version in versions)
        {
            if (!existing.TryGetValue(version.Id, out var row))
            {
                row = new DefinitionRecord { Id = version.Id };
                db.Definitions.Add(row);
            }
            row.DefinitionId = version.DefinitionId;
            row.Version = version.Version;
            row.Name = version.Name;
            row.Description = version.Description;
            row.IsLatest = version.IsLatest;
            row.IsPublished = version.IsPublished;
            row.CreatedAt = (version.CreatedAt ?? DateTimeOffset.UnixEpoch).ToUniversalTime();
            row.Json = DefinitionJson.Serialize(version);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Nothing was written (another host may have saved the same version number first); forget these rows
            // so that a caller who re-checks and saves again on this context does not send them a second time.
            foreach (var entry in db.ChangeTracker.Entries<DefinitionRecord>().ToList())
                entry.State = EntityState.Detached;
            throw;
        }
    }

    public async Task<bool> DeleteDefinitionAsync(string definitionId, CancellationToken ct = default) =>
        await db.Definitions.Where(d => d.DefinitionId == definitionId).ExecuteDeleteAsync(ct) > 0;

    public async Task<bool> DeleteVersionAsync(string versionId, CancellationToken ct = default) =>
        await db.Definitions.Where(d => d.Id == versionId).ExecuteDeleteAsync(ct) > 0;

    /// <summary>The JSON is the truth; the columns beside it exist for listing and searching.</summary>
    internal static WorkflowDefinition ToModel(DefinitionRecord row)
    {
        var model = DefinitionJson.Deserialize(row.Json);
        model.Id = row.Id;
        model.DefinitionId = row.DefinitionId;
        model.Version = row.Version;
        model.IsLatest = row.IsLatest;
        model.IsPublished = row.IsPublished;
        model.CreatedAt = row.CreatedAt;
        return model;
    }
}
