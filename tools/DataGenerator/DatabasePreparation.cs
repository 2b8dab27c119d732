using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Workflows.Host;
using Workflows.Host.Definitions;
using Workflows.Host.Persistence;
using Workflows.Host.PropertyManagement.Demo;
using Workflows.PropertyManagement.Cases;

namespace Workflows.Tools.DataGenerator;

/// <summary>
/// Makes the database what the Host itself makes on its first start, through the Host's own code: its migrations,
/// the import of the definitions folder, the demo district. The Host is composed with the same settings it will run
/// with, but never started.
/// </summary>
internal static class DatabasePreparation
{
    public static async Task<WebApplication> ComposeHostAsync(string[] hostArgs, CancellationToken ct)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = hostArgs, EnvironmentName = Environments.Development });
        builder.AddWorkflowsHost();
        var app = builder.Build();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        await PersistenceSetup.MigrateAsync(db, ct);
        if (await db.Set<Case>().AnyAsync(ct))
            throw new InvalidOperationException("The database already holds cases; the generator fills an empty one.");
        await scope.ServiceProvider.GetRequiredService<DefinitionFolderImporter>().ImportAsync(ct);
        await ActivatorUtilities.CreateInstance<DemoDistrictSeeder>(app.Services).StartAsync(ct);
        return app;
    }
}
