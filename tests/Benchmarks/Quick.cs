using System.Diagnostics;

namespace Workflows.Benchmarks;

/// <summary>
/// `--quick`: the same benchmarks timed one call at a time with a plain stopwatch after a long warm-up (so the
/// JIT has reached its final tier), printing medians. A minute instead of BenchmarkDotNet's several; for
/// checking a change, not for the README's table.
/// </summary>
internal static class Quick
{
    private const int WarmUp = 3000;
    private const int Measured = 2000;

    public static async Task RunAsync()
    {
        var benchmarks = new FlowchartRunBenchmarks();
        benchmarks.Setup();
        try
        {
            Report("10 activities, start to finish, SQLite", await MedianAsync(benchmarks.StartToFinish));
            Report("10 activities, start, suspend, resume, SQLite", await MedianAsync(benchmarks.StartSuspendResume));
            Report("raw SQLite, the same rows", await MedianAsync(() => { benchmarks.RawSqliteSameRows(); return Task.CompletedTask; }));
        }
        finally
        {
            benchmarks.Cleanup();
        }
    }

    private static async Task<double> MedianAsync(Func<Task> run)
    {
        for (var i = 0; i < WarmUp; i++) await run();
        var times = new double[Measured];
        for (var i = 0; i < Measured; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await run();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(times);
        return times[Measured / 2];
    }

    private static void Report(string name, double median) => Console.WriteLine($"{name}: median {median:F2} ms");
}
