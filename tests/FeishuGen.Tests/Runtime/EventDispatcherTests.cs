using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Events;
using FeishuGen.Events.Cards;
using FeishuGen.Tests.Api;
using FeishuGen.Tests.Api.Im.Events;
using FeishuGen.Tests.Support;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Xunit;

namespace FeishuGen.Tests.Runtime;

/// <summary>The dispatcher without a web framework: modes, deadlines, the queue, callbacks and the 1.0 envelope.</summary>
public sealed class EventDispatcherTests : IClassFixture<RedisFixture>
{
    private readonly RedisFixture _redis;

    public EventDispatcherTests(RedisFixture redis) => _redis = redis;

    private static byte[] Event(string id, string type = "im.message.receive_v1", string body = """{"message":{"message_id":"om_1"}}""")
        => Encoding.UTF8.GetBytes($$"""{"schema":"2.0","header":{"event_id":"{{id}}","event_type":"{{type}}","create_time":"1700000000000123","token":"t","app_id":"cli_1","tenant_key":"tk"},"event":{{body}}}""");

    private static FeishuEventOptions Options(FeishuEventHandlingMode mode = FeishuEventHandlingMode.Inline) => new() { VerificationToken = "t", Mode = mode };

    [Fact]
    public async Task Several_handlers_run_in_order_once_per_event_id()
    {
        var order = new ConcurrentQueue<string>();
        var dispatcher = new FeishuEventDispatcher(Options())
            .OnImMessageReceiveV1((e, _) => { order.Enqueue("first " + e.Event.Message!.MessageId); return Task.CompletedTask; })
            .OnImMessageReceiveV1((e, _) => { order.Enqueue("second " + e.Header.CreateTime); return Task.CompletedTask; });

        var replies = new[] { await dispatcher.HandleAsync(Event("ev1")), await dispatcher.HandleAsync(Event("ev1")) };

        Assert.All(replies, r => Assert.Equal(200, r.StatusCode));
        Assert.Equal(new[] { "first om_1", "second 1700000000000123" }, order);
    }

    [Fact]
    public async Task Inline_a_handler_past_the_deadline_is_cancelled_and_answered_500_in_time_and_the_retry_runs_it_again()
    {
        var runs = 0;
        var dispatcher = new FeishuEventDispatcher(new FeishuEventOptions { VerificationToken = "t", InlineDeadline = TimeSpan.FromMilliseconds(200) })
            .OnImMessageReceiveV1(async (_, ct) =>
            {
                if (Interlocked.Increment(ref runs) == 1)
                {
                    await Task.Delay(TimeSpan.FromSeconds(10), ct);
                }
            });

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var first = await dispatcher.HandleAsync(Event("slow"));
        var answeredIn = watch.Elapsed;
        var retry = await dispatcher.HandleAsync(Event("slow"));

        Assert.Equal(500, first.StatusCode);
        Assert.True(answeredIn < TimeSpan.FromSeconds(3), "answered after " + answeredIn);
        Assert.Equal(200, retry.StatusCode);
        Assert.Equal(2, runs);
    }

    [Fact]
    public async Task Inline_a_failing_handler_is_answered_500_and_its_claim_released()
    {
        var runs = 0;
        var dispatcher = new FeishuEventDispatcher(Options())
            .OnImMessageReceiveV1((_, _) => Interlocked.Increment(ref runs) == 1 ? throw new InvalidOperationException("boom") : Task.CompletedTask);

        Assert.Equal(500, (await dispatcher.HandleAsync(Event("fails"))).StatusCode);
        Assert.Equal(200, (await dispatcher.HandleAsync(Event("fails"))).StatusCode);
        Assert.Equal(2, runs);
    }

