using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using FeishuGen.LongConnection;

namespace FeishuGen.Telemetry;

/// <summary>
/// FeishuGen's metrics: one <see cref="System.Diagnostics.Metrics.Meter"/> named "FeishuGen"
/// (listen with OpenTelemetry's <c>AddMeter("FeishuGen")</c>). Names follow OpenTelemetry's
/// semantic conventions where one exists (<c>http.client.request.duration</c>, seconds), and
/// <c>feishu.*</c> otherwise. Tags carry kinds, never ids: an API's name from the generated
/// catalogue, an event type that has a handler (others are "other"), a Feishu code, an outcome.
/// </summary>
public static class FeishuMetrics
{
    /// <summary>The Meter's name.</summary>
    public const string MeterName = "FeishuGen";

    /// <summary>The Meter every FeishuGen instrument belongs to.</summary>
    public static Meter Meter { get; } = new(MeterName, "0.1.0");

    private static readonly Histogram<double> RequestDuration = Meter.CreateHistogram<double>(
        "http.client.request.duration", "s", "Duration of each HTTP request (attempt) FeishuGen sends to Feishu.");

    private static readonly Histogram<double> CallDuration = Meter.CreateHistogram<double>(
        "feishu.client.call.duration", "s", "Duration of each API call from first attempt to result, retries and waits included, by outcome and Feishu code.");

    private static readonly Counter<long> Retries = Meter.CreateCounter<long>("feishu.client.retries", "{retry}", "Attempts sent again, by reason (rate_limited, token_rejected, server_error, transport, timeout).");

    private static readonly Histogram<double> RateLimitWaits = Meter.CreateHistogram<double>("feishu.client.rate_limit.wait.duration", "s", "Waits before sending a rate-limited call again (99991400 / HTTP 429).");

    private static readonly Counter<long> TokenFetches = Meter.CreateCounter<long>("feishu.token.fetches", "{fetch}", "Tokens fetched from Feishu, by token type and outcome.");

    private static readonly Counter<long> TokenRefreshFailures = Meter.CreateCounter<long>("feishu.token.refresh.failures", "{failure}", "Early refreshes that failed while the cached token was still valid (it stays in use).");

    private static readonly Counter<long> EventsReceived = Meter.CreateCounter<long>("feishu.events.received", "{event}", "Events and callbacks received, by type and transport (webhook, long_connection).");

    private static readonly Counter<long> EventsDeduplicated = Meter.CreateCounter<long>("feishu.events.deduplicated", "{event}", "Repeat deliveries acknowledged without running handlers.");

    private static readonly Counter<long> EventsHandled = Meter.CreateCounter<long>("feishu.events.handled", "{event}", "Events whose handlers succeeded, by type and mode (inline, queued, durable).");

    private static readonly Counter<long> EventsFailed = Meter.CreateCounter<long>("feishu.events.failed", "{event}", "Handlings that failed or ran out of time, by type and mode (each try counts).");

    private static readonly Counter<long> EventsDeadLettered = Meter.CreateCounter<long>("feishu.events.dead_lettered", "{event}", "Events moved to the dead-letter stream after their last try.");

    private static readonly UpDownCounter<long> QueueDepth = Meter.CreateUpDownCounter<long>("feishu.events.queue.depth", "{event}", "Acknowledged events waiting in this process's in-memory queue.");

    private static readonly Histogram<double> HandlingDuration = Meter.CreateHistogram<double>(
        "feishu.events.handling.duration", "s", "Time handlers took per event, by type, mode and outcome.");

    private static readonly Counter<long> Reconnects = Meter.CreateCounter<long>("feishu.long_connection.reconnects", "{reconnect}", "Long-connection sockets lost or refused and tried again, by reason (silent, closed, endpoint, handshake, error).");

    private static readonly UpDownCounter<long> States = Meter.CreateUpDownCounter<long>("feishu.long_connection.state", "{connection}", "Running long connections in each state (connecting, connected, reconnecting, failed); a stopped one counts nowhere.");

    /// <summary>Whether an event-side instrument has a listener; callers skip reading the clock when nobody listens.</summary>
    internal static bool EventsTimed => HandlingDuration.Enabled;

    internal static bool CallsTimed => CallDuration.Enabled || RequestDuration.Enabled;

