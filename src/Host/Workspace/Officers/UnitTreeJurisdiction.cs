using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;
using Workflows.PropertyManagement.Jurisdictions;

namespace Workflows.Host.Workspace.Officers;

/// <summary>
/// The tree of the Units table, held in memory and reloaded when older than <see cref="MaxAge"/> (every
/// authorization check asks it, units change rarely). A unit added on another node of a cluster is seen
/// here within that time; <see cref="Invalidate"/> makes this process reload at once.
/// </summary>
internal sealed class UnitTreeJurisdiction(IServiceScopeFactory scopes) : IJurisdiction, IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Snapshot? _snapshot;

    private sealed record Snapshot(ParentMapJurisdiction Tree, long LoadedAt);

    public void Invalidate() => _snapshot = null;

    public void Dispose() => _loading.Dispose();

    public async ValueTask<bool> IsWithinAsync(string unitId, string ancestorUnitId, CancellationToken ct = default) =>
        (await TreeAsync(ct)).IsWithin(unitId, ancestorUnitId);

    public async ValueTask<JurisdictionUnit?> FindAsync(string unitId, CancellationToken ct = default) => (await TreeAsync(ct)).Find(unitId);

    public async ValueTask<IReadOnlySet<string>> SubtreeAsync(string unitId, CancellationToken ct = default) => (await TreeAsync(ct)).Subtree(unitId);

    public async ValueTask<IReadOnlyList<JurisdictionUnit>> UnitsAsync(CancellationToken ct = default) => (await TreeAsync(ct)).Units;

    private async ValueTask<ParentMapJurisdiction> TreeAsync(CancellationToken ct)
    {
        var current = _snapshot;
        if (current is not null && Stopwatch.GetElapsedTime(current.LoadedAt) < MaxAge) return current.Tree;
        await _loading.WaitAsync(ct);
        try
        {
            current = _snapshot;
            if (current is not null && Stopwatch.GetElapsedTime(current.LoadedAt) < MaxAge) return current.Tree;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
            var units = await db.Set<Unit>().AsNoTracking()
                .Select(u => new JurisdictionUnit(u.Id, u.Name, u.Kind, u.ParentId)).ToListAsync(ct);
            current = new Snapshot(new ParentMapJurisdiction(units), Stopwatch.GetTimestamp());
            _snapshot = current;
            return current.Tree;
        }
        finally
        {
            _loading.Release();
        }
    }
}
