using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;
using FeishuGen.Drill.Api.Im.V1;
using FeishuGen.Testing;
using static FeishuGen.Drill.DrillContext;

namespace FeishuGen.Drill;

/// <summary>Replies that are not Feishu's, unsafe paths and names, and unusable rate-limit headers.</summary>
internal static class ReplyScenarios
{
    private static readonly Dictionary<string, string> Html = new() { ["Content-Type"] = "text/html; charset=utf-8" };

    public static IEnumerable<Scenario> All()
    {
        yield return new("gateway 502 with foreign JSON, POST", "FeishuServerException with HTTP 502 and the body's excerpt; the POST is not resent", async d =>
        {
            d.Server.Enqueue(new ScriptedReply(502, """{"message":"no healthy upstream"}"""), UpdateResultPath);
            var error = await Scenarios.Fails<FeishuServerException>(() => Scenarios.Post(d, "gateway"));
            Expect(error.HttpStatus == 502 && error.BodyExcerpt == """{"message":"no healthy upstream"}""" && d.CallsTo(UpdateResultPath) == 1, $"HTTP {error.HttpStatus}, excerpt {error.BodyExcerpt}, {d.CallsTo(UpdateResultPath)} sends");
            return $"{error.GetType().Name} (HTTP 502, excerpt {error.BodyExcerpt}), 1 send";
        });

        yield return new("HTTP 200 with an HTML page, GET", "FeishuResponseFormatException: a captive portal's page is not a success", async d =>
        {
            d.Server.Enqueue(new ScriptedReply(200, "<html><body>Please sign in to the hotel Wi-Fi</body></html>", Html), ChatsPath);
            var error = await Scenarios.Fails<FeishuResponseFormatException>(() => d.Api.Im.V1.Chat.ListAsync(new ListChatRequest()));
            Expect(error.HttpStatus == 200 && error.BodyExcerpt!.Contains("hotel Wi-Fi", StringComparison.Ordinal) && error.LogId is not null, $"HTTP {error.HttpStatus}, excerpt {error.BodyExcerpt}");
            return $"FeishuResponseFormatException (HTTP 200, text/html, log id {error.LogId})";
        });

        yield return new("HTTP 200 with JSON that has no code, GET", "FeishuResponseFormatException: only code 0 is success", async d =>
        {
            d.Server.Enqueue(new ScriptedReply(200, """{"data":{"items":[]}}"""), ChatsPath);
            var error = await Scenarios.Fails<FeishuResponseFormatException>(() => d.Api.Im.V1.Chat.ListAsync(new ListChatRequest()));
            return $"FeishuResponseFormatException (HTTP {error.HttpStatus})";
        });

        yield return new("'..' as a path parameter", "refused before anything is sent: no request reaches the server", async d =>
        {
            foreach (var hostile in new[] { "..", ".", string.Empty, "a\r\nb" })
            {
                await Scenarios.Fails<ArgumentException>(() => d.Api.Im.V1.Image.GetAsync(new GetImageRequest { ImageKey = hostile }));
            }

            Expect(d.Server.Requests.Count == 0, $"{d.Server.Requests.Count} requests reached the server");
            return "'..', '.', '' and a line break refused with ArgumentException; 0 requests sent";
        });

        yield return new("hostile download file name", "FileName is 'evil.sh'; RawFileName keeps '../../evil.sh'", async d =>
        {
            var headers = new Dictionary<string, string>
            {
                ["Content-Type"] = "application/octet-stream",
                ["Content-Disposition"] = "attachment; filename=\"..%2F..%2Fevil.sh\"",
            };
            d.Server.Enqueue(new ScriptedReply(200, "#!/bin/sh\necho pwned\n", headers), "/open-apis/im/v1/images/img_evil");
            await using var file = await d.Api.Im.V1.Image.GetAsync(new GetImageRequest { ImageKey = "img_evil" });
            Expect(file.FileName == "evil.sh" && file.RawFileName == "../../evil.sh", $"FileName {file.FileName}, RawFileName {file.RawFileName}");
            return "FileName 'evil.sh', RawFileName '../../evil.sh'";
        });

        yield return new("rate-limit reset header of 0", "retried after a jittered pause (not at once), succeeds", async d =>
        {
            d.Server.Enqueue(new ScriptedReply(429, """{"code":99991400,"msg":"limit"}""", new Dictionary<string, string> { ["x-ogw-ratelimit-reset"] = "0" }), ChatsPath);
            var watch = Stopwatch.StartNew();
            await d.Api.Im.V1.Chat.ListAsync(new ListChatRequest());
            var floor = TimeSpan.FromTicks(d.Client.Options.Retry.BaseDelay.Ticks / 2);
            Expect(d.CallsTo(ChatsPath) == 2 && watch.Elapsed >= floor, $"{d.CallsTo(ChatsPath)} sends in {watch.Elapsed.TotalMilliseconds:0} ms");
            return $"2 sends, {watch.Elapsed.TotalMilliseconds:0} ms (jitter floor {floor.TotalMilliseconds:0} ms)";
        });

        foreach (var reset in new[] { "1e300", "Infinity" })
        {
            yield return new($"rate-limit reset header of {reset}", "FeishuRateLimitException at once (no OverflowException, no endless wait), 1 send", async d =>
            {
                d.Server.Enqueue(new ScriptedReply(429, """{"code":99991400,"msg":"limit"}""", new Dictionary<string, string> { ["x-ogw-ratelimit-reset"] = reset }), ChatsPath);
                var watch = Stopwatch.StartNew();
                var error = await Scenarios.Fails<FeishuRateLimitException>(() => d.Api.Im.V1.Chat.ListAsync(new ListChatRequest()));
                Expect(d.CallsTo(ChatsPath) == 1 && error.RetryAfter == TimeSpan.MaxValue && watch.Elapsed < TimeSpan.FromSeconds(5), $"{d.CallsTo(ChatsPath)} sends, RetryAfter {error.RetryAfter}");
                return $"FeishuRateLimitException after {watch.Elapsed.TotalMilliseconds:0} ms, RetryAfter = TimeSpan.MaxValue, 1 send";
            });
        }
    }
}
