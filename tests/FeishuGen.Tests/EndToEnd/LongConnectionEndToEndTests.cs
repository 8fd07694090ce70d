using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Events;
using FeishuGen.Events.Cards;
using FeishuGen.LongConnection;
using FeishuGen.Testing;
using FeishuGen.Tests.Api;
using FeishuGen.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit;

namespace FeishuGen.Tests.EndToEnd;

/// <summary>The long connection against the local server's WebSocket (pbbp2 frames over real loopback), run as a hosted service.</summary>
public sealed class LongConnectionEndToEndTests : IAsyncLifetime
{
    private const string Message = """{"message":{"message_id":"om_lc","chat_id":"oc_lc","content":"{\"text\":\"hi\"}"}}""";

    private readonly ConcurrentQueue<string> _handled = new();
    private FeishuTestServer _server = null!;
    private IHost _host = null!;

    public async Task InitializeAsync()
    {
        _server = await FeishuTestServer.StartAsync(FeishuEndpointCatalogue.All, new FeishuTestServerOptions
        {
            LongConnectionConfig = new ClientConfig { ReconnectCount = -1, ReconnectInterval = 0, ReconnectNonce = 0, PingInterval = 60 },
        });
        _host = Host.CreateDefaultBuilder()
            .ConfigureLogging(l => l.ClearProviders())
            .ConfigureServices(services =>
            {
                services.AddFeishu(o =>
                {
                    o.AppId = _server.Options.AppId;
                    o.AppSecret = _server.Options.AppSecret;
                    o.BaseAddress = _server.BaseAddress;
                });
                services.AddFeishuEvents(_ => { }, (events, _) => events
                    .OnImMessageReceiveV1((e, _) => { _handled.Enqueue(e.Header.EventId + " " + e.Event.Message!.MessageId); return Task.CompletedTask; })
                    .OnCardAction((e, _) => Task.FromResult<FeishuCardReply?>(FeishuCardReply.WithToast("success", "clicked " + e.Event.Action!.Tag))));
                services.AddFeishuLongConnection();
            })
            .Build();
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task An_event_reaches_its_typed_handler_and_is_acknowledged_with_a_positive_biz_rt()
    {
        var ack = await _server.SendOverLongConnectionAsync(_server.CreateEvent(FeishuEventTypes.ImMessageReceiveV1, Message, "lc-1"));

        Assert.Equal(200, ack.Code);
        Assert.True(ack.BizRtMs >= 1, "biz_rt " + ack.BizRtMs);
        Assert.Equal(1, ack.Sends);
        Assert.Equal(new[] { "lc-1 om_lc" }, _handled);
        Assert.True(_server.LongConnectionPings >= 1);
    }

    [Fact]
    public async Task A_fragmented_event_is_joined_and_handled_once()
    {
        var ack = await _server.SendOverLongConnectionAsync(_server.CreateEvent(FeishuEventTypes.ImMessageReceiveV1, Message, "lc-frag"), fragments: 3);

        Assert.Equal(200, ack.Code);
        Assert.Equal(new[] { "lc-frag om_lc" }, _handled);
    }

    [Fact]
    public async Task A_card_action_in_a_type_event_frame_gets_its_toast_back_in_the_ack_data()
    {
        // The real service sends callbacks in type=event frames; the reply travels base64 in the ack's data.
        var ack = await _server.SendOverLongConnectionAsync(_server.CreateEvent("card.action.trigger", """{"action":{"tag":"button","value":"x"}}"""));

        Assert.Equal(200, ack.Code);
        Assert.NotNull(ack.Data);
        using var reply = JsonDocument.Parse(ack.Data!);
        Assert.Equal("clicked button", reply.RootElement.GetProperty("toast").GetProperty("content").GetString());
        Assert.Equal("success", reply.RootElement.GetProperty("toast").GetProperty("type").GetString());
    }

    [Fact]
    public async Task An_event_ack_carries_no_data()
    {
        var ack = await _server.SendOverLongConnectionAsync(_server.CreateEvent(FeishuEventTypes.ImMessageReceiveV1, Message, "lc-nodata"));

        Assert.Equal(200, ack.Code);
        Assert.Null(ack.Data);
    }

    [Fact]
    public async Task When_the_server_drops_the_socket_mid_delivery_the_client_reconnects_and_the_event_is_handled_once()
    {
        var ack = await _server.SendOverLongConnectionAsync(_server.CreateEvent(FeishuEventTypes.ImMessageReceiveV1, Message, "lc-drop"), dropSocketAfterSend: true);

        Assert.Equal(200, ack.Code);
        Assert.Equal(2, ack.Sends);
        Assert.True(_server.LongConnections >= 2, "connections " + _server.LongConnections);
        Assert.Equal(new[] { "lc-drop om_lc" }, _handled);
    }

    [Fact]
    public async Task Stopping_the_host_closes_the_connection_promptly()
    {
        await _server.SendOverLongConnectionAsync(_server.CreateEvent(FeishuEventTypes.ImMessageReceiveV1, Message));
        var watch = Stopwatch.StartNew();
        await _host.StopAsync();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), "stopped after " + watch.Elapsed);
    }

    [Theory]
    [InlineData(403, null, "forbidden (403)")]
    [InlineData(514, 1000040350L, "too many long connections")]
    public async Task A_refused_handshake_that_waiting_cannot_cure_ends_the_connection_with_a_clear_error(int status, long? authCode, string expected)
    {
        await using var server = await FeishuTestServer.StartAsync(FeishuEndpointCatalogue.All);
        server.RefuseLongConnections(status, authCode);
        var connection = new FeishuLongConnection(server.CreateClientOptions(), new FeishuEventDispatcher(new FeishuEventOptions()));

        var error = await Assert.ThrowsAsync<FeishuLongConnectionException>(() => connection.RunAsync(new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token));

        Assert.False(error.IsRetryable);
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain(server.Options.AppSecret, error.Message);
    }

    [Fact]
    public async Task Wrong_credentials_at_the_endpoint_are_fatal()
    {
        await using var server = await FeishuTestServer.StartAsync(FeishuEndpointCatalogue.All);
        var options = server.CreateClientOptions();
        options.AppSecret = "wrong-secret";
        var connection = new FeishuLongConnection(options, new FeishuEventDispatcher(new FeishuEventOptions()));

        var error = await Assert.ThrowsAsync<FeishuLongConnectionException>(() => connection.RunAsync(CancellationToken.None));

        Assert.False(error.IsRetryable);
        Assert.Equal(403, error.HttpStatus);
        Assert.DoesNotContain("wrong-secret", error.Message);
    }

    [Fact]
    public async Task An_ack_later_than_the_server_waits_brings_the_event_again_and_the_repeat_runs_no_handler()
    {
        await using var server = await FeishuTestServer.StartAsync(FeishuEndpointCatalogue.All, new FeishuTestServerOptions { LongConnectionAckTimeout = TimeSpan.FromMilliseconds(300) });
        var runs = 0;
        var dispatcher = new FeishuEventDispatcher(new FeishuEventOptions())
            .OnImMessageReceiveV1(async (_, _) => { Interlocked.Increment(ref runs); await Task.Delay(1000); });
        using var stop = new CancellationTokenSource();
        var running = new FeishuLongConnection(server.CreateClientOptions(), dispatcher).RunAsync(stop.Token);

        var ack = await server.SendOverLongConnectionAsync(server.CreateEvent(FeishuEventTypes.ImMessageReceiveV1, Message, "lc-late"));
        await Task.Delay(1200);
        stop.Cancel();
        await running;

        Assert.Equal(200, ack.Code);
        Assert.True(ack.Sends >= 2, "sent " + ack.Sends + " times");
        Assert.Equal(1, runs);
    }
}
