using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Drill.Api;
using FeishuGen.Events;
using FeishuGen.Redis;
using FeishuGen.Testing;
using FeishuGen.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace FeishuGen.Drill;

/// <summary>
/// The durable mode's drill on a real Redis (FEISHUGEN_REDIS, which .ci/run starts): 10,000 signed
/// events to 3 app processes on one stream with one killed (SIGKILL) mid-run and started again;
/// retries, dead letters and their replay; Redis cut while events arrive. Prints one row per
/// scenario with its figures; exits non-zero when one fails.
/// </summary>
internal static class DurableDrill
{
    private const string Message = """{"sender":{"sender_id":{"open_id":"ou_drill"},"sender_type":"user"},"message":{"message_id":"om_drill","chat_id":"oc_drill","chat_type":"p2p","message_type":"text","content":"{\"text\":\"drill\"}"}}""";

    public static async Task<int> RunAsync()
    {
        await using var redis = await LocalRedis.StartAsync();
        var outcomes = new List<(string Name, string Expected, bool Passed, string Observed)>();
        foreach (var (name, expected, run) in Scenarios(redis))
        {
            try
            {
                outcomes.Add((name, expected, true, await run()));
            }
            catch (Exception e)
            {
                outcomes.Add((name, expected, false, e is DrillFailure ? e.Message : e.GetType().Name + ": " + e.Message));
            }
        }

        Console.WriteLine("| durable scenario | expected behaviour | observed | pass |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var (name, expected, passed, observed) in outcomes)
        {
            Console.WriteLine($"| {name} | {expected} | {observed.ReplaceLineEndings(" ")} | {(passed ? "yes" : "NO")} |");
        }

        var ok = outcomes.Count(o => o.Passed);
        Console.WriteLine($"durable drill: {ok} passed, {outcomes.Count - ok} failed");
        return ok == outcomes.Count ? 0 : 1;
    }

    private static IEnumerable<(string, string, Func<Task<string>>)> Scenarios(LocalRedis redis)
    {
        yield return ("crash mid-run", "10,000 signed events to 3 processes on one stream, one SIGKILLed mid-run and restarted: each event recorded exactly once, 0 lost; reruns only for events in flight on the killed one", () => CrashAsync(redis));
        yield return ("retries and dead letter", "a handler failing twice then succeeding is handled; one always failing is dead-lettered with its reason and tries, and handled after a fix and a replay", () => RetriesAsync(redis));
        yield return ("Redis lost while events arrive", "nothing answered 200 that was not stored: while Redis is cut events are answered 500, Feishu's retries bring them back, every one handled", () => RedisLostAsync(redis));
    }

    private static async Task<string> CrashAsync(LocalRedis redis)
    {
        const int total = 10_000;
        var prefix = "drill-crash-" + Guid.NewGuid().ToString("N")[..8];
        await using var server = await FeishuTestServer.StartAsync(FeishuEndpointCatalogue.All);
        var options = server.Options;
        var ports = Enumerable.Range(0, 3).Select(_ => LocalRedis.FreePort()).ToArray();
        var config = redis.Configuration;
        var workers = new Process[3];
        for (var i = 0; i < 3; i++)
        {
            workers[i] = await StartWorkerAsync(i, ports[i], config, prefix, options);
        }

        using var connection = await ConnectionMultiplexer.ConnectAsync(config);
        var db = connection.GetDatabase();
        try
        {
            var urls = ports.Select(p => new Uri($"http://127.0.0.1:{p}/feishu/events")).ToArray();
            var envelopes = Enumerable.Range(0, total).Select(i => server.CreateEvent(FeishuEventTypes.ImMessageReceiveV1, Message, "crash-" + i)).ToArray();
            var next = -1;
            var refused = 0;
            var undelivered = 0;
            var watch = Stopwatch.StartNew();
            var killedAt = TimeSpan.Zero;
            var killer = Task.Run(async () =>
            {
                while (Volatile.Read(ref next) < total * 3 / 10)
                {
                    await Task.Delay(5);
                }

                workers[1].Kill(); // SIGKILL: no drain, no acknowledgement, the socket just goes
                killedAt = watch.Elapsed;
                await workers[1].WaitForExitAsync();
                await Task.Delay(500);
                workers[1] = await StartWorkerAsync(1, ports[1], config, prefix, options);
            });

            // Feishu's side behind a load balancer: an answer other than 200 is sent again, to the next instance.
            await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < total)
                {
                    var delivered = false;
                    for (var attempt = 0; attempt < 20 && !delivered; attempt++)
                    {
                        var delivery = await server.PushEventAsync(urls[(i + attempt) % 3], envelopes[i], retry: false);
                        delivered = delivery.Delivered;
                        if (!delivered)
                        {
                            Interlocked.Increment(ref refused);
                            await Task.Delay(50 * (attempt + 1));
                        }
                    }

                    if (!delivered)
                    {
                        Interlocked.Increment(ref undelivered);
                    }
                }
            })));
            var sent = watch.Elapsed;
            await killer;

            var deadline = DateTime.UtcNow.AddSeconds(60);
            long recorded;
            while ((recorded = await db.SetLengthAsync(prefix + ":recorded")) < total && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            var handledIn = watch.Elapsed;
            var runs = await db.HashValuesAsync(prefix + ":runs");
            var twice = runs.Count(r => (long)r > 1);
            var dead = await db.StreamLengthAsync(prefix + ":dead");
            var backlog = await db.StreamLengthAsync(prefix + ":stream");
            var observed = $"sent {total}, answered 200 {total - undelivered}, refused or unanswered attempts {refused} (sent again), handled {recorded}, lost {total - recorded}, ran twice {twice}, dead-lettered {dead}, left in the stream {backlog}; killed at {killedAt.TotalSeconds:0.0} s, all sent in {sent.TotalSeconds:0.0} s, all handled in {handledIn.TotalSeconds:0.0} s; reruns allowed: at most the 16 the killed instance had in hand";
            DrillContext.Expect(undelivered == 0 && recorded == total && dead == 0 && backlog == 0 && twice <= 16, observed);
            return observed;
        }
        finally
        {
            foreach (var worker in workers)
            {
                Stop(worker);
            }
        }
    }

    private static async Task<string> RetriesAsync(LocalRedis redis)
    {
        var prefix = "drill-retry-" + Guid.NewGuid().ToString("N")[..8];
        await using var server = await FeishuTestServer.StartAsync(FeishuEndpointCatalogue.All);
        using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var tries = new ConcurrentDictionary<string, int>();
        var handled = new ConcurrentQueue<string>();
        var fixedNow = 0;
        await using var app = await DurableApp(server, connection, prefix, id =>
        {
            var n = tries.AddOrUpdate(id, 1, (_, t) => t + 1);
            if ((id == "flaky" && n <= 2) || (id == "poison" && Volatile.Read(ref fixedNow) == 0))
            {
                throw new InvalidOperationException($"the handler failed (try {n})");
            }

            handled.Enqueue(id);
        });
        await server.PushEventAsync(app.Events, server.CreateEvent(FeishuEventTypes.ImMessageReceiveV1, Message, "flaky"));
        await server.PushEventAsync(app.Events, server.CreateEvent(FeishuEventTypes.ImMessageReceiveV1, Message, "poison"));
        var stream = new FeishuRedisEventStream(connection, new FeishuRedisEventStreamOptions { KeyPrefix = prefix });
        await Until(async () => handled.Contains("flaky") && (await stream.ReadDeadLettersAsync()).Count == 1, TimeSpan.FromSeconds(15));
        var letter = (await stream.ReadDeadLettersAsync()).Single();
        Volatile.Write(ref fixedNow, 1);
        var replayed = await stream.ReplayDeadLettersAsync();
        await Until(() => Task.FromResult(handled.Contains("poison")), TimeSpan.FromSeconds(15));
        var left = (await stream.ReadDeadLettersAsync()).Count;
        var observed = $"flaky: {tries["flaky"]} tries, handled; poison: dead-lettered after {letter.Attempts} tries (\"{letter.Reason}\"), replayed {replayed}, handled on try {tries["poison"]}; dead letters left {left}";
        DrillContext.Expect(tries["flaky"] == 3 && letter.EventId == "poison" && letter.Attempts == 3 && replayed == 1 && left == 0, observed);
        return observed;
    }

    private static async Task<string> RedisLostAsync(LocalRedis redis)
    {
        const int total = 300;
        var prefix = "drill-lost-" + Guid.NewGuid().ToString("N")[..8];
        var serverOptions = new FeishuTestServerOptions { EventRetryDelays = new[] { TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4) } };
        await using var server = await FeishuTestServer.StartAsync(FeishuEndpointCatalogue.All, serverOptions);
        await using var relay = new RedisRelay(redis.EndPoint);
        relay.Start();
        using var connection = await ConnectionMultiplexer.ConnectAsync(LocalRedis.ConfigurationFor(relay.Port, 1000));
        var handled = new ConcurrentDictionary<string, int>();
        await using var app = await DurableApp(server, connection, prefix, id => handled.AddOrUpdate(id, 1, (_, n) => n + 1));

        var statuses = new ConcurrentQueue<IReadOnlyList<int>>();
        var next = -1;
        var cutAt = total / 3;
        var outage = Task.Run(async () =>
        {
            while (Volatile.Read(ref next) < cutAt)
            {
                await Task.Delay(5);
            }

            relay.Cut();
            await Task.Delay(TimeSpan.FromSeconds(2));
            relay.Resume();
        });
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < total)
            {
                statuses.Enqueue((await server.PushEventAsync(app.Events, server.CreateEvent(FeishuEventTypes.ImMessageReceiveV1, Message, "lost-" + i))).Statuses);
                await Task.Delay(10);
            }
        })));
        await outage;
        await Until(() => Task.FromResult(handled.Count == total), TimeSpan.FromSeconds(30));

        var delivered = statuses.Count(s => s[^1] == 200);
        var refusedFirst = statuses.Count(s => s[0] != 200);
        var refusals = statuses.Sum(s => s.Count(c => c != 200));
        var observed = $"{total} events, {delivered} answered 200 in the end; {refusedFirst} refused at first while Redis was cut ({refusals} answers 500), brought back by Feishu's retries; handled {handled.Count}, lost {total - handled.Count}, ran twice {handled.Values.Count(v => v > 1)}";
        DrillContext.Expect(delivered == total && handled.Count == total && refusedFirst > 0, observed);
        return observed;
    }

    private static Task<WebhookApp> DurableApp(FeishuTestServer server, IConnectionMultiplexer connection, string prefix, Action<string> handler) => WebhookApp.StartAsync(
        o =>
        {
            o.VerificationToken = server.Options.VerificationToken;
            o.EncryptKey = server.Options.EncryptKey;
            o.Mode = FeishuEventHandlingMode.Durable;
        },
        events => events.OnImMessageReceiveV1((e, _) => { handler(e.Header.EventId); return Task.CompletedTask; }),
        services => services.AddFeishuRedisEventStream(_ => connection, o =>
        {
            o.KeyPrefix = prefix;
            o.MaxAttempts = 3;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(100);
            o.ClaimIdle = TimeSpan.FromSeconds(2);
            o.ClaimInterval = TimeSpan.FromMilliseconds(300);
        }));

    private static async Task<Process> StartWorkerAsync(int index, int port, string redis, string prefix, FeishuTestServerOptions options)
    {
        var worker = DurableWorker.Start(index, port, redis, prefix, options.VerificationToken, options.EncryptKey!);
        var line = await worker.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (line != "ready")
        {
            throw new DrillFailure("a worker did not start: " + line);
        }

        return worker;
    }

    private static void Stop(Process worker)
    {
        try
        {
            if (!worker.HasExited)
            {
                worker.StandardInput.WriteLine("quit");
                if (!worker.WaitForExit(15_000))
                {
                    worker.Kill();
                }
            }
        }
        catch (Exception e) when (e is InvalidOperationException or System.IO.IOException)
        {
        }

        worker.Dispose();
    }

    private static async Task Until(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new DrillFailure("not done within " + timeout.TotalSeconds + " s");
            }

            await Task.Delay(50);
        }
    }
}
