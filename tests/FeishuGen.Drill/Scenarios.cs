using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Drill.Api.Hire.V1;
using FeishuGen.Drill.Api.Im.V1;
using FeishuGen.Testing;
using static FeishuGen.Drill.DrillContext;

namespace FeishuGen.Drill;

/// <summary>The fault drill's scenarios: one per failure FEISHU.md says the runtime must survive.</summary>
internal static class Scenarios
{
    private static readonly Dictionary<string, string> RateLimitReset = new() { ["x-ogw-ratelimit-reset"] = "1" };

    public static IEnumerable<Scenario> All()
    {
        yield return new("invalid token once", "evict the token, fetch a new one, replay once, succeed", async d =>
        {
            d.Server.Enqueue(ScriptedReply.Error(400, 99991663, "Invalid access token for authorization."), UpdateResultPath);
            await Post(d, "invalid-token");
            Expect(d.Client.TokenFetchCount == 2 && d.CallsTo(UpdateResultPath) == 2, $"{d.Client.TokenFetchCount} token fetches, {d.CallsTo(UpdateResultPath)} sends");
            return "2 token fetches, replayed once, succeeded";
        });

        yield return new("expired user token", "refresh the user token (rotating), replay once, succeed", async d =>
        {
            var rotated = 0;
            var session = new FeishuUserSession(d.Server.Options.UserAccessToken, d.Server.Options.UserRefreshToken)
            {
                Refreshed = (_, _) => { rotated++; return ValueTask.CompletedTask; },
            };
            d.Server.ExpireUserToken(d.Server.Options.UserAccessToken);
            await d.Api.Im.V1.Chat.ListAsync(new ListChatRequest(), new FeishuRequestOptions { UserSession = session });
            Expect(d.Server.UserTokenRefreshes == 1 && rotated == 1 && session.AccessToken == "u-local-refreshed-1" && session.RefreshToken == "r-local-refreshed-1",
                $"{d.Server.UserTokenRefreshes} refreshes, token {session.AccessToken}");
            return "1 refresh, new token pair handed to Refreshed, replayed once";
        });

        yield return new("429 with reset header", "wait x-ogw-ratelimit-reset (1 s), retry, succeed", async d =>
        {
            d.Server.Enqueue(new ScriptedReply(429, """{"code":99991400,"msg":"request trigger frequency limit"}""", RateLimitReset), ChatsPath);
            var watch = Stopwatch.StartNew();
            await d.Api.Im.V1.Chat.ListAsync(new ListChatRequest());
            Expect(watch.Elapsed >= TimeSpan.FromSeconds(0.95) && d.CallsTo(ChatsPath) == 2, $"waited {watch.Elapsed.TotalSeconds:0.00} s, {d.CallsTo(ChatsPath)} sends");
            return $"waited {watch.Elapsed.TotalSeconds:0.00} s, 2 sends, succeeded";
        });

        yield return new("400 + 99991400 on a POST", "rate limit: wait, resend (Feishu ran nothing), succeed", async d =>
        {
            d.Server.Enqueue(new ScriptedReply(400, """{"code":99991400,"msg":"request trigger frequency limit"}""", RateLimitReset), UpdateResultPath);
            var watch = Stopwatch.StartNew();
            await Post(d, "rate-limited");
            Expect(watch.Elapsed >= TimeSpan.FromSeconds(0.95) && d.CallsTo(UpdateResultPath) == 2, $"waited {watch.Elapsed.TotalSeconds:0.00} s, {d.CallsTo(UpdateResultPath)} sends");
            return $"waited {watch.Elapsed.TotalSeconds:0.00} s, 2 sends, succeeded";
        });

        foreach (var status in new[] { 500, 502, 503, 504 })
        {
            yield return new($"HTTP {status} on a GET", "back off, retry, succeed", async d =>
            {
                d.Server.Enqueue(new ScriptedReply(status, "{\"code\":" + status + ",\"msg\":\"server fault\"}"), ChatsPath);
                await d.Api.Im.V1.Chat.ListAsync(new ListChatRequest());
                Expect(d.CallsTo(ChatsPath) == 2, $"{d.CallsTo(ChatsPath)} sends");
                return "retried once, succeeded";
            });
        }

        yield return new("HTTP 503 on a POST", "no resend: FeishuServerException after 1 send", async d =>
        {
            d.Server.Enqueue(new ScriptedReply(503, """{"code":503,"msg":"unavailable"}"""), UpdateResultPath);
            var error = await Fails<FeishuServerException>(() => Post(d, "server-fault"));
            Expect(d.CallsTo(UpdateResultPath) == 1, $"{d.CallsTo(UpdateResultPath)} sends");
            return $"{error.GetType().Name} (HTTP {error.HttpStatus}), 1 send";
        });

        yield return new("drop before the request is read, GET", "retry the idempotent call, succeed", async d =>
        {
            d.Server.InjectFault(FeishuFault.DropBeforeRead, r => r.Path == ChatsPath);
            await d.Api.Im.V1.Chat.ListAsync(new ListChatRequest());
            Expect(d.CallsTo(ChatsPath) == 1, $"{d.CallsTo(ChatsPath)} answered sends");
            return "dropped, retried, succeeded";
        });

        yield return new("drop before the request is read, POST", "no resend (it may have arrived): FeishuTransportException", async d =>
        {
            d.Server.InjectFault(FeishuFault.DropBeforeRead, r => r.Path == UpdateResultPath);
            var error = await Fails<FeishuTransportException>(() => Post(d, "drop-before"));
            Expect(error.Attempts == 1, $"{error.Attempts} attempts");
            return $"FeishuTransportException after {error.Attempts} attempt";
        });

        yield return new("drop after the request is read, GET", "retry the idempotent call, succeed", async d =>
        {
            d.Server.InjectFault(FeishuFault.DropAfterRead, r => r.Path == ChatsPath);
            await d.Api.Im.V1.Chat.ListAsync(new ListChatRequest());
            Expect(d.CallsTo(ChatsPath) == 2, $"{d.CallsTo(ChatsPath)} sends");
            return "2 sends, succeeded";
        });

        yield return new("drop after the request is read, POST", "no resend: FeishuTransportException, server saw it once", async d =>
        {
            d.Server.InjectFault(FeishuFault.DropAfterRead, r => r.Path == UpdateResultPath);
            var error = await Fails<FeishuTransportException>(() => Post(d, "drop-after"));
            Expect(d.CallsTo(UpdateResultPath) == 1 && error.Attempts == 1, $"{d.CallsTo(UpdateResultPath)} sends");
            return "FeishuTransportException, 1 send";
        });

        yield return new("slow response past the timeout, GET", "time out after 1 s, retry, succeed", async d =>
        {
            d.Server.InjectFault(FeishuFault.Delay(TimeSpan.FromSeconds(3)), r => r.Path == ChatsPath);
            var watch = Stopwatch.StartNew();
            await d.Api.Im.V1.Chat.ListAsync(new ListChatRequest());
            Expect(watch.Elapsed < TimeSpan.FromSeconds(2.5), $"took {watch.Elapsed.TotalSeconds:0.00} s");
            return $"timed out, retried, succeeded in {watch.Elapsed.TotalSeconds:0.00} s";
        });

        yield return new("slow response past the timeout, POST", "no resend: FeishuTransportException (timeout)", async d =>
        {
            d.Server.InjectFault(FeishuFault.Delay(TimeSpan.FromSeconds(3)), r => r.Path == UpdateResultPath);
            var error = await Fails<FeishuTransportException>(() => Post(d, "slow"));
            Expect(error.IsTimeout && error.Attempts == 1, $"timeout {error.IsTimeout}, {error.Attempts} attempts");
            return "timed out once, not resent";
        });

        yield return new("malformed JSON", "FeishuResponseFormatException with the log id", async d =>
        {
            d.Server.Enqueue(new ScriptedReply(200, """{"code":0,"msg":"ok","data":{"items":[{"chat_id": """), ChatsPath);
            var error = await Fails<FeishuResponseFormatException>(() => d.Api.Im.V1.Chat.ListAsync(new ListChatRequest()));
            Expect(error.LogId is not null, "no log id");
            return "FeishuResponseFormatException, log id " + error.LogId;
        });

        yield return new("non-JSON error page (502 HTML), GET", "retry up to 3 attempts, then FeishuServerException", async d =>
        {
            for (var i = 0; i < 3; i++)
            {
                d.Server.Enqueue(new ScriptedReply(502, "<html><body>502 Bad Gateway</body></html>", new Dictionary<string, string> { ["Content-Type"] = "text/html" }), ChatsPath);
            }

            var error = await Fails<FeishuServerException>(() => d.Api.Im.V1.Chat.ListAsync(new ListChatRequest()));
            Expect(d.CallsTo(ChatsPath) == 3 && error.HttpStatus == 502, $"{d.CallsTo(ChatsPath)} sends, HTTP {error.HttpStatus}");
            return "3 attempts, FeishuServerException (HTTP 502)";
        });

        yield return new("cancellation during a rate-limit wait", "the wait ends at once with OperationCanceledException", async d =>
        {
            d.Server.Enqueue(new ScriptedReply(429, """{"code":99991400,"msg":"limit"}""", new Dictionary<string, string> { ["x-ogw-ratelimit-reset"] = "30" }), ChatsPath);
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            var watch = Stopwatch.StartNew();
            await Fails<OperationCanceledException>(() => d.Api.Im.V1.Chat.ListAsync(new ListChatRequest(), cancel.Token));
            Expect(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed.TotalSeconds:0.00} s");
            return $"cancelled after {watch.Elapsed.TotalSeconds:0.00} s";
        });

        yield return new("connection refused, POST", "never reached the server: retried up to 3 attempts, then FeishuTransportException", async d =>
        {
            // A port nobody listens on: the connection cannot be made, so even a POST may be tried again.
            var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            listener.Start();
            var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            var options = d.Server.CreateClientOptions();
            options.BaseAddress = new Uri("http://127.0.0.1:" + port);
            options.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
            using var client = new FeishuClient(options);
            var api = new FeishuGen.Drill.Api.FeishuApi(client);
            var error = await Fails<FeishuTransportException>(() => api.Hire.V1.EcoBackgroundCheck.UpdateResultAsync(new UpdateResultEcoBackgroundCheckRequest { BackgroundCheckId = "refused", Result = "x", ResultTime = "1" }));
            Expect(error.Attempts == 3, $"{error.Attempts} attempts");
            return "3 attempts (nothing was ever sent), then FeishuTransportException";
        });

        yield return new("retry budget exhausted", "with a budget of 1 retry, the second failing GET is not retried", async d =>
        {
            var options = d.Server.CreateClientOptions();
            options.Retry.BudgetMinimum = 1;
            options.Retry.BudgetRatio = 0;
            options.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
            using var client = new FeishuClient(options);
            var api = new FeishuGen.Drill.Api.FeishuApi(client);
            d.Server.Enqueue(new ScriptedReply(503, """{"code":503,"msg":"unavailable"}"""), ChatsPath);
            await api.Im.V1.Chat.ListAsync(new ListChatRequest());
            d.Server.Enqueue(new ScriptedReply(503, """{"code":503,"msg":"unavailable"}"""), ChatsPath);
            await Fails<FeishuServerException>(() => api.Im.V1.Chat.ListAsync(new ListChatRequest()));
            Expect(d.CallsTo(ChatsPath) == 3, $"{d.CallsTo(ChatsPath)} sends");
            return "first call: 503, retried with the one retry, succeeded; second call: 503 thrown after 1 send";
        });

        foreach (var scenario in ReplyScenarios.All())
        {
            yield return scenario;
        }

        foreach (var scenario in TokenScenarios.All())
        {
            yield return scenario;
        }

        foreach (var scenario in EventScenarios.All())
        {
            yield return scenario;
        }

        foreach (var scenario in BotScenarios.All())
        {
            yield return scenario;
        }

        yield return new("upload slower than the 30 s limit, per-call limit 2 min", "the per-call limit holds; without it the same upload times out at 30 s", SlowUpload.RunAsync);
        yield return new("huge download (256 MiB)", "streamed as it arrives: every byte right, little memory", Download.RunAsync);
        yield return new("1,000 concurrent calls across a token expiry", "one token fetch per key and lifetime; no POST sent twice", Concurrency.RunAsync);
    }

    public static Task Post(DrillContext d, string id)
        => d.Api.Hire.V1.EcoBackgroundCheck.UpdateResultAsync(new UpdateResultEcoBackgroundCheckRequest { BackgroundCheckId = id, Result = "通过", ResultTime = "1700000000000" });

    public static async Task<T> Fails<T>(Func<Task> call)
        where T : Exception
    {
        try
        {
            await call();
        }
        catch (T expected)
        {
            return expected;
        }
        catch (Exception other)
        {
            throw new DrillFailure($"threw {other.GetType().Name}: {other.Message}");
        }

        throw new DrillFailure("succeeded, expected " + typeof(T).Name);
    }
}
