using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Bots;
using FeishuGen.Events;
using FeishuGen.Testing;

namespace FeishuGen.AotSmoke;

/// <summary>The bot layer under NativeAOT: a message read into typed content, a Markdown reply, a card action and a streamed card.</summary>
internal static class BotSmoke
{
    public static async Task<string> RunAsync()
    {
        await using var server = await FeishuTestServer.StartAsync(FeishuBot.Endpoints, new FeishuTestServerOptions { SimulateMessaging = true });
        using var client = new FeishuClient(server.CreateClientOptions());
        using var bot = new FeishuBot(client);
        var prompts = string.Empty;
        bot.OnMessage(async (message, ct) =>
        {
            prompts = message.Prompt;
            await message.ReplyAsync(Content.Markdown("**" + message.Prompt + "**"), ct);
        });
        bot.OnCardAction("ok", (action, _) => Task.FromResult<Events.Cards.FeishuCardReply?>(BotCardReply.Update(new Card().Markdown("ok by " + action.OperatorOpenId))));
        var events = new FeishuEventDispatcher(new FeishuEventOptions { VerificationToken = server.Options.VerificationToken });
        bot.Attach(events);

        var (asked, envelope) = server.Messenger.UserSends(new LocalUserMessage { ChatId = "oc_aot", ChatType = "group", Text = "aot", MentionsBot = true });
        await events.HandleAsync(Encoding.UTF8.GetBytes(envelope));
        var action = server.CreateEvent("card.action.trigger", new JsonObject
        {
            ["operator"] = new JsonObject { ["open_id"] = "ou_aot" },
            ["action"] = new JsonObject { ["value"] = new JsonObject { ["action"] = "ok" } },
        }.ToJsonString());
        var answer = await events.HandleAsync(Encoding.UTF8.GetBytes(action));
        var streamed = await bot.StreamAsync(BotTarget.Chat("oc_aot"), Words());
        var reply = server.Messenger.BotMessagesIn("oc_aot").First();
        var card = JsonNode.Parse(answer.Body.Span)?["card"]?["data"]?["body"]?["elements"]?[0]?["content"]?.GetValue<string>();
        return $"bot replied {reply.MsgType} to \"{prompts}\", card action \"{card}\", streamed \"{server.Messenger.ElementText(streamed.CardId!, "answer")}\" in {streamed.Updates} updates";
    }

    private static async IAsyncEnumerable<string> Words([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var word in new[] { "native ", "aot ", "stream" })
        {
            await Task.Delay(120, cancellationToken);
            yield return word;
        }
    }
}
