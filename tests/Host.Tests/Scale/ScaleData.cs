using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Host.Persistence;
using Workflows.Host.Tests.Infrastructure;
using Workflows.Host.Tests.Procedures;
using Workflows.PropertyManagement.Cases;
using Workflows.PropertyManagement.Compounds;
using Workflows.PropertyManagement.Jurisdictions;
using Workflows.PropertyManagement.Tasks;
using Workflows.Tools.DataGenerator;

namespace Workflows.Host.Tests.Scale;

/// <summary>A running Host (shipped definitions, demo district) whose database the data generator fills.</summary>
internal static class ScaleData
{
    public static WorkflowsApp App(Action<IServiceCollection>? services = null) =>
        new(definitionsPath: RepoPaths.Definitions, services: services);

    /// <summary>Starts the Host if needed (migrations, definitions, demo district), then generates cases as of the Host's clock.</summary>
    public static async Task<GeneratorReport> GenerateAsync(WorkflowsApp app, int cases, int seed, int extraCompounds)
    {
        using (var client = app.CreateApiClient())
            (await client.GetAsync("/health")).EnsureSuccessStatusCode();
        await WaitForDistrictAsync(app);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        return await ScaleDataGenerator.GenerateAsync(db, new GeneratorOptions(cases, seed, app.Clock.GetUtcNow(), Years: 2, ExtraCompounds: extraCompounds));
    }

    /// <summary>The demo district is seeded by a hosted service once the database is migrated; wait for it by polling.</summary>
    private static async Task WaitForDistrictAsync(WorkflowsApp app)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            await using var scope = app.Scope();
            var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
            if (await db.Set<Compound>().AnyAsync()) return;
            Assert.True(DateTime.UtcNow < deadline, "The demo district was not seeded within 2 minutes.");
            await Task.Delay(100);
        }
    }

    /// <summary>Everything the references need, read whole (small data sets only).</summary>
    public static async Task<Snapshot> ReadAsync(WorkflowsApp app)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        return new Snapshot(
            await db.Set<Case>().AsNoTracking().ToListAsync(),
            await db.Instances.AsNoTracking().ToDictionaryAsync(i => i.Id),
            await db.Set<Compound>().AsNoTracking().ToDictionaryAsync(c => c.Id),
            await db.Set<OfficerTask>().AsNoTracking().ToListAsync(),
            await db.Set<Unit>().AsNoTracking().ToListAsync());
    }
}

internal sealed record Snapshot(List<Case> Cases, Dictionary<string, InstanceRecord> Instances, Dictionary<string, Compound> Compounds,
    List<OfficerTask> Tasks, List<Unit> Units)
{
    /// <summary>The unit and all below it.</summary>
    public HashSet<string> Subtree(string root)
    {
        var set = new HashSet<string>(StringComparer.Ordinal) { root };
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var u in Units.Where(u => u.ParentId is { } p && set.Contains(p) && !set.Contains(u.Id)))
                grew = set.Add(u.Id) || grew;
        }
        return set;
    }
}
