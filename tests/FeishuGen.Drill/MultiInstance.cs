using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using FeishuGen.Drill.Api;
using FeishuGen.Testing;
using FeishuGen.TestSupport;

namespace FeishuGen.Drill;

/// <summary>
/// Four app instances (processes) sharing tokens through one real Redis, 250 concurrent calls
/// each, across a token refresh; then Redis goes away and they cross the next refresh on their
/// own. Prints the figures; exits non-zero unless the shared phase fetched at most 2 tokens,
/// the outage phase at most one per instance, and no call failed.
/// </summary>
internal static class MultiInstance
{
    private const int Instances = 4;
    private const int CallsPerInstance = 250;
    private const int TokenLifetimeSeconds = 12;

    public static async Task<int> RunAsync()
    {
        await using var redis = await LocalRedis.StartAsync();
        await using var relay = new RedisRelay(redis.EndPoint);
        relay.Start();
        var serverOptions = new FeishuTestServerOptions { TokenLifetimeSeconds = TokenLifetimeSeconds };
        await using var server = await FeishuTestServer.StartAsync(FeishuEndpointCatalogue.All, serverOptions);
        var prefix = "drill-" + Guid.NewGuid().ToString("N")[..8] + ":";
        var workers = Enumerable.Range(0, Instances).Select(i => Worker.Start(server, relay.Port, prefix)).ToList();
        try
        {
            await Task.WhenAll(workers.Select(w => w.ReadyAsync()));
            Console.WriteLine($"multi-instance: {Instances} processes × {CallsPerInstance} concurrent calls, Redis {redis.EndPoint} behind relay :{relay.Port}, token lifetime {TokenLifetimeSeconds} s, refresh margin {Worker.RefreshMarginSeconds} s");
            var clock = Stopwatch.StartNew();
            var first = await PhaseAsync("first token, Redis up", workers, server);

            // Past the refresh point (lifetime − margin − jitter), before the expiry.
            await WaitUntil(clock, TimeSpan.FromSeconds(TokenLifetimeSeconds - Worker.RefreshMarginSeconds + 1.5));
            var refreshed = await PhaseAsync("across the refresh, Redis up", workers, server);

            relay.Cut();
            await WaitUntil(clock, TimeSpan.FromSeconds((2 * TokenLifetimeSeconds) - Worker.RefreshMarginSeconds + 2));
            var outage = await PhaseAsync("across the next refresh, Redis gone", workers, server);

            var shared = first.Fetches + refreshed.Fetches;
            var failed = first.Failed + refreshed.Failed + outage.Failed;
            Console.WriteLine($"multi-instance: token fetches with Redis across a refresh: {shared} (goal ≤ 2); with Redis gone: {outage.Fetches} (one per instance at most: {Instances}); failed calls: {failed} of {3 * Instances * CallsPerInstance}");
            var ok = shared <= 2 && outage.Fetches <= Instances && failed == 0;
            Console.WriteLine(ok ? "multi-instance: passed" : "multi-instance: FAILED");
            return ok ? 0 : 1;
        }
        finally
        {
            foreach (var worker in workers)
            {
                worker.Dispose();
            }
        }
    }

    private static async Task<(int Fetches, int Failed)> PhaseAsync(string name, IReadOnlyList<Worker> workers, FeishuTestServer server)
    {
        var issuedBefore = server.TokensIssued;
        var watch = Stopwatch.StartNew();
        var results = await Task.WhenAll(workers.Select(w => w.RunAsync(CallsPerInstance)));
        var fetches = server.TokensIssued - issuedBefore;
        var failed = results.Sum(r => r.Failed);
        Console.WriteLine($"  {name}: {Instances * CallsPerInstance} calls in {watch.ElapsedMilliseconds} ms, {failed} failed, tokens issued {fetches}, per instance [{string.Join(", ", results.Select(r => r.Fetches))}] token requests so far, shared cache down: [{string.Join(", ", results.Select(r => r.SharedDown ? "yes" : "no"))}]");
        foreach (var error in results.SelectMany(r => r.Errors).Distinct().Take(5))
        {
            Console.WriteLine("    error: " + error);
        }

        return (fetches, failed);
    }

    private static async Task WaitUntil(Stopwatch clock, TimeSpan at)
    {
        var wait = at - clock.Elapsed;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }
    }
}
