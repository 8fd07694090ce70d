using BenchmarkDotNet.Running;

// dotnet run --project benchmarks/FeishuGen.Benchmarks -c Release -- --filter '*'
// Each class reports its benchmarks as ratios against its baseline (the floor) in one run.
BenchmarkSwitcher.FromAssembly(typeof(FeishuGen.Benchmarks.JsonBenchmarks).Assembly).Run(args);
