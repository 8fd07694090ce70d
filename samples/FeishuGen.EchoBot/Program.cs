using System;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using FeishuGen;
using FeishuGen.AspNetCore;
using FeishuGen.EchoBot;
using FeishuGen.EchoBot.Api;
using FeishuGen.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// An echo bot: answers im.message.receive_v1 by calling im.v1.message.create, both generated from
// specs/. With FEISHU_APP_ID, FEISHU_APP_SECRET and FEISHU_VERIFICATION_TOKEN (and FEISHU_ENCRYPT_KEY)
// set it serves the real Feishu: webhook at /feishu/events, plus the long connection when
// FEISHU_LONG_CONNECTION=1. Otherwise it runs once against the local server, over both transports.
Console.OutputEncoding = Encoding.UTF8;
var appId = Environment.GetEnvironmentVariable("FEISHU_APP_ID");
if (!string.IsNullOrEmpty(appId))
{
    var real = Bot(Environment.GetEnvironmentVariable("FEISHU_APP_SECRET")!, appId, new Uri(Environment.GetEnvironmentVariable("FEISHU_BASE_ADDRESS") ?? "https://open.feishu.cn"),
        Environment.GetEnvironmentVariable("FEISHU_VERIFICATION_TOKEN") ?? string.Empty, Environment.GetEnvironmentVariable("FEISHU_ENCRYPT_KEY"),
        longConnection: Environment.GetEnvironmentVariable("FEISHU_LONG_CONNECTION") == "1", listen: null);
    await real.RunAsync();
    return 0;
}

await using var server = await FeishuTestServer.StartAsync(FeishuEndpointCatalogue.All);
foreach (var transport in new[] { "webhook", "long connection" })
{
    var longConnection = transport == "long connection";
    await using var app = Bot(server.Options.AppSecret, server.Options.AppId, server.BaseAddress, server.Options.VerificationToken, server.Options.EncryptKey, longConnection, listen: IPAddress.Loopback);
    await app.StartAsync();
    var said = "你好 over the " + transport;
    var envelope = server.CreateEvent(FeishuEventTypes.ImMessageReceiveV1, JsonSerializer.Serialize(new
    {
        sender = new { sender_id = new { open_id = "ou_local_user" }, sender_type = "user" },
        message = new { message_id = "om_local", chat_id = "oc_local_chat", chat_type = "p2p", message_type = "text", content = JsonSerializer.Serialize(new { text = said }) },
    }));
    var answered = longConnection
        ? $"ack code {(await server.SendOverLongConnectionAsync(envelope)).Code}"
        : $"HTTP {string.Join(", ", (await server.PushEventAsync(new Uri(app.Urls.Single() + "/feishu/events"), envelope)).Statuses)}";

    var reply = server.ApiRequests.LastOrDefault(r => r.Path == "/open-apis/im/v1/messages");
    var sent = reply is null ? null : JsonDocument.Parse(JsonDocument.Parse(reply.Body).RootElement.GetProperty("content").GetString()!).RootElement.GetProperty("text").GetString();
    Console.WriteLine($"[{transport}] user said \"{said}\" → Feishu answered {answered}; the bot sent \"{sent}\" to {reply?.QueryString}");
    await app.StopAsync();
    if (sent != "echo: " + said)
    {
        Console.WriteLine($"[{transport}] expected the bot to send \"echo: {said}\"");
        return 1;
    }
}

return 0;

static WebApplication Bot(string appSecret, string appId, Uri baseAddress, string verificationToken, string? encryptKey, bool longConnection, IPAddress? listen)
{
    var builder = WebApplication.CreateSlimBuilder();
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    if (listen is not null)
    {
        builder.WebHost.UseKestrel(k => k.Listen(listen, 0));
    }

    builder.Services.AddFeishu(o => { o.AppId = appId; o.AppSecret = appSecret; o.BaseAddress = baseAddress; });
    builder.Services.AddFeishuApi();
    builder.Services.AddSingleton<EchoHandler>();
    builder.Services.AddFeishuEvents(
        o => { o.VerificationToken = verificationToken; o.EncryptKey = encryptKey; },
        (events, sp) => events.OnImMessageReceiveV1(sp.GetRequiredService<EchoHandler>().HandleAsync));
    if (longConnection)
    {
        builder.Services.AddFeishuLongConnection();
    }

    var app = builder.Build();
    if (!longConnection || !string.IsNullOrEmpty(verificationToken))
    {
        app.MapFeishuWebhook("/feishu/events");
    }

    return app;
}
