using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;
using Workflows.PropertyManagement.Jurisdictions;

namespace Workflows.Host.PropertyManagement.Demo;

/// <summary>
/// Development only: seeds the demo district on the first start (when no unit exists), so that every procedure can
/// be started at once. Runs after the start-up tasks have migrated the database.
/// </summary>
internal sealed class DemoDistrictSeeder(IServiceScopeFactory scopes, ILogger<DemoDistrictSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        if (await db.Set<Unit>().AnyAsync(cancellationToken)) return;
        var data = DemoDistrict.Build();
        db.AddRange(data.Units);
        db.AddRange(data.Companies);
        db.AddRange(data.Committees);
        db.AddRange(data.Compounds);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Seeded the demo district: {Units} units, {Compounds} compounds, {Companies} companies, {Committees} committees",
            data.Units.Count, data.Compounds.Count, data.Companies.Count, data.Committees.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
