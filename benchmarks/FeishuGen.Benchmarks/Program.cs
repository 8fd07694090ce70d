using BenchmarkDotNet.Running;

// dotnet run --project benchmarks/FeishuGen.Benchmarks -c Release -- --filter '*'
// Each class reports its benchmarks as ratios against its baseline (the floor) in one run.
// '-- --ci' is the short mode CI runs: the call benchmarks, checked against ratio bounds.
if (args is ["--ci"])
{
    return FeishuGen.Benchmarks.CiCheck.Run();
}

// '-- --webhook-throughput [--ci]': events/s through the webhook inline, queued, durable and the official Node SDK's adapter.
if (args is ["--webhook-throughput", ..])
{
    return await FeishuGen.Benchmarks.WebhookThroughput.RunAsync(ci: System.Array.IndexOf(args, "--ci") >= 0);
}

BenchmarkSwitcher.FromAssembly(typeof(FeishuGen.Benchmarks.JsonBenchmarks).Assembly).Run(args);
return 0;
