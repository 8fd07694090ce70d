using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Drill.Api;
using FeishuGen.Drill.Api.Im.V1;
using FeishuGen.Testing;
using static FeishuGen.Drill.DrillContext;

namespace FeishuGen.Drill;

/// <summary>Faults of the token endpoints, store-app token rejection, and a user refresh the caller abandons.</summary>
internal static class TokenScenarios
{
    private const string TokenPath = FeishuTestServer.TenantTokenPath;

    public static IEnumerable<Scenario> All()
    {
        yield return new("token endpoint answers 503 once", "the token request is retried under the budget; the call succeeds", async d =>
        {
            d.Server.Enqueue(new ScriptedReply(503, "upstream connect error", new Dictionary<string, string> { ["Content-Type"] = "text/plain" }), TokenPath);
            await d.Api.Im.V1.Chat.ListAsync(new ListChatRequest());
            Expect(TokenRequests(d) == 2 && d.CallsTo(ChatsPath) == 1, $"{TokenRequests(d)} token requests, {d.CallsTo(ChatsPath)} calls");
            return "2 token requests (503, then a token), call succeeded";
        });

        yield return new("token endpoint answers 429 with a reset of 1 s", "waits the reset, fetches again, the call succeeds", async d =>
        {
            d.Server.Enqueue(new ScriptedReply(429, """{"code":99991400,"msg":"request trigger frequency limit"}""", new Dictionary<string, string> { ["x-ogw-ratelimit-reset"] = "1" }), TokenPath);
            var watch = Stopwatch.StartNew();
            await d.Api.Im.V1.Chat.ListAsync(new ListChatRequest());
            Expect(TokenRequests(d) == 2 && watch.Elapsed >= TimeSpan.FromSeconds(0.95), $"{TokenRequests(d)} token requests in {watch.Elapsed.TotalSeconds:0.00} s");
            return $"waited {watch.Elapsed.TotalSeconds:0.00} s, 2 token requests, call succeeded";
        });

        yield return new("token endpoint answers 200 with HTML", "not a token: retried, the call succeeds", async d =>
        {
            d.Server.Enqueue(new ScriptedReply(200, "<html>proxy login</html>", new Dictionary<string, string> { ["Content-Type"] = "text/html" }), TokenPath);
            await d.Api.Im.V1.Chat.ListAsync(new ListChatRequest());
            Expect(TokenRequests(d) == 2, $"{TokenRequests(d)} token requests");
            return "2 token requests, call succeeded";
        });

        yield return new("early refresh fails, cached token still valid", "the valid token is used; the refresh is tried again later, not on every call", async _ =>
        {
            var clock = new ManualClock();
            await using var d = await DrillContext.StartAsync(new FeishuTestServerOptions { Time = clock }, clock);
            await d.Api.Im.V1.Chat.ListAsync(new ListChatRequest());
            clock.Advance(TimeSpan.FromSeconds(7200 - 120));
            for (var i = 0; i < 3; i++)
            {
                d.Server.Enqueue(new ScriptedReply(503, """{"code":503,"msg":"unavailable"}"""), TokenPath);
            }

            await d.Api.Im.V1.Chat.ListAsync(new ListChatRequest());
            await d.Api.Im.V1.Chat.ListAsync(new ListChatRequest());
            var tokens = d.Server.ApiRequests.Select(r => r.Header("Authorization")).Distinct().Count();
            Expect(TokenRequests(d) == 4 && tokens == 1 && d.CallsTo(ChatsPath) == 3, $"{TokenRequests(d)} token requests, {tokens} distinct tokens sent, {d.CallsTo(ChatsPath)} calls");
            return "3 failed refresh attempts, then the cached token served both calls; no refresh on the next call";
        });

        yield return new("store app: the app token is rejected", "evict the app token, fetch a new one, issue the tenant token, succeed", async d =>
        {
            var options = d.Server.CreateClientOptions();
            options.AppType = FeishuAppType.Store;
            options.AppTicketProvider = _ => new ValueTask<string?>(d.Server.Options.AppTicket);
            options.Retry.BaseDelay = TimeSpan.FromMilliseconds(20);
            using var client = new FeishuClient(options);
            var api = new FeishuApi(client);
            await api.Im.V1.Chat.ListAsync(new ListChatRequest(), new FeishuRequestOptions { TenantKey = "tenant-1" });
            d.Server.RevokeTokens();
            await api.Im.V1.Chat.ListAsync(new ListChatRequest(), new FeishuRequestOptions { TenantKey = "tenant-2" });
            var appTokenRequests = d.Server.Requests.Count(r => r.Path == FeishuTestServer.StoreAppTokenPath);
            var tenantTokenRequests = d.Server.Requests.Count(r => r.Path == FeishuTestServer.StoreTenantTokenPath);
            Expect(appTokenRequests == 2 && tenantTokenRequests == 3, $"{appTokenRequests} app token requests, {tenantTokenRequests} tenant token requests");
            return "tenant token request rejected (99991664), app token evicted and fetched again, tenant token issued, call succeeded";
        });

        yield return new("user refresh cancelled mid-flight", "the caller stops waiting; the rotated refresh token is still saved and used", async d =>
        {
            var saved = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
            var session = new FeishuUserSession(d.Server.Options.UserAccessToken, d.Server.Options.UserRefreshToken)
            {
                Refreshed = (s, _) => { saved.TrySetResult(s.RefreshToken); return ValueTask.CompletedTask; },
            };
            d.Server.ExpireUserToken(d.Server.Options.UserAccessToken);
            d.Server.InjectFault(FeishuFault.Delay(TimeSpan.FromMilliseconds(600)), r => r.Path == FeishuTestServer.UserTokenPath);

            // Its own client: the refresh's attempt limit (5 s) must comfortably outlast the 600 ms answer.
            var options = d.Server.CreateClientOptions();
            options.Timeout = TimeSpan.FromSeconds(5);
            using var client = new FeishuClient(options);
            var api = new FeishuApi(client);
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(150));
            await Scenarios.Fails<OperationCanceledException>(() => api.Im.V1.Chat.ListAsync(new ListChatRequest(), new FeishuRequestOptions { UserSession = session }, cancel.Token));
            var kept = await saved.Task.WaitAsync(TimeSpan.FromSeconds(10));
            await api.Im.V1.Chat.ListAsync(new ListChatRequest(), new FeishuRequestOptions { UserSession = session });
            Expect(kept == "r-local-refreshed-1" && session.RefreshToken == kept && d.Server.UserTokenRefreshes == 1, $"saved {kept}, session {session.RefreshToken}, {d.Server.UserTokenRefreshes} refreshes");
            return "caller cancelled at 150 ms; the rotated pair arrived at ~600 ms, was saved, and served the next call";
        });
    }

    private static int TokenRequests(DrillContext d) => d.Server.Requests.Count(r => r.Path == TokenPath);
}
