using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Benchmarks.Api;
using FeishuGen.Events;
using FeishuGen.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace FeishuGen.Benchmarks;

/// <summary>
/// Webhook throughput in one run (<c>-- --webhook-throughput</c>): the same encrypted, signed
/// deliveries, sent by 32 senders over loopback HTTP, to FeishuGen's webhook inline, queued in
/// memory and durable (Redis Streams), and to the official Lark Node SDK's adapter. A round is the
/// time until every delivery is answered 200; each target gets a warm-up round and then its best of
/// the measured rounds. Exits non-zero when the durable mode keeps less than half the inline figure.
/// A dedicated mode rather than BenchmarkDotNet: the unit is a whole round of thousands of requests
/// against real servers (one of them another runtime), not a method call.
/// </summary>
internal static class WebhookThroughput
{
    private const int Senders = 32;
    private const string Token = "v-bench-token";
    private const string Key = "bench-encrypt-key";
    private const string Message = """{"sender":{"sender_id":{"open_id":"ou_bench"},"sender_type":"user"},"message":{"message_id":"om_bench","chat_id":"oc_bench","chat_type":"p2p","message_type":"text","content":"{\"text\":\"bench\"}"}}""";

    public static async Task<int> RunAsync(bool ci)
    {
        var perRound = ci ? 4_000 : 10_000;
        var rounds = ci ? 2 : 3;
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10), MaxConnectionsPerServer = Senders });
        await using var redis = await LocalRedis.StartAsync();
        using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var results = new List<(string Target, double PerSecond, string Note)>();

        foreach (var mode in new[] { FeishuEventHandlingMode.Inline, FeishuEventHandlingMode.Queued, FeishuEventHandlingMode.Durable })
        {
            var handled = 0L;
            var prefix = "bench-" + Guid.NewGuid().ToString("N")[..8];
            await using var app = await WebhookApp.StartAsync(
                o =>
                {
                    o.VerificationToken = Token;
                    o.EncryptKey = Key;
                    o.Mode = mode;
                    o.QueueCapacity = 65_536;
                },
                events => events.OnImMessageReceiveV1((_, _) => { Interlocked.Increment(ref handled); return Task.CompletedTask; }),
                mode == FeishuEventHandlingMode.Durable ? services => services.AddFeishuRedisEventStream(_ => connection, o => { o.KeyPrefix = prefix; o.Concurrency = 32; }) : null);
            var best = await BestAsync(http, app.Events, perRound, rounds, mode.ToString());
            var expected = (long)perRound * (rounds + 1);
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (Interlocked.Read(ref handled) < expected && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }

            results.Add(("FeishuGen " + mode.ToString().ToLowerInvariant(), best, $"handled {Interlocked.Read(ref handled)} of {expected}"));
        }

        var node = FindNodeFolder();
        if (node is not null)
        {
            using var process = NodeProcess.Start(node, "http://127.0.0.1:1", "cli_a1b2c3d4e5f60718", "unused", Token, Key, "bench");
            var port = int.Parse((await process.WaitForAsync("webhook ", TimeSpan.FromSeconds(20))).Split(' ')[1], CultureInfo.InvariantCulture);
            var best = await BestAsync(http, new Uri($"http://127.0.0.1:{port}/webhook/event"), perRound, rounds, "node");
            process.Send("count");
            var count = (await process.WaitForAsync("count ", TimeSpan.FromSeconds(10))).Split(' ')[1];
            results.Add(("official Node SDK adapter (@larksuiteoapi/node-sdk)", best, $"handled {count}"));
        }
        else if (ci)
        {
            Console.Error.WriteLine("tests/NodeConformance has no installed SDK: run `npm ci --prefix tests/NodeConformance`");
            return 1;
        }

        var inline = results[0].PerSecond;
        Console.WriteLine();
        Console.WriteLine($"| webhook target ({Senders} senders, {perRound} encrypted, signed deliveries per round, best of {rounds}) | events/s | ratio to inline | |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var (target, perSecond, note) in results)
        {
            Console.WriteLine($"| {target} | {perSecond:0} | {perSecond / inline:0.00}× | {note} |");
        }

        var durable = results[2].PerSecond / inline;
        var ok = durable >= 0.5;
        Console.WriteLine(ok ? $"webhook throughput: durable keeps {durable:0.00}× of inline (bound ≥ 0.50×)" : $"webhook throughput: FAILED, durable keeps {durable:0.00}× of inline (bound ≥ 0.50×)");
        return ok ? 0 : 1;
    }

    // A warm-up round, then the best of the measured rounds; each round has its own event ids.
    private static async Task<double> BestAsync(HttpClient http, Uri target, int perRound, int rounds, string tag)
    {
        var best = 0.0;
        for (var round = 0; round <= rounds; round++)
        {
            var deliveries = Deliveries(perRound, tag + "-" + round);
            var watch = Stopwatch.StartNew();
            await SendAsync(http, target, deliveries);
            var perSecond = perRound / watch.Elapsed.TotalSeconds;
            if (round > 0)
            {
                best = Math.Max(best, perSecond);
            }
        }

        return best;
    }

    private static async Task SendAsync(HttpClient http, Uri target, IReadOnlyList<(byte[] Body, string Timestamp, string Nonce, string Signature)> deliveries)
    {
        var next = -1;
        var failed = 0;
        await Task.WhenAll(Enumerable.Range(0, Senders).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < deliveries.Count)
            {
                var (body, timestamp, nonce, signature) = deliveries[i];
                using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent(body) };
                request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
                request.Headers.TryAddWithoutValidation("X-Lark-Request-Timestamp", timestamp);
                request.Headers.TryAddWithoutValidation("X-Lark-Request-Nonce", nonce);
                request.Headers.TryAddWithoutValidation("X-Lark-Signature", signature);
                using var response = await http.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                if ((int)response.StatusCode != 200)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        })));
        if (failed > 0)
        {
            throw new InvalidOperationException($"{failed} deliveries to {target} were not answered 200");
        }
    }

    // Built before the clock starts: the encryption and signing are Feishu's cost, not the receiver's.
    private static List<(byte[], string, string, string)> Deliveries(int count, string tag)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var list = new List<(byte[], string, string, string)>(count);
        for (var i = 0; i < count; i++)
        {
            var envelope = "{\"schema\":\"2.0\",\"header\":{\"event_id\":\"" + tag + "-" + i + "\",\"event_type\":\"im.message.receive_v1\",\"create_time\":\"1700000000000\",\"token\":\"" + Token + "\",\"app_id\":\"cli_a1b2c3d4e5f60718\",\"tenant_key\":\"bench\"},\"event\":" + Message + "}";
            var body = Encoding.UTF8.GetBytes("{\"encrypt\":\"" + FeishuEventCrypto.Encrypt(Key, Encoding.UTF8.GetBytes(envelope)) + "\"}");
            var nonce = Guid.NewGuid().ToString("N");
            list.Add((body, timestamp, nonce, FeishuEventCrypto.Signature(timestamp, nonce, Key, body)));
        }

        return list;
    }

    private static string? FindNodeFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "NodeConformance");
            if (File.Exists(Path.Combine(dir.FullName, "FeishuGen.sln")))
            {
                return Directory.Exists(Path.Combine(candidate, "node_modules", "@larksuiteoapi")) ? candidate : null;
            }
        }

        return null;
    }
}
