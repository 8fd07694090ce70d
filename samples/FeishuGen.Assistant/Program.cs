using System;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen;
using FeishuGen.AspNetCore;
using FeishuGen.Assistant;
using FeishuGen.Assistant.Api;
using FeishuGen.Bots;
using FeishuGen.Events;
using FeishuGen.Redis;
using FeishuGen.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// An assistant bot: answers DMs and @mentions in groups, in thread, streaming a (fake) model's answer
// into a CardKit card whose buttons update it. With FEISHU_APP_ID, FEISHU_APP_SECRET and
// FEISHU_VERIFICATION_TOKEN (and FEISHU_ENCRYPT_KEY) set it serves the real Feishu: webhook at
// /feishu/events, plus the long connection when FEISHU_LONG_CONNECTION=1. Otherwise it runs once
// against the local server, over the webhook and then the long connection. With FEISHUGEN_REDIS
// (host:port, as .ci/run sets it) events are kept in a Redis stream before they are acknowledged
// (the durable mode: a crash loses none); without it, in the in-memory queue.
Console.OutputEncoding = Encoding.UTF8;
var appId = Environment.GetEnvironmentVariable("FEISHU_APP_ID");
if (!string.IsNullOrEmpty(appId))
{
    var real = Assistant(appId, Environment.GetEnvironmentVariable("FEISHU_APP_SECRET")!, new Uri(Environment.GetEnvironmentVariable("FEISHU_BASE_ADDRESS") ?? "https://open.feishu.cn"),
        Environment.GetEnvironmentVariable("FEISHU_VERIFICATION_TOKEN") ?? string.Empty, Environment.GetEnvironmentVariable("FEISHU_ENCRYPT_KEY"),
        longConnection: Environment.GetEnvironmentVariable("FEISHU_LONG_CONNECTION") == "1", listen: null);
    await real.RunAsync();
    return 0;
}

await using var server = await FeishuTestServer.StartAsync(FeishuBot.Endpoints.Concat(FeishuEndpointCatalogue.All), new FeishuTestServerOptions { SimulateMessaging = true });
var failures = 0;
Console.WriteLine(string.IsNullOrEmpty(Environment.GetEnvironmentVariable("FEISHUGEN_REDIS"))
    ? "events: acknowledged, then handled from the in-memory queue (set FEISHUGEN_REDIS for the durable mode)"
    : "events: stored in a Redis stream before they are acknowledged (the durable mode)");
