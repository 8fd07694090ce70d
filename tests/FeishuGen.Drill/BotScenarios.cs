using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Bots;
using FeishuGen.Events;
using FeishuGen.Testing;
using FeishuGen.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using static FeishuGen.Drill.DrillContext;

namespace FeishuGen.Drill;

/// <summary>
/// The bot layer under faults, against the local server playing messaging and CardKit: streams
/// measured as the server saw them, error storms, Feishu closing streaming, redeliveries over both
/// transports, a dropped socket, ordering under load, and URLs that point inside.
/// </summary>
internal static class BotScenarios
{
    public static IEnumerable<Scenario> All()
    {
        yield return new("bot: 500 chunks streamed into one card", "in order, sequences rising, at most 10 calls a second on the card as the server measured, closed", _ => WithBot(null, null, async (server, bot, _) =>
        {
            var result = await bot.StreamAsync(BotTarget.Chat("oc_drill"), Tokens(500, 4));
            var ops = server.Messenger.CardOperations.Where(o => o.CardId == result.CardId).ToList();
            var sequences = ops.Where(o => o.Kind != "create").Select(o => o.Sequence).ToList();
            var max = server.Messenger.MaxOperationsWithin(TimeSpan.FromSeconds(1), result.CardId);
            Expect(result.FinalText == Expected(500) && server.Messenger.ElementText(result.CardId!, "answer") == Expected(500)
                && sequences.SequenceEqual(sequences.OrderBy(s => s).Distinct()) && ops.All(o => o.Code == 0) && max <= 10 && !server.Messenger.IsStreaming(result.CardId!),
                $"{result.Updates} updates, max {max}/s, codes {string.Join(",", ops.Select(o => o.Code).Distinct())}");
            return $"{result.Updates} element updates for 500 chunks, sequences 1..{sequences.Max()}, max {max} calls in any second, closed";
        }));

        yield return new("bot: 20 streams at once", "all complete; at most 50 CardKit calls a second for the app together, 10 per card; no 99991400", _ => WithBot(null, null, async (server, bot, _) =>
        {
            var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => bot.StreamAsync(BotTarget.Chat("oc_many_" + i), Tokens(150, 3, "s" + i))));
            var app = server.Messenger.MaxOperationsWithin(TimeSpan.FromSeconds(1));
            var card = results.Max(r => server.Messenger.MaxOperationsWithin(TimeSpan.FromSeconds(1), r.CardId));
            var limited = server.Messenger.CardOperations.Count(o => o.Code == 99991400);
            Expect(results.Select((r, i) => server.Messenger.ElementText(r.CardId!, "answer") == Expected(150, "s" + i)).All(ok => ok) && app <= 50 && card <= 10 && limited == 0, $"app {app}/s, card {card}/s, {limited} rate-limited");
            return $"{results.Sum(r => r.Updates)} updates, max {app}/s for the app, {card}/s for a card, none rate-limited";
        }));

        yield return new("bot: CardKit refuses every element update", "the final text still arrives (a full card update), streaming closed", _ => WithBot(null, null, async (server, bot, _) =>
        {
            for (var i = 0; i < 100; i++)
            {
                server.Enqueue(ScriptedReply.Error(400, 300315, "Failed to update element"), r => r.Path.EndsWith("/content", StringComparison.Ordinal));
            }

            var result = await bot.StreamAsync(BotTarget.Chat("oc_storm"), Tokens(80, 2));
            Expect(result.Delivery == BotStreamDelivery.CardUpdated && server.Messenger.ElementText(result.CardId!, "answer") == Expected(80) && !server.Messenger.IsStreaming(result.CardId!), $"{result.Delivery}, {result.FailedUpdates} failed");
            return $"{result.FailedUpdates} updates refused; delivered by {result.Delivery}";
        }));

        yield return new("bot: Feishu closes streaming mid-answer", "the bot opens it again (300309 seen) and completes the answer", _ => WithBot(o => o.CardStreamingLifetime = TimeSpan.FromMilliseconds(600), null, async (server, bot, _) =>
        {
            var result = await bot.StreamAsync(BotTarget.Chat("oc_closed"), Tokens(80, 25));
            var closed = server.Messenger.CardOperations.Count(o => o.CardId == result.CardId && o.Code == 300309);
            Expect(server.Messenger.ElementText(result.CardId!, "answer") == Expected(80) && closed > 0 && result.Renewals > 0, $"{closed} refusals, {result.Renewals} renewals");
            return $"{closed} updates refused as closed, streaming opened again {result.Renewals} times, answer complete";
        }));

        yield return new("bot: handler fails after replying, webhook redelivery", "500 then 200; one reply in the chat (the repeat carried the same uuid)", _ => WithBot(null, null, async (server, bot, app) =>
        {
            var runs = 0;
            bot.OnMessage(async (m, ct) =>
            {
                await m.ReplyAsync(Content.Text("收到"), ct);
                if (Interlocked.Increment(ref runs) == 1)
                {
                    throw new InvalidOperationException("fails after replying");
                }
            });
            await app();
            var (asked, envelope) = server.Messenger.UserSends(new LocalUserMessage { ChatId = "oc_redeliver", Text = "hi" });
            var delivery = await server.PushEventAsync(Webhook!.Events, envelope);
            Expect(delivery.Statuses.SequenceEqual(new[] { 500, 200 }) && runs == 2 && server.Messenger.BotMessagesIn(asked.ChatId).Count == 1, $"statuses {string.Join(",", delivery.Statuses)}, runs {runs}, replies {server.Messenger.BotMessagesIn(asked.ChatId).Count}");
            return $"statuses 500, 200; handled twice; {server.Messenger.SuppressedDuplicates} repeat send answered with the first message";
        }));

        yield return new("bot: long connection drops right after sending a message", "sent again on the next socket; handled once; one reply", _ => WithBot(null, null, async (server, bot, _) =>
        {
            var runs = 0;
            bot.OnMessage(async (m, ct) => { Interlocked.Increment(ref runs); await m.ReplyAsync(Content.Text("收到"), ct); });
            using var host = LongConnectionHost(server, bot);
            await host.StartAsync();
            var (asked, envelope) = server.Messenger.UserSends(new LocalUserMessage { ChatId = "oc_socket", Text = "hi" });
            var ack = await server.SendOverLongConnectionAsync(envelope, dropSocketAfterSend: true);
            await WaitAsync(() => server.Messenger.BotMessagesIn(asked.ChatId).Count >= 1);
            await host.StopAsync();
            Expect(ack.Code == 200 && runs == 1 && server.Messenger.BotMessagesIn(asked.ChatId).Count == 1, $"ack {ack.Code} after {ack.Sends} sends, runs {runs}");
            return $"ack 200 after {ack.Sends} sends on {server.LongConnections} sockets; handled once, one reply";
        }));

        yield return new("bot: 100 messages across 10 chats", "each chat's messages handled in order, one at a time; chats in parallel", _ => WithBot(null, o => o.Acknowledge = BotAcknowledgement.OnAdmission, async (server, bot, app) =>
        {
            var order = new ConcurrentDictionary<string, ConcurrentQueue<int>>();
            var running = 0;
            var peak = 0;
            bot.OnMessage(async (m, ct) =>
            {
                var now = Interlocked.Increment(ref running);
                InterlockedMax(ref peak, now);
                await Task.Delay(Random.Shared.Next(1, 8), ct);
                order.GetOrAdd(m.ChatId, _ => new ConcurrentQueue<int>()).Enqueue(int.Parse(m.Text, System.Globalization.CultureInfo.InvariantCulture));
                Interlocked.Decrement(ref running);
            });
            await app();
            await Task.WhenAll(Enumerable.Range(0, 10).Select(async chat =>
            {
                for (var i = 0; i < 10; i++)
                {
                    await server.PushEventAsync(Webhook!.Events, server.Messenger.UserSends(new LocalUserMessage { ChatId = "oc_lane_" + chat, Text = i.ToString(System.Globalization.CultureInfo.InvariantCulture) }).Envelope);
                }
            }));
            await WaitAsync(() => order.Values.Sum(q => q.Count) >= 100);
            var inOrder = order.Values.All(q => q.SequenceEqual(Enumerable.Range(0, 10)));
            Expect(order.Count == 10 && inOrder && peak > 1, $"{order.Count} chats, in order {inOrder}, peak {peak}");
            return $"10 chats × 10 messages, each chat in order, up to {peak} chats at once";
        }));

        yield return new("bot: image URL redirecting to the metadata address", "refused at the redirect, before any connection to 169.254.169.254", _ => WithBot(null, o => o.UrlFetch.AllowLoopback = true, async (server, bot, _) =>
        {
            var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            Microsoft.AspNetCore.Hosting.WebHostBuilderKestrelExtensions.UseKestrel(builder.WebHost, k => k.Listen(System.Net.IPAddress.Loopback, 0));
            await using var site = builder.Build();
            Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapGet(site, "/logo.png", () => Microsoft.AspNetCore.Http.Results.Redirect("http://169.254.169.254/latest/meta-data/"));
            await site.StartAsync();
            try
            {
                await bot.UploadImageFromUrlAsync(new Uri(site.Urls.Single() + "/logo.png"));
                throw new DrillFailure("fetched the metadata address");
            }
            catch (BotUrlRefusedException e)
            {
                return e.Message.Contains("link-local", StringComparison.Ordinal) && e.Message.Contains("redirect", StringComparison.Ordinal) ? "refused: a link-local address, reached by redirect" : throw new DrillFailure(e.Message);
            }
        }));
    }

    // The scenarios run one after the other: the current one's webhook app.
    private static WebhookApp? _webhook;

    private static WebhookApp? Webhook => _webhook;

    // A fresh server with messaging on, and a bot over it; `app()` attaches the bot to a webhook app (after its handlers are registered).
    private static async Task<string> WithBot(Action<FeishuTestServerOptions>? server, Action<FeishuBotOptions>? bot, Func<FeishuTestServer, FeishuBot, Func<Task>, Task<string>> run)
    {
        var options = new FeishuTestServerOptions { SimulateMessaging = true, EventRetryDelays = new[] { TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(200) } };
        server?.Invoke(options);
        await using var local = await FeishuTestServer.StartAsync(FeishuBot.Endpoints, options);
        var botOptions = new FeishuBotOptions();
        bot?.Invoke(botOptions);
        using var client = new FeishuClient(local.CreateClientOptions());
        using var created = new FeishuBot(client, botOptions);
        WebhookApp? app = null;
        try
        {
            return await run(local, created, async () =>
            {
                app = await WebhookApp.StartAsync(o => { o.VerificationToken = local.Options.VerificationToken; o.EncryptKey = local.Options.EncryptKey; }, d => created.Attach(d));
                _webhook = app;
            });
        }
        finally
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }
        }
    }

    private static IHost LongConnectionHost(FeishuTestServer server, FeishuBot bot)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddFeishu(o => { o.AppId = server.Options.AppId; o.AppSecret = server.Options.AppSecret; o.BaseAddress = server.BaseAddress; });
        builder.Services.AddFeishuEvents(_ => { }, (d, _) => bot.Attach(d));
        builder.Services.AddFeishuLongConnection();
        return builder.Build();
    }

    private static async IAsyncEnumerable<string> Tokens(int count, int delayMs, string prefix = "t", [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < count; i++)
        {
            if (i % 10 == 0)
            {
                await Task.Delay(delayMs * 10, cancellationToken);
            }

            yield return prefix + i + " ";
        }
    }

    private static string Expected(int count, string prefix = "t") => string.Concat(Enumerable.Range(0, count).Select(i => prefix + i + " "));

    private static async Task WaitAsync(Func<bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!done() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
