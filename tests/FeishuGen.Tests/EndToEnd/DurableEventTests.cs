using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Events;
using FeishuGen.Events.Cards;
using FeishuGen.Redis;
using FeishuGen.Testing;
using FeishuGen.Tests.Api;
using FeishuGen.Tests.Runtime;
using FeishuGen.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Xunit;

namespace FeishuGen.Tests.EndToEnd;

/// <summary>
/// The durable mode on a real Redis: stored before the 200, handled from the stream, retried,
/// dead-lettered and replayed, claimed from a dead instance, drained on stop; deduplication kept and
/// callbacks inline. Each test has its own keys.
/// </summary>
public sealed class DurableEventTests : IClassFixture<RedisFixture>, IAsyncLifetime
{
    private const string Message = """{"message":{"message_id":"om_d","chat_id":"oc_d","content":"{\"text\":\"hi\"}"}}""";

    private readonly RedisFixture _redis;
    private readonly string _prefix = "test-durable-" + Guid.NewGuid().ToString("N")[..8];
    private FeishuTestServer _server = null!;
    private ConnectionMultiplexer _connection = null!;

    public DurableEventTests(RedisFixture redis) => _redis = redis;

    public async Task InitializeAsync()
    {
        _server = await FeishuTestServer.StartAsync(FeishuEndpointCatalogue.All, new FeishuTestServerOptions { EventRetryDelays = new[] { TimeSpan.FromMilliseconds(200) } });
        _connection = await ConnectionMultiplexer.ConnectAsync(_redis.Redis.Configuration);
    }

