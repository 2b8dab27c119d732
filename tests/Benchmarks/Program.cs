using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/Benchmarks -- --filter '*'
if (args.Length > 0 && args[0] == "--quick") { await Workflows.Benchmarks.Quick.RunAsync(); return; }
BenchmarkSwitcher.FromAssembly(typeof(Workflows.Benchmarks.FlowchartRunBenchmarks).Assembly).Run(args);
