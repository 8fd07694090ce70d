using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Events;
using FeishuGen.LongConnection;
using FeishuGen.Telemetry;
using FeishuGen.Testing;
using FeishuGen.Tests.Api;
using FeishuGen.Tests.Api.Im.V1;
using FeishuGen.TestSupport;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using Xunit;

namespace FeishuGen.Tests.Runtime;

/// <summary>Measurements are process-wide: the metrics tests run alone.</summary>
[CollectionDefinition("metrics", DisableParallelization = true)]
public sealed class MetricsCollection
{
}

/// <summary>The "FeishuGen" Meter, read with a MeterListener: names, values and tags that stay bounded.</summary>
[Collection("metrics")]
public sealed class MetricsTests : IAsyncLifetime
{
    private const string Message = """{"message":{"message_id":"om_m","chat_id":"oc_m","content":"{\"text\":\"hi\"}"}}""";

    private readonly ConcurrentQueue<(string Name, double Value, Dictionary<string, object?> Tags)> _seen = new();
    private readonly MeterListener _listener = new();
    private FeishuTestServer _server = null!;

    public async Task InitializeAsync()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == FeishuMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.Start();
        _server = await FeishuTestServer.StartAsync(FeishuEndpointCatalogue.All, new FeishuTestServerOptions { EventRetryDelays = Array.Empty<TimeSpan>() });
    }

    public async Task DisposeAsync()
    {
        _listener.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Calls_report_duration_outcome_code_retries_rate_limit_waits_and_token_fetches()
    {
        using var http = new HttpClient();
        var options = _server.CreateClientOptions();
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
        var api = new FeishuApi(new FeishuClient(options, http));
        await api.Im.V1.Chat.ListAsync(new ListChatRequest());
        _server.Enqueue(new ScriptedReply(429, """{"code":99991400,"msg":"limited"}""", new Dictionary<string, string> { ["x-ogw-ratelimit-reset"] = "0" }));
        await api.Im.V1.Chat.ListAsync(new ListChatRequest());
        _server.Enqueue(ScriptedReply.Error(400, 232011, "no such chat"));
        await Assert.ThrowsAnyAsync<FeishuApiException>(() => api.Im.V1.Chat.ListAsync(new ListChatRequest()));

        var calls = Named("feishu.client.call.duration");
        Assert.Equal(3, calls.Count);
        Assert.All(calls, c => Assert.Equal("im.chat.list", c.Tags["feishu.api"]));
        Assert.Equal(new object?[] { "success", "success", "api_error" }, calls.Select(c => c.Tags["feishu.outcome"]));
        Assert.Equal(232011L, calls[2].Tags["feishu.code"]);
        Assert.Contains(Named("http.client.request.duration"), r => (int?)r.Tags["http.response.status_code"] == 429 && (string?)r.Tags["http.request.method"] == "GET");
        Assert.Contains(Named("feishu.client.retries"), r => (string?)r.Tags["feishu.retry.reason"] == "rate_limited");
        Assert.Single(Named("feishu.client.rate_limit.wait.duration"));
        Assert.Contains(Named("feishu.token.fetches"), r => (string?)r.Tags["feishu.token.type"] == "tenant_access_token" && (string?)r.Tags["feishu.outcome"] == "success");
        AssertNoIds();
    }

    [Fact]
    public async Task Events_report_received_deduplicated_handled_failed_and_handling_time()
    {
        var fail = true;
        await using var app = await WebhookApp.StartAsync(
            o => { o.VerificationToken = _server.Options.VerificationToken; o.EncryptKey = _server.Options.EncryptKey; },
            events => events.OnImMessageReceiveV1((e, _) => Volatile.Read(ref fail) ? throw new InvalidOperationException("no") : Task.CompletedTask));
        await _server.PushEventAsync(app.Events, _server.CreateEvent(FeishuEventTypes.ImMessageReceiveV1, Message, "metric-1"), retry: false);
        Volatile.Write(ref fail, false);
        await _server.PushEventAsync(app.Events, _server.CreateEvent(FeishuEventTypes.ImMessageReceiveV1, Message, "metric-1"), FeishuEventFault.Duplicate, retry: false);
        await _server.PushEventAsync(app.Events, _server.CreateEvent("contact.user.created_v3", "{}", "metric-2"), retry: false);

        Assert.Equal(4, Named("feishu.events.received").Count);
        Assert.Equal(1, Named("feishu.events.received").Count(r => (string?)r.Tags["feishu.event.type"] == "other"));
        Assert.All(Named("feishu.events.received"), r => Assert.Equal("webhook", r.Tags["feishu.event.transport"]));
        Assert.Single(Named("feishu.events.failed"));
        Assert.Single(Named("feishu.events.handled"));
        Assert.Single(Named("feishu.events.deduplicated"));
        Assert.Equal(2, Named("feishu.events.handling.duration").Count);
        Assert.All(Named("feishu.events.handled"), r => Assert.Equal("inline", r.Tags["feishu.event.mode"]));
        AssertNoIds();
    }

    [Fact]
    public async Task The_long_connection_reports_its_state_and_reconnects()
    {
        var connection = new FeishuLongConnection(_server.CreateClientOptions(), new FeishuEventDispatcher(new FeishuEventOptions()));
        using var stop = new CancellationTokenSource();
        var running = connection.RunAsync(stop.Token);
        await Until(() => connection.State == FeishuLongConnectionState.Connected);
        _server.DropLongConnections();
        await Until(() => connection.Connections == 2 && connection.State == FeishuLongConnectionState.Connected);
        stop.Cancel();
        await running;

        Assert.Single(Named("feishu.long_connection.reconnects"));
        Assert.Equal("closed", Named("feishu.long_connection.reconnects")[0].Tags["feishu.reconnect.reason"]);
        var states = Named("feishu.long_connection.state");
        Assert.Equal(0, states.Sum(s => s.Value));
        Assert.Equal(new[] { "connecting", "connected", "reconnecting" }, states.Select(s => (string)s.Tags["state"]!).Distinct().OrderBy(s => s == "connecting" ? 0 : s == "connected" ? 1 : 2));
    }

    [Fact]
    public async Task OpenTelemetry_collects_the_meter_by_its_name()
    {
        var exported = new List<OpenTelemetry.Metrics.Metric>();
        using (var provider = OpenTelemetry.Sdk.CreateMeterProviderBuilder().AddMeter(FeishuMetrics.MeterName).AddInMemoryExporter(exported).Build())
        {
            await new FeishuApi(_server.CreateClientOptions()).Im.V1.Chat.ListAsync(new ListChatRequest());
            provider.ForceFlush();
        }

        var names = exported.Select(m => m.Name).ToHashSet();
        Assert.Contains("feishu.client.call.duration", names);
        Assert.Contains("http.client.request.duration", names);
        Assert.Contains("feishu.token.fetches", names);
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        _seen.Enqueue((instrument.Name, value, copy));
    }

    private List<(string Name, double Value, Dictionary<string, object?> Tags)> Named(string name) => _seen.Where(s => s.Name == name).ToList();

    // Tags hold kinds, never ids: no event id, app id, token or path with an id in it.
    private void AssertNoIds()
    {
        foreach (var value in _seen.SelectMany(s => s.Tags.Values).OfType<string>())
        {
            Assert.DoesNotContain("metric-", value);
            Assert.DoesNotContain(_server.Options.AppId, value);
            Assert.DoesNotContain("/open-apis", value);
        }
    }

    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 10 s");
            await Task.Delay(20);
        }
    }
}
