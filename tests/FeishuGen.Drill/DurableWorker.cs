using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Tasks;
using FeishuGen.Drill.Api;
using FeishuGen.Events;
using FeishuGen.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace FeishuGen.Drill;

/// <summary>
/// One app instance of the crash drill, as a separate process: a webhook in the durable mode on a
/// fixed port, consuming the shared stream as "worker-N", with a handler that records event ids
/// idempotently in Redis (a set of ids, and a count of runs per id).
/// </summary>
internal static class DurableWorker
{
    public static Process Start(int index, int port, string redis, string prefix, string verificationToken, string encryptKey)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (System.IO.Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(DurableWorker).Assembly.Location);
        }

        foreach (var argument in new[] { "durable-worker", index.ToString(CultureInfo.InvariantCulture), port.ToString(CultureInfo.InvariantCulture), redis, prefix, verificationToken, encryptKey })
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }

    /// <summary>The worker's side: serves until a "quit" line (a clean stop) or SIGKILL.</summary>
    public static async Task<int> ServeAsync(string[] args)
    {
        var (index, port, redis, prefix, token, key) = (args[1], int.Parse(args[2], CultureInfo.InvariantCulture), args[3], args[4], args[5], args[6]);
        var connection = await ConnectionMultiplexer.ConnectAsync(redis);
        var db = connection.GetDatabase();
        await using var app = await WebhookApp.StartAsync(
            o =>
            {
                o.VerificationToken = token;
                o.EncryptKey = key;
                o.Mode = FeishuEventHandlingMode.Durable;
            },
            events => events.OnImMessageReceiveV1(async (e, _) =>
            {
                await db.SetAddAsync(prefix + ":recorded", e.Header.EventId);
                await db.HashIncrementAsync(prefix + ":runs", e.Header.EventId);
            }),
            services => services.AddFeishuRedisEventStream(_ => connection, o =>
            {
                o.KeyPrefix = prefix;
                o.ConsumerName = "worker-" + index;
                o.Concurrency = 16;
                o.ClaimIdle = TimeSpan.FromSeconds(3);
                o.ClaimInterval = TimeSpan.FromMilliseconds(500);
            }),
            port: port);
        Console.WriteLine("ready");
        while (Console.ReadLine() is { } line && line != "quit")
        {
        }

        return 0;
    }
}
