using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;
using Workflows.PropertyManagement.Companies;
using Workflows.PropertyManagement.Jurisdictions;

namespace Workflows.Tools.DataGenerator;

/// <summary>
/// Writes generated cases into a migrated database whose district is set up (the demo district) and whose procedures
/// are published. Rows go in by prepared INSERTs in batches of <see cref="GeneratorOptions.BatchSize"/> cases per
/// transaction, built from the EF model (<see cref="BulkRows"/>), never through the API or the change tracker.
/// </summary>
public static class ScaleDataGenerator
{
    public static async Task<GeneratorReport> GenerateAsync(WorkflowsDbContext db, GeneratorOptions options, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        var random = new Random(options.Seed);
        var ids = new SeededIds(random);
        var versions = await db.Definitions.AsNoTracking().Where(d => d.IsPublished)
            .Select(d => new PublishedVersion(d.Id, d.DefinitionId, d.Version, d.Name)).ToListAsync(ct);
        var byProcedure = versions.GroupBy(v => v.DefinitionId).ToDictionary(g => g.Key, g => g.MaxBy(v => v.Version)!);
        var missing = ProcedureShapes.All.Select(p => p.Procedure).Where(p => !byProcedure.ContainsKey(p)).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException($"No published version of {string.Join(", ", missing)}: import the definitions folder first.");

        var compounds = await AddCompoundsAsync(db, options.ExtraCompounds ?? options.Instances / 100, options.Seed, random, ct);
        var district = await District.LoadAsync(db, ct);
        var builder = new CaseBuilder(random, ids, district, byProcedure, options);
        var batch = new RowBatch();
        long rows = 0;
        await db.Database.OpenConnectionAsync(ct);
        // A generator's run is redone if it fails, so the commits need not wait for the disk; a large page cache keeps
        // the indexes' pages in memory while they grow.
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;", ct);
        for (var written = 0; written < options.Instances;)
        {
            var size = Math.Min(options.BatchSize, options.Instances - written);
            for (var i = 0; i < size; i++) builder.Build(batch);
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                await batch.WriteAsync(db, ct);
                await transaction.CommitAsync(ct);
            }
            rows += batch.RowCount;
            written += size;
            batch.Clear();
        }
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=FULL;", ct);
            await db.Database.ExecuteSqlRawAsync("ANALYZE;", ct);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE;", ct);
        }
        return new GeneratorReport(options.Instances, compounds, rows, watch.Elapsed);
    }

    private static async Task<int> AddCompoundsAsync(WorkflowsDbContext db, int count, int seed, Random random, CancellationToken ct)
    {
        var units = await db.Set<Unit>().AsNoTracking().ToDictionaryAsync(u => u.Id, ct);
        var communities = units.Values.Where(u => u.Kind == UnitKind.Community).OrderBy(u => u.Id, StringComparer.Ordinal).ToList();
        if (communities.Count == 0) throw new InvalidOperationException("The database has no district: seed the demo district first.");
        var companies = await db.Set<PropertyCompany>().AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct);
        var (newUnits, compounds, committees) = ExtraCompounds.Create(count, seed, random, communities, units, companies);
        db.AddRange(newUnits);
        db.AddRange(committees);
        db.AddRange(compounds);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return count;
    }
}