    [Fact]
    public async Task Queued_events_are_acknowledged_at_once_and_a_full_queue_answers_503_and_loses_nothing()
    {
        var gate = new TaskCompletionSource();
        var started = new TaskCompletionSource();
        var handled = new ConcurrentQueue<string>();
        await using var dispatcher = new FeishuEventDispatcher(new FeishuEventOptions { VerificationToken = "t", Mode = FeishuEventHandlingMode.Queued, QueueCapacity = 2, QueueConcurrency = 1 })
            .OnImMessageReceiveV1(async (e, _) => { started.TrySetResult(); await gate.Task; handled.Enqueue(e.Header.EventId); });

        // One runs (blocked), two wait in the queue, the fourth finds it full.
        var answers = new[] { await dispatcher.HandleAsync(Event("q1")) };
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        answers = answers.Concat(new[] { await dispatcher.HandleAsync(Event("q2")), await dispatcher.HandleAsync(Event("q3")), await dispatcher.HandleAsync(Event("q4")) }).ToArray();

        Assert.Equal(new[] { 200, 200, 200, 503 }, answers.Select(a => a.StatusCode));
        gate.SetResult();
        for (var wait = 0; handled.Count < 3 && wait < 600; wait++)
        {
            await Task.Delay(50);
        }

        Assert.Equal(200, (await dispatcher.HandleAsync(Event("q4"))).StatusCode); // Feishu's retry, once the queue has room
        await dispatcher.StopAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(new[] { "q1", "q2", "q3", "q4" }, handled.OrderBy(x => x));
    }

    [Fact]
    public async Task A_schema_1_event_routes_on_event_type_and_its_uuid_deduplicates()
    {
        var seen = new ConcurrentQueue<FeishuEventHeader>();
        var dispatcher = new FeishuEventDispatcher(Options())
            .On("approval_instance", (ref Utf8JsonReader r) => JsonDocument.ParseValue(ref r), (e, _) => { seen.Enqueue(e.Header); return Task.CompletedTask; });
        var legacy = Encoding.UTF8.GetBytes("""{"uuid":"u-1","ts":"1700000000.123","token":"t","type":"event_callback","event":{"type":"approval_instance","app_id":"cli_1","tenant_key":"tk","status":"APPROVED"}}""");

        await dispatcher.HandleAsync(legacy);
        await dispatcher.HandleAsync(legacy);

        var header = Assert.Single(seen);
        Assert.Equal(("1.0", "u-1", "approval_instance", "1700000000.123", "cli_1"), (header.Schema, header.EventId, header.EventType, header.CreateTime, header.AppId));
    }

    [Fact]
    public async Task A_card_action_gets_its_typed_request_and_its_reply_is_the_answer()
    {
        var dispatcher = new FeishuEventDispatcher(Options()).OnCardAction((e, _) =>
        {
            var value = e.Event.Action!.Value!.Value;
            return Task.FromResult<FeishuCardReply?>(new FeishuCardReply
            {
                Toast = new FeishuCardToast { Type = "success", Content = "got " + (value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetProperty("k").GetString()) + " from " + e.Event.Operator!.OpenId + " in " + e.Event.Context!.OpenChatId },
                Card = new FeishuCardContent { Type = "raw", Data = JsonDocument.Parse("""{"elements":[]}""").RootElement },
            });
        });

        var objectValue = await dispatcher.HandleAsync(Event("c1", "card.action.trigger", """{"operator":{"open_id":"ou_9"},"token":"c-token","action":{"value":{"k":"v"},"tag":"button"},"context":{"open_message_id":"om_9","open_chat_id":"oc_9"}}"""));
        var stringValue = await dispatcher.HandleAsync(Event("c2", "card.action.trigger", """{"operator":{"open_id":"ou_9"},"action":{"value":"plain","tag":"button"},"context":{"open_chat_id":"oc_9"}}"""));

        using var reply = JsonDocument.Parse(objectValue.Body);
        Assert.Equal("got v from ou_9 in oc_9", reply.RootElement.GetProperty("toast").GetProperty("content").GetString());
        Assert.Equal("raw", reply.RootElement.GetProperty("card").GetProperty("type").GetString());
        Assert.Contains("got plain", Encoding.UTF8.GetString(stringValue.Body.Span));
    }

