using BenchmarkDotNet.Running;

// dotnet run --project benchmarks/FeishuGen.Benchmarks -c Release -- --filter '*'
// Each class reports its benchmarks as ratios against its baseline (the floor) in one run.
// '-- --ci' is the short mode CI runs: the call benchmarks, checked against ratio bounds.
if (args is ["--ci"])
{
    return FeishuGen.Benchmarks.CiCheck.Run();
}

BenchmarkSwitcher.FromAssembly(typeof(FeishuGen.Benchmarks.JsonBenchmarks).Assembly).Run(args);
return 0;