    public async Task DisposeAsync()
    {
        await _connection.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task An_event_is_stored_before_the_200_handled_from_the_stream_and_a_repeat_is_refused()
    {
        var handled = new ConcurrentQueue<string>();
        await using var app = await StartAsync(e => handled.Enqueue(e));
        var envelope = _server.CreateEvent(FeishuEventTypes.ImMessageReceiveV1, Message, "durable-1");

        var delivery = await _server.PushEventAsync(app.Events, envelope, FeishuEventFault.Duplicate);
        await Until(() => handled.Count >= 1 && Stream().Options is not null, TimeSpan.FromSeconds(10));
        await Until(async () => await Stream().BacklogAsync() == 0, TimeSpan.FromSeconds(10));
        await Task.Delay(300);

        Assert.Equal(new[] { 200, 200 }, delivery.Statuses);
        Assert.Equal(new[] { "durable-1" }, handled);
    }

    [Fact]
    public async Task A_store_that_fails_answers_500_so_that_Feishu_sends_again()
    {
        var dead = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{LocalRedis.FreePort()},abortConnect=false,connectTimeout=200,asyncTimeout=500,syncTimeout=500");
        var handled = new ConcurrentQueue<string>();
        await using var app = await WebhookApp.StartAsync(Configure, events => events.OnImMessageReceiveV1((e, _) => { handled.Enqueue(e.Header.EventId); return Task.CompletedTask; }),
            services => services.AddFeishuRedisEventStream(_ => dead, o => o.KeyPrefix = _prefix));

        var delivery = await _server.PushEventAsync(app.Events, _server.CreateEvent(FeishuEventTypes.ImMessageReceiveV1, Message, "not-stored"), retry: false);

        Assert.Equal(new[] { 500 }, delivery.Statuses);
        Assert.Contains("could not be stored", delivery.LastBody);
        Assert.Empty(handled);
        await dead.DisposeAsync();
    }

    [Fact]
    public async Task A_handler_that_fails_twice_then_succeeds_is_handled_and_one_that_always_fails_is_dead_lettered_then_replayed()
    {
        var tries = new ConcurrentDictionary<string, int>();
        var fixedNow = false;
        var handled = new ConcurrentQueue<string>();
        await using var app = await StartAsync(id =>
        {
            var n = tries.AddOrUpdate(id, 1, (_, t) => t + 1);
            if ((id == "flaky" && n <= 2) || (id == "broken" && !Volatile.Read(ref fixedNow)))
            {
                throw new InvalidOperationException("handler failure " + n);
            }

            handled.Enqueue(id);
        });

        await _server.PushEventAsync(app.Events, _server.CreateEvent(FeishuEventTypes.ImMessageReceiveV1, Message, "flaky"));
        await _server.PushEventAsync(app.Events, _server.CreateEvent(FeishuEventTypes.ImMessageReceiveV1, Message, "broken"));
        await Until(() => handled.Contains("flaky"), TimeSpan.FromSeconds(10));
        await Until(async () => (await Stream().ReadDeadLettersAsync()).Count == 1, TimeSpan.FromSeconds(10));

        var letter = (await Stream().ReadDeadLettersAsync()).Single();
        Assert.Equal(3, tries["flaky"]);
        Assert.Equal("broken", letter.EventId);
        Assert.Equal(3, letter.Attempts);
        Assert.Contains("InvalidOperationException: handler failure 3", letter.Reason);
        Assert.DoesNotContain("broken", handled);

        Volatile.Write(ref fixedNow, true);
        Assert.Equal(1, await Stream().ReplayDeadLettersAsync());
        await Until(() => handled.Contains("broken"), TimeSpan.FromSeconds(10));
        Assert.Empty(await Stream().ReadDeadLettersAsync());
    }

    [Fact]
    public async Task The_events_of_an_instance_that_died_are_claimed_by_another_after_the_idle_time()
    {
        // The "dead" instance: read the event through the group and never acknowledge it.
        var stream = new FeishuRedisEventStream(_connection, Options("dead-instance"));
        await stream.EnsureGroupAsync();
        await stream.AppendAsync(new FeishuEventHeader { Schema = "2.0", EventId = "orphan", EventType = FeishuEventTypes.ImMessageReceiveV1 }, System.Text.Encoding.UTF8.GetBytes(_server.CreateEvent(FeishuEventTypes.ImMessageReceiveV1, Message, "orphan")), default);
        var taken = await _connection.GetDatabase().StreamReadGroupAsync(stream.Options.StreamKey, stream.Options.Group, "dead-instance", ">", 10);
        Assert.Single(taken);

        var handled = new ConcurrentQueue<string>();
        await using var app = await StartAsync(e => handled.Enqueue(e));
        await Until(() => handled.Contains("orphan"), TimeSpan.FromSeconds(10));
        await Until(async () => await Stream().BacklogAsync() == 0, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Stopping_drains_within_the_deadline_and_leaves_the_rest_for_the_next_start()
    {
        var handled = new ConcurrentQueue<string>();
        using var started = new SemaphoreSlim(0);
        var stream = new FeishuRedisEventStream(_connection, Options("stopping", drain: TimeSpan.FromMilliseconds(300)));
        var slow = new FeishuEventDispatcher(new FeishuEventOptions()).OnImMessageReceiveV1(async (e, ct) => { started.Release(); await Task.Delay(TimeSpan.FromSeconds(20), ct); handled.Enqueue(e.Header.EventId); });
        var consumer = new FeishuRedisEventConsumer(stream, slow);
        await consumer.StartAsync(default);
        await stream.AppendAsync(new FeishuEventHeader { Schema = "2.0", EventId = "left", EventType = FeishuEventTypes.ImMessageReceiveV1 }, System.Text.Encoding.UTF8.GetBytes(_server.CreateEvent(FeishuEventTypes.ImMessageReceiveV1, Message, "left")), default);
        Assert.True(await started.WaitAsync(TimeSpan.FromSeconds(10)));

        var watch = System.Diagnostics.Stopwatch.StartNew();
        await consumer.DisposeAsync();
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), "stopped after " + watch.Elapsed);
        Assert.Equal(1, await stream.BacklogAsync());

        // The next start under the same consumer name takes up its own unfinished event at once.
        var quick = new FeishuEventDispatcher(new FeishuEventOptions()).OnImMessageReceiveV1((e, _) => { handled.Enqueue(e.Header.EventId); return Task.CompletedTask; });
        await using var next = new FeishuRedisEventConsumer(new FeishuRedisEventStream(_connection, Options("stopping")), quick);
        await next.StartAsync(default);
        await Until(() => handled.Contains("left"), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Card_callbacks_stay_inline_in_the_durable_mode()
    {
        await using var app = await WebhookApp.StartAsync(Configure, events => events.OnCardAction((e, _) => Task.FromResult<FeishuCardReply?>(FeishuCardReply.WithToast("info", "inline " + e.Event.Action!.Tag))),
            services => services.AddFeishuRedisEventStream(_ => _connection, o => o.KeyPrefix = _prefix));

        var delivery = await _server.PushEventAsync(app.Events, _server.CreateEvent("card.action.trigger", """{"action":{"tag":"button"}}"""), retry: false);

        Assert.Equal(new[] { 200 }, delivery.Statuses);
        Assert.Contains("inline button", delivery.LastBody);
        Assert.Equal(0, await Stream().BacklogAsync());
    }

    private FeishuRedisEventStream Stream() => new(_connection, new FeishuRedisEventStreamOptions { KeyPrefix = _prefix });

    private FeishuRedisEventStreamOptions Options(string consumer, TimeSpan? drain = null) => new()
    {
        KeyPrefix = _prefix,
        ConsumerName = consumer,
        ClaimIdle = TimeSpan.FromMilliseconds(600),
        ClaimInterval = TimeSpan.FromMilliseconds(200),
        MaxAttempts = 3,
        RetryBaseDelay = TimeSpan.FromMilliseconds(50),
        DrainTimeout = drain ?? TimeSpan.FromSeconds(5),
    };

    private void Configure(FeishuEventOptions o)
    {
        o.VerificationToken = _server.Options.VerificationToken;
        o.EncryptKey = _server.Options.EncryptKey;
        o.Mode = FeishuEventHandlingMode.Durable;
    }

    private Task<WebhookApp> StartAsync(Action<string> handler) => WebhookApp.StartAsync(
        Configure,
        events => events.OnImMessageReceiveV1((e, _) => { handler(e.Header.EventId); return Task.CompletedTask; }),
        services => services.AddFeishuRedisEventStream(_ => _connection, o =>
        {
            var options = Options("app-" + Guid.NewGuid().ToString("N")[..6]);
            o.KeyPrefix = options.KeyPrefix;
            o.ConsumerName = options.ConsumerName;
            o.ClaimIdle = options.ClaimIdle;
            o.ClaimInterval = options.ClaimInterval;
            o.MaxAttempts = options.MaxAttempts;
            o.RetryBaseDelay = options.RetryBaseDelay;
        }));

    private static Task Until(Func<bool> condition, TimeSpan timeout) => Until(() => Task.FromResult(condition()), timeout);

    private static async Task Until(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("condition not met within " + timeout);
            }

            await Task.Delay(25);
        }
    }
}
