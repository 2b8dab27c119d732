using Microsoft.Extensions.DependencyInjection;
using Workflows.Runtime.Definitions;
using Workflows.Runtime.Execution;
using Workflows.Runtime.Persistence;
using Workflows.Runtime.Activities;

namespace Workflows.Benchmarks;
internal static class Quick
{
    public static async Task RunAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "wq", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var services = BenchmarkHost.Create(folder);
        using (var s = services.CreateScope())
            await s.ServiceProvider.GetRequiredService<DefinitionService>().SaveAsync(TenActivityFlowchart.Create("ten", false), true);
        double tv = 0, tr = 0, ts = 0;
        var sw = new System.Diagnostics.Stopwatch();
        for (var i = 0; i < 120; i++)
        {
            using var scope = services.CreateScope();
            var sp = scope.ServiceProvider;
            sw.Restart();
            var versions = await sp.GetRequiredService<IWorkflowDefinitionStore>().GetVersionsAsync("ten");
            var t1 = sw.Elapsed.TotalMilliseconds;
            var graph = WorkflowGraph.Compile(versions[0], sp.GetRequiredService<ActivityRegistry>());
            var result = await sp.GetRequiredService<WorkflowRunner>().StartAsync(graph, new StartOptions());
            var t2 = sw.Elapsed.TotalMilliseconds;
            await sp.GetRequiredService<IWorkflowInstanceStore>().SaveAsync(result);
            var t3 = sw.Elapsed.TotalMilliseconds;
            if (i >= 20) { tv += t1; tr += t2 - t1; ts += t3 - t2; }
        }
        Console.WriteLine($"versions {tv / 100:F2} run {tr / 100:F2} save {ts / 100:F2}");
    }
}
