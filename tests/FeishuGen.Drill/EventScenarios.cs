using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Drill.Api;
using FeishuGen.Events;
using FeishuGen.LongConnection;
using FeishuGen.Testing;
using FeishuGen.TestSupport;
using static FeishuGen.Drill.DrillContext;

namespace FeishuGen.Drill;

/// <summary>
/// The event side of the drill: events pushed by the local server into a real ASP.NET Core app
/// (MapFeishuWebhook), and sent over the long connection's WebSocket, with the faults Feishu's
/// delivery has: repeats, replays, forgeries, fragments, dropped sockets, slow handlers, volume.
/// </summary>
internal static class EventScenarios
{
    private const string Message = """{"sender":{"sender_id":{"open_id":"ou_drill"},"sender_type":"user"},"message":{"message_id":"om_drill","chat_id":"oc_drill","chat_type":"p2p","message_type":"text","content":"{\"text\":\"drill\"}"}}""";

    public static IEnumerable<Scenario> All()
    {
        yield return new("event delivered twice", "both deliveries answered 200, the handler runs once", d => WithWebhook(d, async (app, handled) =>
        {
            var delivery = await d.Server.PushEventAsync(app.Events, Event(d, "dup"), FeishuEventFault.Duplicate);
            Expect(delivery.Statuses.SequenceEqual(new[] { 200, 200 }) && handled.Count == 1, $"statuses {string.Join(",", delivery.Statuses)}, handled {handled.Count}");
            return "200, 200; handled once";
        }));

        foreach (var (fault, status) in new[] { (FeishuEventFault.Replay, 401), (FeishuEventFault.BadSignature, 401), (FeishuEventFault.WrongToken, 401), (FeishuEventFault.TamperedCiphertext, 400) })
        {
            yield return new("event: " + Describe(fault), $"rejected with {status}, no handler runs, nothing internal in the answer", d => WithWebhook(d, async (app, handled) =>
            {
                var delivery = await d.Server.PushEventAsync(app.Events, Event(d, fault.ToString()), fault, retry: false);
                Expect(delivery.Statuses.SequenceEqual(new[] { status }) && handled.Count == 0 && delivery.LastBody.Length < 40, $"statuses {string.Join(",", delivery.Statuses)}, handled {handled.Count}, answer {delivery.LastBody}");
                return $"{status} {delivery.LastBody}; handled 0";
            }));
        }

        yield return new("event handler slower than 3 s, inline", "answered 500 within 3 s (handler cancelled at 2.5 s); Feishu's retry runs it again and succeeds", d => WithWebhook(d, async (app, handled) =>
        {
            var watch = Stopwatch.StartNew();
            var delivery = await d.Server.PushEventAsync(app.Events, Event(d, "slow-inline"));
            Expect(delivery.Statuses.SequenceEqual(new[] { 500, 200 }) && handled.Count == 1, $"statuses {string.Join(",", delivery.Statuses)}, handled {handled.Count}");
            return $"500 after the deadline, then 200 on the retry; {watch.Elapsed.TotalSeconds:0.0} s in all";
        }, slowFirst: TimeSpan.FromSeconds(4)));

        yield return new("event handler slower than 3 s, queued", "acknowledged 200 at once; the handler finishes in the background", d => WithWebhook(d, async (app, handled) =>
        {
            var watch = Stopwatch.StartNew();
            var delivery = await d.Server.PushEventAsync(app.Events, Event(d, "slow-queued"));
            var answered = watch.Elapsed;
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (handled.Count == 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            Expect(delivery.Statuses.SequenceEqual(new[] { 200 }) && answered < TimeSpan.FromSeconds(1) && handled.Count == 1, $"statuses {string.Join(",", delivery.Statuses)} in {answered.TotalMilliseconds:0} ms, handled {handled.Count}");
            return $"200 in {answered.TotalMilliseconds:0} ms; handled after {watch.Elapsed.TotalSeconds:0.0} s";
        }, slowFirst: TimeSpan.FromSeconds(3.5), mode: FeishuEventHandlingMode.Queued));

        yield return new("10,000 events through the webhook", "all 10,000 answered 200 and handled exactly once; throughput reported", d => WithWebhook(d, async (app, handled) =>
        {
            const int total = 10_000;
            var envelopes = Enumerable.Range(0, total).Select(i => Event(d, "bulk-" + i)).ToArray();
            var next = -1;
            var failed = 0;
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, 32).Select(async _ =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < total)
                {
                    var delivery = await d.Server.PushEventAsync(app.Events, envelopes[i], retry: false);
                    if (!delivery.Delivered)
                    {
                        Interlocked.Increment(ref failed);
                    }
                }
            }));
            var elapsed = watch.Elapsed;
            var distinct = handled.Distinct().Count();
            Expect(failed == 0 && handled.Count == total && distinct == total, $"{failed} not answered 200, {handled.Count} handled, {distinct} distinct");
            return $"{total} handled once each in {elapsed.TotalSeconds:0.0} s ({total / elapsed.TotalSeconds:0} events/s, encrypted and signed, 32 senders)";
        }));

        yield return new("long connection: fragmented frame", "the 3 parts are joined; handled once; acked 200 with biz_rt > 0", d => WithLongConnection(d, async (connection, handled) =>
        {
            var ack = await d.Server.SendOverLongConnectionAsync(Event(d, "fragments"), fragments: 3);
            Expect(ack.Code == 200 && ack.BizRtMs > 0 && handled.Count == 1, $"ack {ack.Code}, biz_rt {ack.BizRtMs}, handled {handled.Count}");
            return $"ack 200, biz_rt {ack.BizRtMs} ms, handled once";
        }));

        yield return new("long connection: server drops the socket mid-stream", "reconnects; of 20 events none lost and none handled twice", d => WithLongConnection(d, async (connection, handled) =>
        {
            var acks = new List<FeishuLongConnectionAck>();
            for (var i = 0; i < 20; i++)
            {
                acks.Add(await d.Server.SendOverLongConnectionAsync(Event(d, "stream-" + i), dropSocketAfterSend: i == 10));
            }

            var distinct = handled.Distinct().Count();
            Expect(acks.All(a => a.Code == 200) && handled.Count == 20 && distinct == 20 && connection.Connections >= 2, $"{acks.Count(a => a.Code == 200)} acked, {handled.Count} handled ({distinct} distinct), {connection.Connections} connections");
            return $"{connection.Connections} connections; 20 acked, 20 handled once; the dropped one sent {acks[10].Sends}×";
        }));

        yield return new("long connection: stop", "stopping sends a close frame and ends within 2 s", d => WithLongConnection(d, (connection, handled) => Task.FromResult("started"), measureStop: true));

        yield return new("long connection: half-open socket", "a socket gone silent (no pong, no frame, no close; ping every 1 s) is dropped 3 ping intervals after its last frame and replaced at once; 5 events sent after that arrive", d => WithLongConnection(d, async (connection, handled) =>
        {
            await d.Server.SendOverLongConnectionAsync(Event(d, "before-silence"));
            var detected = TimeSpan.Zero;
            var watch = Stopwatch.StartNew();
            connection.StateChanged += (_, change) =>
            {
                if (change.Current == FeishuLongConnectionState.Reconnecting && detected == TimeSpan.Zero)
                {
                    detected = watch.Elapsed;
                }
            };

            // Right after a frame: the worst case, the full window runs from here.
            d.Server.SilenceLongConnection();
            while (connection.Connections < 2 && watch.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(10);
            }

            var replaced = watch.Elapsed;
            var acks = new List<FeishuLongConnectionAck>();
            for (var i = 0; i < 5; i++)
            {
                acks.Add(await d.Server.SendOverLongConnectionAsync(Event(d, "after-silence-" + i)));
            }

            Expect(connection.Connections == 2 && replaced <= TimeSpan.FromSeconds(3.5) && acks.All(a => a.Code == 200 && a.Sends == 1) && handled.Count == 6, $"{connection.Connections} connections, replaced after {replaced.TotalSeconds:0.00} s, {acks.Count(a => a.Code == 200)} of 5 later events acked, {handled.Count} handled");
            return $"silence detected {detected.TotalSeconds:0.00} s after the server's last frame (3 ping intervals of 1 s), new socket open at {replaced.TotalSeconds:0.00} s; 5 later events acked and handled";
        }, pingSeconds: 1));

        yield return new("long connection: no recovery budget left", "after ReconnectCount (3) failed reconnects the client keeps trying at its slow pace and recovers when the server comes back", d => WithLongConnection(d, async (connection, handled) =>
        {
            await d.Server.SendOverLongConnectionAsync(Event(d, "before-outage")); // connected, with the server's ClientConfig
            d.Server.FailLongConnectionEndpoint(503);
            d.Server.DropLongConnections();
            var watch = Stopwatch.StartNew();
            while (d.Server.LongConnectionEndpointCalls < 7 && watch.Elapsed < TimeSpan.FromSeconds(15))
            {
                await Task.Delay(10);
            }

            var failedCalls = d.Server.LongConnectionEndpointCalls - 1;
            var state = connection.State;
            d.Server.FailLongConnectionEndpoint(null);
            var back = Stopwatch.StartNew();
            while (connection.State != FeishuLongConnectionState.Connected && back.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(10);
            }

            var ack = await d.Server.SendOverLongConnectionAsync(Event(d, "after-budget"));
            Expect(failedCalls >= 6 && state == FeishuLongConnectionState.Reconnecting && connection.State == FeishuLongConnectionState.Connected && ack.Code == 200, $"{failedCalls} failed endpoint calls, state then {state}, now {connection.State}, ack {ack.Code}");
            return $"{failedCalls} endpoint calls refused (503): 3 within ReconnectCount, {failedCalls - 3} more at the slow pace; state {state} (never Failed); reconnected {back.Elapsed.TotalSeconds:0.0} s after the server came back; a later event acked 200";
        }, reconnectCount: 3));
    }

    private static string Describe(FeishuEventFault fault) => fault switch
    {
        FeishuEventFault.Replay => "replayed old request (timestamp 10 min old)",
        FeishuEventFault.BadSignature => "bad signature",
        FeishuEventFault.WrongToken => "wrong verification token",
        _ => "tampered ciphertext",
    };

    private static string Event(DrillContext d, string id) => d.Server.CreateEvent(FeishuEventTypes.ImMessageReceiveV1, Message, id);

    private static async Task<string> WithWebhook(DrillContext d, Func<WebhookApp, ConcurrentQueue<string>, Task<string>> run, TimeSpan? slowFirst = null, FeishuEventHandlingMode mode = FeishuEventHandlingMode.Inline)
    {
        d.Server.Options.EventRetryDelays = new[] { TimeSpan.FromMilliseconds(100) };
        var handled = new ConcurrentQueue<string>();
        var first = 0;
        await using var app = await WebhookApp.StartAsync(
            o =>
            {
                o.VerificationToken = d.Server.Options.VerificationToken;
                o.EncryptKey = d.Server.Options.EncryptKey;
                o.Mode = mode;
                o.QueueCapacity = 16_384;
            },
            events => events.OnImMessageReceiveV1(async (e, ct) =>
            {
                if (slowFirst is { } slow && Interlocked.Exchange(ref first, 1) == 0)
                {
                    // Ignores its token on purpose: the answer must not wait for it.
                    await Task.Delay(slow, CancellationToken.None);
                    if (mode == FeishuEventHandlingMode.Inline)
                    {
                        return;
                    }
                }

                handled.Enqueue(e.Header.EventId);
            }));
        return await run(app, handled);
    }

    private static async Task<string> WithLongConnection(DrillContext d, Func<FeishuLongConnection, ConcurrentQueue<string>, Task<string>> run, bool measureStop = false, int pingSeconds = 30, int reconnectCount = -1)
    {
        d.Server.Options.LongConnectionConfig = new ClientConfig { ReconnectCount = reconnectCount, ReconnectInterval = 0, ReconnectNonce = 0, PingInterval = pingSeconds };
        var handled = new ConcurrentQueue<string>();
        var dispatcher = new FeishuEventDispatcher(new FeishuEventOptions())
            .OnImMessageReceiveV1((e, _) => { handled.Enqueue(e.Header.EventId); return Task.CompletedTask; });
        var connection = new FeishuLongConnection(d.Server.CreateClientOptions(), dispatcher, new FeishuLongConnectionOptions { ExhaustedReconnectInterval = TimeSpan.FromMilliseconds(500) });
        using var stop = new CancellationTokenSource();
        var running = connection.RunAsync(stop.Token);
        var observed = await run(connection, handled);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (connection.Connections == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        var watch = Stopwatch.StartNew();
        stop.Cancel();
        await running;
        if (measureStop)
        {
            await Task.Delay(100);
            Expect(connection.Connections >= 1 && watch.Elapsed < TimeSpan.FromSeconds(2) && d.Server.LongConnectionCloses == 1, $"{connection.Connections} connections, stopped in {watch.Elapsed.TotalMilliseconds:0} ms, close frames {d.Server.LongConnectionCloses}");
            return $"stopped in {watch.Elapsed.TotalMilliseconds:0} ms with a close frame";
        }

        return observed;
    }
}
