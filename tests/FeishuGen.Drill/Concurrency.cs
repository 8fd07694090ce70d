using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using FeishuGen.Testing;
using static FeishuGen.Drill.DrillContext;

namespace FeishuGen.Drill;

/// <summary>
/// 1,000 POSTs, 500 before and 500 after the tenant token's refresh point (the clock is moved,
/// not waited for), with 50 of the later ones answered 503. Expected: exactly two token fetches
/// (one per lifetime), the 503s thrown and never resent, no body seen twice by the server.
/// </summary>
internal static class Concurrency
{
    public static async Task<string> RunAsync(DrillContext _)
    {
        var clock = new ManualClock();
        await using var d = await DrillContext.StartAsync(new FeishuTestServerOptions { Time = clock }, clock);

        var first = await Task.WhenAll(Enumerable.Range(0, 500).Select(i => Attempt(d, i)));
        var fetchesBefore = d.Client.TokenFetchCount;

        // Past the refresh point (expiry − 5 min − jitter), before the expiry itself.
        clock.Advance(TimeSpan.FromSeconds(7200 - 60));
        for (var i = 0; i < 50; i++)
        {
            d.Server.Enqueue(new ScriptedReply(503, """{"code":503,"msg":"unavailable"}"""), UpdateResultPath);
        }

        var second = await Task.WhenAll(Enumerable.Range(500, 500).Select(i => Attempt(d, i)));
        var failures = first.Concat(second).Where(f => f is not null).ToList();
        var bodies = d.Server.ApiRequests.Where(r => r.Path == UpdateResultPath)
            .Select(r => (string?)JsonNode.Parse(r.Body)?["background_check_id"])
            .GroupBy(id => id)
            .Count(g => g.Count() > 1);

        Expect(fetchesBefore == 1, $"{fetchesBefore} token fetches for the first 500 calls");
        Expect(d.Client.TokenFetchCount == 2, $"{d.Client.TokenFetchCount} token fetches in all");
        Expect(d.Server.TokensIssued == 2, $"the server issued {d.Server.TokensIssued} tokens");
        Expect(bodies == 0, $"{bodies} POST bodies seen twice");
        Expect(failures.Count == 50 && failures.All(f => f == "FeishuServerException"), $"{failures.Count} failures: {string.Join(", ", failures.Distinct())}");
        return $"token fetches: {fetchesBefore} before expiry, {d.Client.TokenFetchCount} in all; 50 × 503 thrown, 0 POSTs sent twice";
    }

    private static async Task<string?> Attempt(DrillContext d, int i)
    {
        try
        {
            await Scenarios.Post(d, "concurrent-" + i);
            return null;
        }
        catch (Exception e)
        {
            return e.GetType().Name;
        }
    }
}
