using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using FeishuGen.Bots;
using FeishuGen.LongConnection;
using FeishuGen.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit;

namespace FeishuGen.Tests.Bots;

/// <summary>The bot follows the long connection's lifecycle when both are registered, whichever comes first.</summary>
public sealed class ConnectionStateTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_bot_registered_with_the_long_connection_sees_it_connect_and_reconnect(bool botFirst)
    {
        await using var server = await FeishuTestServer.StartAsync(FeishuBot.Endpoints, new FeishuTestServerOptions
        {
            LongConnectionConfig = new ClientConfig { ReconnectCount = -1, ReconnectInterval = 0, ReconnectNonce = 0, PingInterval = 60 },
        });
        var changes = new ConcurrentQueue<FeishuLongConnectionStateChangedEventArgs>();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddFeishu(o => { o.AppId = server.Options.AppId; o.AppSecret = server.Options.AppSecret; o.BaseAddress = server.BaseAddress; });
        void Bot() => builder.Services.AddFeishuBot(_ => { }, (bot, _) => bot.OnConnectionChanged(change =>
        {
            changes.Enqueue(change);
            return Task.CompletedTask;
        }));
        if (botFirst)
        {
            Bot();
            builder.Services.AddFeishuLongConnection();
        }
        else
        {
            builder.Services.AddFeishuLongConnection();
            Bot();
        }

        using var host = builder.Build();
        await host.StartAsync();
        await Until(() => changes.Any(c => c.Current == FeishuLongConnectionState.Connected));
        server.DropLongConnections();
        await Until(() => changes.Any(c => c.Current == FeishuLongConnectionState.Connected && c.Connections == 2));
        await host.StopAsync();
        await Until(() => changes.Any(c => c.Current == FeishuLongConnectionState.Stopped));

        Assert.Contains(changes, c => c.Current == FeishuLongConnectionState.Reconnecting && c.Previous == FeishuLongConnectionState.Connected);
    }

    private static async Task Until(Func<bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), "timed out");
            await Task.Delay(20);
        }
    }
}
