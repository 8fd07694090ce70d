using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.AotSmoke.Api;
using FeishuGen.AspNetCore;
using FeishuGen.Events;
using FeishuGen.LongConnection;
using FeishuGen.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FeishuGen.AotSmoke;

/// <summary>Events under NativeAOT: a webhook (ASP.NET Core, encrypted and signed) and the long connection (protobuf frames), to a generated typed handler.</summary>
internal static class EventSmoke
{
    public static async Task<string> RunAsync(FeishuTestServer server)
    {
        var seen = new ConcurrentQueue<string>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddFeishuEvents(
            o => { o.VerificationToken = server.Options.VerificationToken; o.EncryptKey = server.Options.EncryptKey; },
            (events, _) => events.OnImMessageReceiveV1((e, _) => { seen.Enqueue(e.Event.Message?.MessageId ?? "?"); return Task.CompletedTask; }));
        await using var app = builder.Build();
        app.MapFeishuWebhook("/feishu/events");
        await app.StartAsync();

        const string body = """{"message":{"message_id":"om_aot_webhook","chat_id":"oc_1"}}""";
        await server.PushEventAsync(new Uri(app.Urls.Single() + "/feishu/events"), server.CreateEvent(FeishuEventTypes.ImMessageReceiveV1, body));

        using var stop = new CancellationTokenSource();
        var connection = new FeishuLongConnection(server.CreateClientOptions(), app.Services.GetRequiredService<FeishuEventDispatcher>());
        var running = connection.RunAsync(stop.Token);
        await server.SendOverLongConnectionAsync(server.CreateEvent(FeishuEventTypes.ImMessageReceiveV1, body.Replace("om_aot_webhook", "om_aot_socket")));
        stop.Cancel();
        await running;
        await app.StopAsync();
        return "webhook " + string.Join(", long connection ", seen);
    }
}
