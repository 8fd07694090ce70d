using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Events;
using FeishuGen.LongConnection;
using FeishuGen.Testing;
using FeishuGen.Tests.Api;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Xunit;

namespace FeishuGen.Tests.EndToEnd;

/// <summary>
/// The long connection against the faults of a real service and the networks in between: silent
/// (half-open) sockets, endpoint outages, stalled handshakes, stray messages, type=card frames,
/// handlers that block, and a stop that closes cleanly. Each test has its own server and client.
/// </summary>
public sealed class LongConnectionResilienceTests
{
    private const string Message = """{"message":{"message_id":"om_r","chat_id":"oc_r","content":"{\"text\":\"hi\"}"}}""";

    [Fact]
    public async Task A_silent_socket_is_replaced_within_three_ping_intervals_and_later_events_arrive()
    {
        await using var run = await Running.StartAsync(new ClientConfig { ReconnectCount = -1, ReconnectInterval = 0, ReconnectNonce = 0, PingInterval = 1 });
        await run.Server.SendOverLongConnectionAsync(run.Server.CreateEvent(FeishuEventTypes.ImMessageReceiveV1, Message, "before"));

        var watch = Stopwatch.StartNew();
        Assert.True(run.Server.SilenceLongConnection());
        await Until(() => run.Connection.Connections >= 2 && run.Connection.State == FeishuLongConnectionState.Connected, TimeSpan.FromSeconds(6));
        var replaced = watch.Elapsed;
        var ack = await run.Server.SendOverLongConnectionAsync(run.Server.CreateEvent(FeishuEventTypes.ImMessageReceiveV1, Message, "after"));

        Assert.True(replaced < TimeSpan.FromSeconds(3.5), "replaced after " + replaced);
        Assert.Equal(200, ack.Code);
        Assert.Equal(new[] { "before", "after" }, run.Handled);
        Assert.Contains(run.Changes, c => c.Current == FeishuLongConnectionState.Reconnecting && c.Reason!.Contains("silent", StringComparison.Ordinal));
        Assert.Equal(FeishuLongConnectionState.Connected, run.Changes.Last().Current);
    }

    [Fact]
    public async Task A_type_card_frame_is_dropped_without_an_ack_and_the_socket_stays()
    {
        await using var run = await Running.StartAsync();
        var card = await run.Server.SendCardFrameAsync(run.Server.CreateEvent("card.action.trigger", """{"action":{"tag":"button"}}"""), TimeSpan.FromMilliseconds(800));
        var ack = await run.Server.SendOverLongConnectionAsync(run.Server.CreateEvent(FeishuEventTypes.ImMessageReceiveV1, Message, "next"));

        Assert.Null(card);
        Assert.Equal(200, ack.Code);
        Assert.Equal(1, run.Connection.Connections);
    }

    [Fact]
    public async Task A_text_message_and_a_frame_missing_required_fields_are_skipped_without_a_reconnect()
    {
        await using var run = await Running.StartAsync();
        await run.Server.SendStrayLongConnectionMessagesAsync();
        var ack = await run.Server.SendOverLongConnectionAsync(run.Server.CreateEvent(FeishuEventTypes.ImMessageReceiveV1, Message, "after-stray"));

        Assert.Equal(200, ack.Code);
        Assert.Equal(1, ack.Sends);
        Assert.Equal(1, run.Connection.Connections);
        Assert.Equal(1, run.Server.LongConnections);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(429)]
    [InlineData(400)]
    public async Task Any_endpoint_reply_but_200_is_retried_and_the_connection_recovers(int status)
    {
        await using var run = await Running.StartAsync();
        run.Server.FailLongConnectionEndpoint(status);
        run.Server.DropLongConnections();
        await Until(() => run.Server.LongConnectionEndpointCalls >= 3, TimeSpan.FromSeconds(10));
        Assert.Equal(FeishuLongConnectionState.Reconnecting, run.Connection.State);
        Assert.Contains("HTTP " + status, run.Connection.StateReason);

        run.Server.FailLongConnectionEndpoint(null);
        await Until(() => run.Connection.State == FeishuLongConnectionState.Connected && run.Connection.Connections == 2, TimeSpan.FromSeconds(10));
        Assert.False(run.Loop.IsCompleted);
    }

