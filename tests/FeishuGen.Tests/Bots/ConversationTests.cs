using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using FeishuGen.Bots;
using FeishuGen.Testing;
using Xunit;

namespace FeishuGen.Tests.Bots;

/// <summary>The conversation layer: normalised messages, mentions, self and stale filtering, the policy, replies in thread, redelivery.</summary>
public sealed class ConversationTests : BotTest
{
    private readonly ConcurrentQueue<BotMessage> _handled = new();
    private readonly ConcurrentQueue<(BotMessage Message, BotRejection Reason)> _rejected = new();
    private int _failOnce;

    protected override void Handlers(FeishuBot bot) => bot
        .OnMessage(async (m, ct) =>
        {
            _handled.Enqueue(m);
            await bot.ReplyAsync(m, Content.Markdown("**done**"), cancellationToken: ct);
            if (m.Prompt == "fail once" && System.Threading.Interlocked.Exchange(ref _failOnce, 1) == 0)
            {
                throw new InvalidOperationException("the handler fails after replying, the first time");
            }
        })
        .OnRejected((m, reason, _) =>
        {
            _rejected.Enqueue((m, reason));
            return Task.CompletedTask;
        });

    [Fact]
    public async Task A_DM_is_answered_with_Markdown_as_a_post_reply_with_no_JSON_by_hand()
    {
        var (sent, delivery) = await UserSendsAsync(new LocalUserMessage { Text = "hi" });

        Assert.Equal(200, delivery.Statuses.Last());
        var reply = Assert.Single(Messenger.BotMessagesIn(sent.ChatId));
        Assert.Equal("post", reply.MsgType);
        Assert.Equal(sent.MessageId, reply.ParentId);
        Assert.Equal("**done**", JsonNode.Parse(reply.Content)!["zh_cn"]!["content"]![0]![0]!["text"]!.GetValue<string>());
        var message = Assert.Single(_handled);
        Assert.Equal(BotChatType.Direct, message.ChatType);
        Assert.Equal("ou_local_user", message.Sender.OpenId);
        Assert.IsType<TextContent>(message.Content);
        Assert.NotNull(reply.Uuid);
    }

    [Fact]
    public async Task A_group_message_is_answered_only_when_it_mentions_the_bot_and_its_placeholder_resolves()
    {
        await UserSendsAsync(new LocalUserMessage { ChatId = "oc_group", ChatType = "group", Text = "大家好" });
        var (mentioning, _) = await UserSendsAsync(new LocalUserMessage { ChatId = "oc_group", ChatType = "group", Text = "天气如何", MentionsBot = true });

        var (ignored, reason) = Assert.Single(_rejected);
        Assert.Equal(BotRejection.NotMentioned, reason);
        Assert.Equal("大家好", ignored.Text);
        var message = Assert.Single(_handled);
        Assert.True(message.MentionsBot);
        Assert.Equal("@本地助手 天气如何", message.Text);
        Assert.Equal("天气如何", message.Prompt);
        Assert.True(Assert.Single(message.Mentions).IsSelf);
        Assert.Equal(mentioning.MessageId, Assert.Single(Messenger.BotMessagesIn("oc_group")).ParentId);
    }

    [Fact]
    public async Task The_bot_ignores_its_own_messages_and_messages_older_than_the_stale_window()
    {
        await UserSendsAsync(new LocalUserMessage { SenderOpenId = Messenger.BotOpenId, Text = "I said this" });
        await UserSendsAsync(new LocalUserMessage { Text = "an hour ago", SentAt = DateTimeOffset.UtcNow.AddHours(-1) });

        Assert.Empty(_handled);
        Assert.Equal(new[] { BotRejection.Self, BotRejection.Stale }, _rejected.Select(r => r.Reason).ToArray());
        Assert.DoesNotContain(Messenger.Messages, m => m.SenderType == "app");
    }

    [Fact]
    public async Task A_redelivered_event_posts_no_second_reply()
    {
        // The first handling replies, then fails: the webhook answers 500 and the server pushes the event again.
        var (sent, delivery) = await UserSendsAsync(new LocalUserMessage { Text = "fail once" });

        Assert.Equal(new[] { 500, 200 }, delivery.Statuses.ToArray());
        Assert.Equal(2, _handled.Count);
        Assert.Single(Messenger.BotMessagesIn(sent.ChatId));
        Assert.Equal(1, Messenger.SuppressedDuplicates);
        var replies = Server.Requests.Where(r => r.Path.EndsWith("/reply", StringComparison.Ordinal)).Select(r => JsonNode.Parse(r.Body)!["uuid"]!.GetValue<string>()).ToList();
        Assert.Equal(2, replies.Count);
        Assert.Equal(replies[0], replies[1]);
    }

    [Fact]
    public async Task A_message_pushed_again_under_a_new_event_id_is_handled_once()
    {
        var (stored, envelope) = Messenger.UserSends(new LocalUserMessage { Text = "twice" });
        await Server.PushEventAsync(App.Events, envelope);
        var again = JsonNode.Parse(envelope)!;
        again["header"]!["event_id"] = Guid.NewGuid().ToString("N");
        await Server.PushEventAsync(App.Events, again.ToJsonString());

        Assert.Single(_handled);
        Assert.Equal(BotRejection.Duplicate, Assert.Single(_rejected).Reason);
        Assert.Single(Messenger.BotMessagesIn(stored.ChatId));
    }
}
