using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Workflows.Host.Persistence;
using Workflows.Runtime;

namespace Workflows.Benchmarks;

/// <summary>The runtime with the Host's real SQLite stores, without the web server or the scheduler.</summary>
internal static class BenchmarkHost
{
    public static ServiceProvider Create(string folder)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Workflows:DataPath"] = folder })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(b => { b.SetMinimumLevel(LogLevel.Warning); if (Environment.GetEnvironmentVariable("BENCH_SQL") == "1") b.AddSimpleConsole().AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information); });
        services.AddWorkflowRuntime();
        services.AddWorkflowsPersistence(configuration, folder);
        var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();
        PersistenceSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>(), CancellationToken.None).GetAwaiter().GetResult();
        return provider;
    }
}