    [Fact]
    public async Task An_endpoint_refusal_by_code_is_retried_at_the_slow_pace_and_never_fails_for_good()
    {
        await using var run = await Running.StartAsync(options: o => o.ExhaustedReconnectInterval = TimeSpan.FromMilliseconds(300));
        run.Server.RefuseLongConnectionEndpoint(1000040345);
        run.Server.DropLongConnections();
        await Until(() => run.Server.LongConnectionEndpointCalls >= 4, TimeSpan.FromSeconds(10));
        Assert.Equal(FeishuLongConnectionState.Reconnecting, run.Connection.State);
        Assert.Contains("code 1000040345", run.Connection.StateReason);
        Assert.DoesNotContain(run.Changes, c => c.Current == FeishuLongConnectionState.Failed);

        run.Server.RefuseLongConnectionEndpoint(null);
        await Until(() => run.Connection.State == FeishuLongConnectionState.Connected && run.Connection.Connections == 2, TimeSpan.FromSeconds(10));
        Assert.False(run.Loop.IsCompleted);
    }

    [Fact]
    public async Task A_handshake_that_never_completes_times_out_and_is_retried()
    {
        await using var run = await Running.StartAsync(options: o => o.HandshakeTimeout = TimeSpan.FromMilliseconds(300));
        run.Server.StallLongConnectionHandshakes(true);
        run.Server.DropLongConnections();
        await Until(() => run.Changes.Any(c => c.Reason?.Contains("did not complete within 0.3 s", StringComparison.Ordinal) == true), TimeSpan.FromSeconds(10));

        run.Server.StallLongConnectionHandshakes(false);
        await Until(() => run.Connection.State == FeishuLongConnectionState.Connected && run.Connection.Connections == 2, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Past_its_reconnect_count_the_connection_keeps_trying_slowly_and_recovers()
    {
        await using var run = await Running.StartAsync(new ClientConfig { ReconnectCount = 2, ReconnectInterval = 0, ReconnectNonce = 0, PingInterval = 60 }, o => o.ExhaustedReconnectInterval = TimeSpan.FromMilliseconds(400));
        run.Server.FailLongConnectionEndpoint(503);
        run.Server.DropLongConnections();
        await Until(() => run.Server.LongConnectionEndpointCalls >= 6, TimeSpan.FromSeconds(10));
        Assert.Equal(FeishuLongConnectionState.Reconnecting, run.Connection.State);

        run.Server.FailLongConnectionEndpoint(null);
        await Until(() => run.Connection.State == FeishuLongConnectionState.Connected, TimeSpan.FromSeconds(10));
        var ack = await run.Server.SendOverLongConnectionAsync(run.Server.CreateEvent(FeishuEventTypes.ImMessageReceiveV1, Message, "recovered"));
        Assert.Equal(200, ack.Code);
    }

    [Fact]
    public async Task A_handler_that_blocks_before_its_first_await_does_not_stall_other_events()
    {
        using var release = new ManualResetEventSlim();
        await using var run = await Running.StartAsync(handler: id =>
        {
            if (id == "blocking")
            {
                release.Wait(TimeSpan.FromSeconds(10)); // blocks the calling thread, no await
            }
        });

        var blocking = run.Server.SendOverLongConnectionAsync(run.Server.CreateEvent(FeishuEventTypes.ImMessageReceiveV1, Message, "blocking"));
        var watch = Stopwatch.StartNew();
        var quick = await run.Server.SendOverLongConnectionAsync(run.Server.CreateEvent(FeishuEventTypes.ImMessageReceiveV1, Message, "quick"));
        var elapsed = watch.Elapsed;
        release.Set();
        await blocking;

        Assert.Equal(200, quick.Code);
        Assert.True(elapsed < TimeSpan.FromSeconds(2), "the second event waited " + elapsed);
    }

    [Fact]
    public async Task Stopping_sends_a_close_frame_and_ends_within_the_close_timeout()
    {
        await using var run = await Running.StartAsync();
        var watch = Stopwatch.StartNew();
        await run.StopAsync();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1.5), "stopped after " + watch.Elapsed);
        Assert.Equal(FeishuLongConnectionState.Stopped, run.Connection.State);
        await Until(() => run.Server.LongConnectionCloses == 1, TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task The_health_check_follows_the_state()
    {
        await using var server = await FeishuTestServer.StartAsync(FeishuEndpointCatalogue.All);
        var connection = new FeishuLongConnection(server.CreateClientOptions(), new FeishuEventDispatcher(new FeishuEventOptions()));
        var check = new FeishuLongConnectionHealthCheck(connection);
        Assert.Equal(HealthStatus.Unhealthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);

        using var stop = new CancellationTokenSource();
        var running = connection.RunAsync(stop.Token);
        await Until(() => connection.State == FeishuLongConnectionState.Connected, TimeSpan.FromSeconds(10));
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);

        server.RefuseLongConnections(403);
        server.DropLongConnections();
        await Assert.ThrowsAsync<FeishuLongConnectionException>(() => running);
        var failed = await check.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Unhealthy, failed.Status);
        Assert.Equal(FeishuLongConnectionState.Failed, connection.State);
        Assert.Contains("forbidden (403)", failed.Description);
    }