    internal static void Request(string method, string host, int status, string? errorType, double seconds)
    {
        var tags = new TagList { { "http.request.method", method }, { "server.address", host } };
        if (status > 0)
        {
            tags.Add("http.response.status_code", status);
        }

        if (errorType is not null)
        {
            tags.Add("error.type", errorType);
        }

        RequestDuration.Record(seconds, tags);
    }

    internal static void Call(string api, string method, string outcome, long? code, double seconds)
    {
        var tags = new TagList { { "feishu.api", api }, { "http.request.method", method }, { "feishu.outcome", outcome } };
        if (code is { } c)
        {
            tags.Add("feishu.code", c);
        }

        CallDuration.Record(seconds, tags);
    }

    internal static void Retry(string api, string reason) => Retries.Add(1, new KeyValuePair<string, object?>("feishu.api", api), new KeyValuePair<string, object?>("feishu.retry.reason", reason));

    internal static void RateLimitWait(string api, TimeSpan wait) => RateLimitWaits.Record(wait.TotalSeconds, new KeyValuePair<string, object?>("feishu.api", api));

    internal static void TokenFetch(string tokenType, bool succeeded, bool wasRefresh)
    {
        TokenFetches.Add(1, new KeyValuePair<string, object?>("feishu.token.type", tokenType), new KeyValuePair<string, object?>("feishu.outcome", succeeded ? "success" : "failure"));
        if (!succeeded && wasRefresh)
        {
            TokenRefreshFailures.Add(1, new KeyValuePair<string, object?>("feishu.token.type", tokenType));
        }
    }

    internal static void Received(string eventType, string transport) => EventsReceived.Add(1, Type(eventType), new KeyValuePair<string, object?>("feishu.event.transport", transport));

    internal static void Deduplicated(string eventType) => EventsDeduplicated.Add(1, Type(eventType));

    /// <summary>Records one handling: handled or failed, and its time when the clock was read (<paramref name="seconds"/> ≥ 0).</summary>
    /// <param name="eventType">The event type (a registered one: callers pass only those).</param>
    /// <param name="mode">inline, queued or durable.</param>
    /// <param name="succeeded">Whether the handlers succeeded.</param>
    /// <param name="seconds">How long they took; negative when not measured.</param>
    public static void Handling(string eventType, string mode, bool succeeded, double seconds)
    {
        var type = Type(eventType);
        var modeTag = new KeyValuePair<string, object?>("feishu.event.mode", mode);
        (succeeded ? EventsHandled : EventsFailed).Add(1, type, modeTag);
        if (seconds >= 0)
        {
            HandlingDuration.Record(seconds, type, modeTag, new KeyValuePair<string, object?>("feishu.outcome", succeeded ? "success" : "failure"));
        }
    }

    /// <summary>Counts an event moved to the dead-letter stream.</summary>
    /// <param name="eventType">The event type.</param>
    public static void DeadLettered(string eventType) => EventsDeadLettered.Add(1, Type(eventType));

    internal static void Queued(int delta) => QueueDepth.Add(delta, new KeyValuePair<string, object?>("feishu.event.mode", "queued"));

    internal static void LongConnectionReconnect(string kind) => Reconnects.Add(1, new KeyValuePair<string, object?>("feishu.reconnect.reason", kind));

    internal static void LongConnectionState(FeishuLongConnectionState previous, FeishuLongConnectionState current)
    {
        // A stopped connection counts nowhere, so a gauge of a process sums to its running connections.
        if (previous == current)
        {
            return;
        }

        if (previous != FeishuLongConnectionState.Stopped)
        {
            States.Add(-1, new KeyValuePair<string, object?>("state", StateName(previous)));
        }

        if (current != FeishuLongConnectionState.Stopped)
        {
            States.Add(1, new KeyValuePair<string, object?>("state", StateName(current)));
        }
    }

    internal static string StateName(FeishuLongConnectionState state) => state switch
    {
        FeishuLongConnectionState.Connecting => "connecting",
        FeishuLongConnectionState.Connected => "connected",
        FeishuLongConnectionState.Reconnecting => "reconnecting",
        FeishuLongConnectionState.Failed => "failed",
        _ => "stopped",
    };

    private static KeyValuePair<string, object?> Type(string eventType) => new("feishu.event.type", eventType);
}