foreach (var transport in new[] { "webhook", "long connection" })
{
    var longConnection = transport == "long connection";
    await using var app = Assistant(server.Options.AppId, server.Options.AppSecret, server.BaseAddress, server.Options.VerificationToken, server.Options.EncryptKey, longConnection, IPAddress.Loopback);
    await app.StartAsync();
    var assistant = app.Services.GetRequiredService<AssistantBot>();
    var webhook = longConnection ? null : new Uri(app.Urls.Single() + "/feishu/events");
    // Pushes an event as Feishu does; returns the answer's body (a callback's reply), or null when the ack carried none.
    async Task<JsonNode?> Push(string envelope)
    {
        if (longConnection)
        {
            var ack = await server.SendOverLongConnectionAsync(envelope);
            // The hub has already decoded the ack's base64 data: the callback's reply, as the real service reads it.
            return ack.Data is null ? null : JsonNode.Parse(ack.Data);
        }

        return JsonNode.Parse((await server.PushEventAsync(webhook!, envelope)).LastBody);
    }

    foreach (var (chat, chatType, mention) in new[] { ("oc_assistant_dm_" + (longConnection ? 2 : 1), "p2p", false), ("oc_assistant_group_" + (longConnection ? 2 : 1), "group", true) })
    {
        var prompt = chatType == "p2p" ? "介绍一下流式卡片" : "它守哪些限制？";
        var (asked, envelope) = server.Messenger.UserSends(new LocalUserMessage { ChatId = chat, ChatType = chatType, Text = prompt, MentionsBot = mention });
        await Push(envelope);
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var result = await assistant.Answered.Reader.ReadAsync(wait.Token);
        var shown = server.Messenger.ElementText(result.CardId!, "answer");
        var card = server.Messenger.Messages.Single(m => m.MessageId == result.MessageId);
        var ops = server.Messenger.CardOperations.Where(o => o.CardId == result.CardId).ToList();
        Console.WriteLine($"[{transport}] {chatType} \"{prompt}\" → card {result.CardId} replying to {card.ParentId}{(card.ThreadId is null ? string.Empty : " in thread " + card.ThreadId)}: {result.Updates} updates ({result.Chunks} chunks, sequences {ops.Where(o => o.Sequence > 0).Min(o => o.Sequence)}..{ops.Max(o => o.Sequence)}, at most {server.Messenger.MaxOperationsWithin(TimeSpan.FromSeconds(1), result.CardId)} a second), {result.Delivery}, streaming {(server.Messenger.IsStreaming(result.CardId!) ? "open" : "closed")}");
        Console.WriteLine($"[{transport}] final text: {shown?.ReplaceLineEndings(" / ")}");
        var expected = FakeModel.Answer(prompt);
        if (shown != expected || result.FinalText != expected || result.Updates < 2 || card.ParentId != asked.MessageId || (chatType == "group" && card.ThreadId is null) || server.Messenger.IsStreaming(result.CardId!))
        {
            Console.WriteLine($"[{transport}] expected the card to show the whole answer, streamed, replying to the message (in thread in the group), with streaming closed");
            failures++;
        }

        // The card's "helpful" button: its action updates the card.
        var action = server.CreateEvent("card.action.trigger", new JsonObject
        {
            ["operator"] = new JsonObject { ["open_id"] = "ou_local_user" },
            ["action"] = new JsonObject { ["tag"] = "button", ["value"] = new JsonObject { ["action"] = "helpful" } },
            ["context"] = new JsonObject { ["open_message_id"] = result.MessageId, ["open_chat_id"] = chat },
        }.ToJsonString());
        var answered = await Push(action);
        var updated = answered?["card"]?["data"]?["body"]?["elements"]?.AsArray().LastOrDefault()?["content"]?.GetValue<string>();
        Console.WriteLine($"[{transport}] 👍 → {(answered is null ? "no reply to the card action" : $"toast \"{answered["toast"]?["content"]}\", the card now ends \"{updated}\"")}");
        if (updated?.Contains("觉得有帮助", StringComparison.Ordinal) != true)
        {
            Console.WriteLine($"[{transport}] expected the button's action to update the card");
            failures++;
        }
    }

    await app.StopAsync();
}

return failures == 0 ? 0 : 1;

static WebApplication Assistant(string appId, string appSecret, Uri baseAddress, string verificationToken, string? encryptKey, bool longConnection, IPAddress? listen)
{
    var redis = Environment.GetEnvironmentVariable("FEISHUGEN_REDIS");
    var builder = WebApplication.CreateSlimBuilder();
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    if (listen is not null)
    {
        builder.WebHost.UseKestrel(k => k.Listen(listen, 0));
    }

    builder.Services.AddFeishu(o => { o.AppId = appId; o.AppSecret = appSecret; o.BaseAddress = baseAddress; });
    builder.Services.AddFeishuApi();
    builder.Services.AddSingleton<FakeModel>();
    builder.Services.AddSingleton<AssistantBot>();
    builder.Services.AddFeishuBot(
        events =>
        {
            events.VerificationToken = verificationToken;
            events.EncryptKey = encryptKey;
            // Answers take longer than Feishu's 3 s: acknowledge first, handle after.
            events.Mode = string.IsNullOrEmpty(redis) ? FeishuEventHandlingMode.Queued : FeishuEventHandlingMode.Durable;
        },
        (bot, sp) => sp.GetRequiredService<AssistantBot>().Register(bot),
        options => options.UrlFetch.AllowLoopback = listen is not null);
    if (!string.IsNullOrEmpty(redis))
    {
        builder.Services.AddFeishuRedisEventStream(redis, o => o.KeyPrefix = "assistant:" + RunId.Value + (longConnection ? ":socket" : ":webhook") + ":{events}");
    }

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

/// <summary>This run's own key prefix in a shared Redis: a run never sees another's events as repeats.</summary>
internal static class RunId
{
    public static readonly string Value = Guid.NewGuid().ToString("N")[..12];
}
