using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Runtime.Definitions;
using Workflows.Runtime.Engine;
using Workflows.Runtime.Execution;

namespace Workflows.Benchmarks;

/// <summary>
/// A 10-activity flowchart persisted to a SQLite file, against the raw cost of writing the same rows with
/// plain ADO.NET. Goal: median of <see cref="StartToFinish"/> at most 2 ms and within 3x of <see cref="RawSqliteSameRows"/>.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class FlowchartRunBenchmarks
{
    private string _folder = "";
    private ServiceProvider _services = null!;
    private string _rawConnectionString = "";

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "workflows-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _services = BenchmarkHost.Create(_folder);
        using (var scope = _services.CreateScope())
        {
            var definitions = scope.ServiceProvider.GetRequiredService<DefinitionService>();
            definitions.SaveAsync(TenActivityFlowchart.Create("ten", withEvent: false), publish: true).GetAwaiter().GetResult();
            definitions.SaveAsync(TenActivityFlowchart.Create("ten-event", withEvent: true), publish: true).GetAwaiter().GetResult();
        }
        _rawConnectionString = RawRows.Prepare(Path.Combine(_folder, "raw.db"));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "10 activities, start to finish, SQLite")]
    public async Task StartToFinish()
    {
        await using var scope = _services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().StartAsync("ten", new StartOptions());
        if (result.State.SubStatus != WorkflowSubStatus.Finished) throw new InvalidOperationException("Run did not finish.");
    }

    [Benchmark(Description = "10 activities, start, suspend, resume, SQLite")]
    public async Task StartSuspendResume()
    {
        await using var scope = _services.CreateAsyncScope();
        var runtime = scope.ServiceProvider.GetRequiredService<WorkflowRuntime>();
        var started = await runtime.StartAsync("ten-event", new StartOptions());
        var bookmark = started.State.Bookmarks.Single();
        var resumed = await runtime.ResumeAsync(started.State.Id, bookmark.Id);
        if (resumed.State.SubStatus != WorkflowSubStatus.Finished) throw new InvalidOperationException("Run did not finish.");
    }

    [Benchmark(Description = "raw SQLite, the same rows")]
    public void RawSqliteSameRows() => RawRows.Write(_rawConnectionString);
}
