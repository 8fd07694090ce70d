using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using FeishuGen.Drill.Api;
using FeishuGen.Drill.Api.Im.V1;
using FeishuGen.Testing;
using FeishuGen.Tokens;
using FeishuGen.TestSupport;
using Microsoft.Extensions.Caching.StackExchangeRedis;

namespace FeishuGen.Drill;

/// <summary>One app instance of the multi-instance drill: a separate process with its own client, sharing tokens through Redis.</summary>
internal sealed class Worker : IDisposable
{
    public const int RefreshMarginSeconds = 4;

    private readonly Process _process;

    private Worker(Process process) => _process = process;

    public static Worker Start(FeishuTestServer server, int redisPort, string keyPrefix)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (System.IO.Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(Worker).Assembly.Location);
        }

        foreach (var argument in new[] { "worker", server.BaseAddress.ToString(), server.Options.AppId, server.Options.AppSecret, redisPort.ToString(System.Globalization.CultureInfo.InvariantCulture), keyPrefix })
        {
            start.ArgumentList.Add(argument);
        }

        return new Worker(Process.Start(start)!);
    }

    public async Task ReadyAsync()
    {
        var line = await _process.StandardOutput.ReadLineAsync();
        if (line != "ready")
        {
            throw new InvalidOperationException("worker did not start: " + line);
        }
    }

    public async Task<(int Failed, long Fetches, bool SharedDown, string[] Errors)> RunAsync(int calls)
    {
        await _process.StandardInput.WriteLineAsync("run " + calls);
        await _process.StandardInput.FlushAsync();
        var parts = (await _process.StandardOutput.ReadLineAsync())!.Split('\t');
        return (int.Parse(parts[1]), long.Parse(parts[2]), parts[3] == "True", parts.Skip(4).ToArray());
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }

    /// <summary>The worker's side: reads "run N" lines, answers "done, failed, token requests, shared cache down, errors".</summary>
    public static async Task<int> ServeAsync(string[] args)
    {
        var redis = new RedisCache(new RedisCacheOptions { Configuration = LocalRedis.ConfigurationFor(int.Parse(args[4]), 1000), InstanceName = args[5] });
        var cache = new DistributedFeishuTokenCache(redis) { OutageBackoff = TimeSpan.FromSeconds(60) };
        var options = new FeishuClientOptions { BaseAddress = new Uri(args[1]), AppId = args[2], AppSecret = args[3], TokenRefreshMargin = TimeSpan.FromSeconds(RefreshMarginSeconds) };
        using var client = new FeishuClient(options, tokenCache: cache);
        var api = new FeishuApi(client);

        // Connect to Redis before the first phase, so connection set-up does not skew who fetches.
        await redis.GetAsync("warm-up");
        Console.WriteLine("ready");
        while (Console.ReadLine() is { } command && command.StartsWith("run ", StringComparison.Ordinal))
        {
            var calls = int.Parse(command.AsSpan(4));
            var errors = await Task.WhenAll(Enumerable.Range(0, calls).Select(async _ =>
            {
                try
                {
                    await api.Im.V1.Chat.ListAsync(new ListChatRequest());
                    return null;
                }
                catch (Exception e)
                {
                    return e.GetType().Name + ": " + e.Message.ReplaceLineEndings(" ");
                }
            }));
            var failures = errors.Where(e => e is not null).Select(e => e!).ToList();
            Console.WriteLine(string.Join('\t', new[] { "done", failures.Count.ToString(), client.TokenFetchCount.ToString(), cache.IsSharedCacheDown.ToString() }.Concat(failures.Distinct().Take(3))));
        }

        return 0;
    }
}
