using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using FeishuGen.Assistant.Api;
using FeishuGen.Assistant.Api.Im.V1;
using FeishuGen.Bots;
using FeishuGen.Events.Cards;

namespace FeishuGen.Assistant;

/// <summary>
/// The assistant: answers DMs and @mentions in groups (the default policy), in thread, streaming a
/// model's answer into a card that ends with two buttons; a button's action updates the card.
/// "/groups" lists the groups it is in through a call generated from the app's own page.
/// </summary>
internal sealed class AssistantBot(FeishuApi api, FakeModel model)
{
    private FeishuBot _bot = null!;

    private readonly ConcurrentDictionary<string, string> _answers = new();

    /// <summary>Each finished answer, for the sample's run to print.</summary>
    public Channel<BotStreamResult> Answered { get; } = Channel.CreateUnbounded<BotStreamResult>();

    public void Register(FeishuBot bot) => (_bot = bot)
        .OnMessage(AnswerAsync)
        .OnCardAction("helpful", (action, _) => Task.FromResult<FeishuCardReply?>(BotCardReply.Update(Thanked(action), "谢谢反馈")))
        .OnCardAction("again", (action, _) => Task.FromResult<FeishuCardReply?>(BotCardReply.Toast("换个问法再问我一次吧", "info")))
        .OnMembership(async (change, ct) =>
        {
            if (change.Added)
            {
                await _bot.SendAsync(BotTarget.Chat(change.ChatId), Content.Markdown("大家好，我是助手：**@我**提问即可。"), cancellationToken: ct);
            }
        });

    private async Task AnswerAsync(BotMessage message, CancellationToken cancellationToken)
    {
        if (message.Prompt == "/groups")
        {
            var groups = await api.Im.V1.Chat.ListAsync(new ListChatRequest(), cancellationToken);
            await message.ReplyAsync(Content.Markdown(string.Join("\n", (groups.Items ?? []).Select(g => "- " + g.Name))), cancellationToken);
            return;
        }

        await message.ReactAsync("OnIt", cancellationToken);
        var result = await message.StreamReplyAsync(model.StreamAsync(message.Prompt, cancellationToken), new BotStreamOptions
        {
            Title = "助手",
            FinalCard = Answer,
        }, cancellationToken);
        _answers[result.MessageId] = result.FinalText;
        await Answered.Writer.WriteAsync(result, cancellationToken);
    }

    private static Card Answer(string text) => new Card()
        .Header("助手", template: "blue")
        .Markdown(text, elementId: "answer")
        .Hr()
        .Columns(set => set
            .Column(c => c.Button("👍 有帮助", CardAction.Callback("helpful"), type: "primary"))
            .Column(c => c.Button("再来一次", CardAction.Callback("again"))));

    private Card Thanked(BotCardAction action) => new Card()
        .Header("助手", template: "green")
        .Markdown(_answers.GetValueOrDefault(action.MessageId ?? string.Empty, string.Empty), elementId: "answer")
        .Hr()
        .Markdown($"<at id={action.OperatorOpenId}></at> 觉得有帮助 ✅");
}