    [Fact]
    public async Task A_configured_proxy_carries_both_the_endpoint_call_and_the_WebSocket()
    {
        await using var proxy = new Support.LoopbackProxy();
        await using var run = await Running.StartAsync(options: o => o.Proxy = proxy);
        var ack = await run.Server.SendOverLongConnectionAsync(run.Server.CreateEvent(FeishuEventTypes.ImMessageReceiveV1, Message, "proxied"));

        Assert.Equal(200, ack.Code);
        var authority = run.Server.BaseAddress.Authority;
        Assert.Contains(proxy.Requests, r => r == $"POST http://{authority}/callback/ws/endpoint HTTP/1.1");
        Assert.Contains(proxy.Requests, r => r.Contains("/callback/ws/connect", StringComparison.Ordinal) || r == $"CONNECT {authority} HTTP/1.1");
    }

    [Fact]
    public void Reconnect_waits_follow_the_server_config_then_a_slow_bounded_pace()
    {
        var connection = new FeishuLongConnection(new FeishuClientOptions { AppId = "a", AppSecret = "s" }, new FeishuEventDispatcher(new FeishuEventOptions()), new FeishuLongConnectionOptions { ExhaustedReconnectInterval = TimeSpan.FromSeconds(300) });
        var config = new ClientConfig { ReconnectCount = 3, ReconnectInterval = 120, ReconnectNonce = 30 };

        for (var i = 0; i < 50; i++)
        {
            Assert.InRange(connection.ReconnectDelay(config, 1), TimeSpan.Zero, TimeSpan.FromSeconds(30));
            Assert.InRange(connection.ReconnectDelay(config, 2), TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(150));
            Assert.InRange(connection.ReconnectDelay(config, 3), TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(150));
            Assert.InRange(connection.ReconnectDelay(config, 4), TimeSpan.FromSeconds(300), TimeSpan.FromSeconds(330));
            Assert.InRange(connection.ReconnectDelay(config, 400), TimeSpan.FromSeconds(300), TimeSpan.FromSeconds(330));
        }
    }

    private static async Task Until(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("condition not met within " + timeout);
            }

            await Task.Delay(20);
        }
    }

    /// <summary>A local server and a running long connection whose handler records event ids.</summary>
    private sealed class Running : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();

        private Running(FeishuTestServer server, FeishuLongConnection connection)
        {
            Server = server;
            Connection = connection;
            connection.StateChanged += (_, change) => Changes.Enqueue(change);
        }

        public FeishuTestServer Server { get; }

        public FeishuLongConnection Connection { get; }

        public ConcurrentQueue<string> Handled { get; } = new();

        public ConcurrentQueue<FeishuLongConnectionStateChangedEventArgs> Changes { get; } = new();

        public Task Loop { get; private set; } = Task.CompletedTask;

        public static async Task<Running> StartAsync(ClientConfig? config = null, Action<FeishuLongConnectionOptions>? options = null, Action<string>? handler = null)
        {
            var server = await FeishuTestServer.StartAsync(FeishuEndpointCatalogue.All, new FeishuTestServerOptions
            {
                LongConnectionConfig = config ?? new ClientConfig { ReconnectCount = -1, ReconnectInterval = 0, ReconnectNonce = 0, PingInterval = 60 },
            });
            Running? run = null;
            var dispatcher = new FeishuEventDispatcher(new FeishuEventOptions()).OnImMessageReceiveV1((e, _) =>
            {
                handler?.Invoke(e.Header.EventId);
                run!.Handled.Enqueue(e.Header.EventId);
                return Task.CompletedTask;
            });
            var connectionOptions = new FeishuLongConnectionOptions();
            options?.Invoke(connectionOptions);
            run = new Running(server, new FeishuLongConnection(server.CreateClientOptions(), dispatcher, connectionOptions));
            run.Loop = run.Connection.RunAsync(run._stop.Token);
            await Until(() => run.Connection.State == FeishuLongConnectionState.Connected, TimeSpan.FromSeconds(10));
            return run;
        }

        public async Task StopAsync()
        {
            _stop.Cancel();
            await Loop;
        }

        public async ValueTask DisposeAsync()
        {
            await StopAsync();
            Connection.Dispose();
            await Server.DisposeAsync();
        }
    }
}
