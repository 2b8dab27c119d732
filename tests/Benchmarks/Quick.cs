namespace Workflows.Benchmarks;
internal static class Quick
{
    public static async Task RunAsync()
    {
        var b = new FlowchartRunBenchmarks();
        b.Setup();
        for (var i = 0; i < 20; i++) await b.StartToFinish();
        var sw = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 100; i++) await b.StartToFinish();
        Console.WriteLine($"StartToFinish: {sw.Elapsed.TotalMilliseconds / 100:F2} ms");
        sw.Restart();
        for (var i = 0; i < 100; i++) b.RawSqliteSameRows();
        Console.WriteLine($"Raw: {sw.Elapsed.TotalMilliseconds / 100:F2} ms");
        b.Cleanup();
    }
}