    [Fact]
    public async Task A_url_preview_is_answered_with_its_inline_preview()
    {
        var dispatcher = new FeishuEventDispatcher(Options()).OnUrlPreview((e, _) =>
            Task.FromResult<FeishuUrlPreviewReply?>(new FeishuUrlPreviewReply { Inline = new FeishuUrlPreviewInline { Title = "preview of " + e.Event.Context!.Url, Url = new FeishuUrlPreviewLinks { Web = e.Event.Context.Url } } }));

        var answer = await dispatcher.HandleAsync(Event("p1", "url.preview.get", """{"context":{"url":"https://example.com/a","preview_token":"pt"}}"""));

        Assert.Equal("""{"inline":{"title":"preview of https://example.com/a","url":{"web":"https://example.com/a"}}}""", Encoding.UTF8.GetString(answer.Body.Span));
    }

    [Fact]
    public async Task The_older_card_callback_is_checked_with_sha1_and_answered_with_the_new_card()
    {
        var dispatcher = new FeishuEventDispatcher(Options()).OnLegacyCardAction((action, _) =>
            Task.FromResult<JsonElement?>(JsonDocument.Parse("{\"header\":{\"title\":{\"content\":\"" + action.Action!.Value!.Value.GetProperty("k").GetString() + "\"}}}").RootElement));
        var body = Encoding.UTF8.GetBytes("""{"open_id":"ou_1","open_message_id":"om_1","token":"c-t","action":{"value":{"k":"pressed"},"tag":"button"}}""");
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = FeishuEventCrypto.CardSignature(timestamp, "n", "t", body);

        var answered = await dispatcher.HandleLegacyCardAsync(new FeishuEventHeaders(timestamp, "n", signature), body);
        var forged = await dispatcher.HandleLegacyCardAsync(new FeishuEventHeaders(timestamp, "n", FeishuEventCrypto.CardSignature(timestamp, "n", "other", body)), body);
        var challenge = await dispatcher.HandleLegacyCardAsync(new FeishuEventHeaders(null, null, null), Encoding.UTF8.GetBytes("""{"type":"url_verification","token":"t","challenge":"c\"1"}"""));

        Assert.Equal("""{"header":{"title":{"content":"pressed"}}}""", Encoding.UTF8.GetString(answered.Body.Span));
        Assert.Equal(401, forged.StatusCode);
        Assert.Equal("""{"challenge":"c\u00221"}""", Encoding.UTF8.GetString(challenge.Body.Span));
    }

    [Fact]
    public async Task Two_dispatchers_sharing_one_redis_handle_a_duplicated_event_once()
    {
        var runs = 0;
        var prefix = "shared-" + Guid.NewGuid().ToString("N")[..6];
        var cache = new RedisCacheOptions { Configuration = _redis.Redis.Configuration, InstanceName = prefix };
        var first = new FeishuEventDispatcher(Options(), new DistributedFeishuEventDeduplication(new RedisCache(cache)) { OperationTimeout = TimeSpan.FromSeconds(10), SettleTime = TimeSpan.FromMilliseconds(250) })
            .OnImMessageReceiveV1((_, _) => { Interlocked.Increment(ref runs); return Task.CompletedTask; });
        var second = new FeishuEventDispatcher(Options(), new DistributedFeishuEventDeduplication(new RedisCache(cache)) { OperationTimeout = TimeSpan.FromSeconds(10), SettleTime = TimeSpan.FromMilliseconds(250) })
            .OnImMessageReceiveV1((_, _) => { Interlocked.Increment(ref runs); return Task.CompletedTask; });

        var answers = await Task.WhenAll(first.HandleAsync(Event("redis-dup")), second.HandleAsync(Event("redis-dup")));
        var retry = await second.HandleAsync(Event("redis-dup"));

        Assert.All(answers.Append(retry), a => Assert.Equal(200, a.StatusCode));
        Assert.Equal(1, runs);
    }
}
