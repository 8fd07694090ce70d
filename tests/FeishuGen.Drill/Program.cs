using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using FeishuGen.Drill;

// The fault drill: every failure the runtime must survive, each against a fresh local
// Feishu-compatible server over real loopback HTTP. Prints one row per scenario and exits
// non-zero when any scenario does not behave as expected. `multi-instance` runs the shared-token
// drill over Redis instead (see MultiInstance.cs); `worker` is one of its app instances.
Console.OutputEncoding = Encoding.UTF8;
if (args.Length > 0 && args[0] == "worker")
{
    return await Worker.ServeAsync(args);
}

if (args.Length > 0 && args[0] == "durable-worker")
{
    return await DurableWorker.ServeAsync(args);
}

if (args is ["durable"])
{
    return await DurableDrill.RunAsync();
}

if (args is ["node-conformance", var folder])
{
    return await NodeConformance.RunAsync(folder);
}

if (args.Length > 0 && args[0] == "multi-instance")
{
    return await MultiInstance.RunAsync();
}

// `--only <text>` runs the scenarios whose name contains the text.
var only = args.Length > 1 && args[0] == "--only" ? args[1] : null;
var outcomes = new List<Outcome>();
var total = Stopwatch.StartNew();
foreach (var scenario in Scenarios.All().Where(s => only is null || s.Name.Contains(only, StringComparison.OrdinalIgnoreCase)))
{
    try
    {
        await using var context = await DrillContext.StartAsync();
        var observed = await scenario.Run(context);
        outcomes.Add(new Outcome(scenario, true, observed));
    }
    catch (Exception e)
    {
        outcomes.Add(new Outcome(scenario, false, e is DrillFailure ? e.Message : e.GetType().Name + ": " + e.Message));
    }
}

Console.WriteLine("| scenario | expected behaviour | observed | pass |");
Console.WriteLine("|---|---|---|---|");
foreach (var outcome in outcomes)
{
    Console.WriteLine($"| {outcome.Scenario.Name} | {outcome.Scenario.Expected} | {outcome.Observed.ReplaceLineEndings(" ")} | {(outcome.Passed ? "yes" : "NO")} |");
}

var passed = outcomes.Count(o => o.Passed);
Console.WriteLine();
Console.WriteLine($"drill time: {total.Elapsed.TotalSeconds:0.0} s");
Console.WriteLine($"drill: {passed} passed, {outcomes.Count - passed} failed");
return passed == outcomes.Count ? 0 : 1;
