using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Bots.Api.Im.V1;

namespace FeishuGen.Bots;

public sealed partial class FeishuBot
{
    /// <summary>
    /// Sends <paramref name="content"/> to a chat or a user, or as a reply. Text over 150 KB and
    /// Markdown posts over 30 KB are split at paragraph boundaries and sent as several messages in
    /// order. Inside a handler every message carries a uuid derived from the event id, so a
    /// redelivered event never posts twice.
    /// </summary>
    /// <param name="to">Where it goes.</param>
    /// <param name="content">What to send (see <see cref="Content"/>).</param>
    /// <param name="options">An explicit uuid.</param>
    /// <param name="cancellationToken">Cancels the sends.</param>
    /// <returns>The message(s) sent.</returns>
    /// <exception cref="FeishuApiException">Feishu refused the message (its code, msg and log id).</exception>
    public async Task<BotSent> SendAsync(BotTarget to, MessageContent content, BotSendOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(content);
        var parts = Split(content);
        var ids = new List<string>(parts.Count);
        string? chat = null, thread = null, root = null;
        for (var i = 0; i < parts.Count; i++)
        {
            var uuid = options?.Uuid is { } given ? (i == 0 ? given : given + "-" + (i + 1)) : BotHandling.NextUuid();
            var (id, chatId, threadId, rootId) = await SendOneAsync(to, parts[i], uuid, cancellationToken).ConfigureAwait(false);
            ids.Add(id);
            chat ??= chatId;
            thread ??= threadId;
            root ??= rootId;
        }

        return new BotSent { MessageId = ids[0], MessageIds = ids, ChatId = chat, ThreadId = thread, RootId = root };
    }

    /// <summary>Replies to a received message; in its thread when it is in one.</summary>
    /// <param name="message">The message to answer.</param>
    /// <param name="content">The reply.</param>
    /// <param name="options">An explicit uuid.</param>
    /// <param name="cancellationToken">Cancels the reply.</param>
    /// <returns>The message(s) sent.</returns>
    public Task<BotSent> ReplyAsync(BotMessage message, MessageContent content, BotSendOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return SendAsync(BotTarget.ReplyTo(message.MessageId, message.ThreadId is not null), content, options, cancellationToken);
    }

    /// <summary>Replies in the message's thread (starting one in a group), as assistants do.</summary>
    /// <param name="message">The message to answer.</param>
    /// <param name="content">The reply.</param>
    /// <param name="options">An explicit uuid.</param>
    /// <param name="cancellationToken">Cancels the reply.</param>
    /// <returns>The message(s) sent.</returns>
    public Task<BotSent> ReplyInThreadAsync(BotMessage message, MessageContent content, BotSendOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return SendAsync(BotTarget.ReplyTo(message.MessageId, inThread: true), content, options, cancellationToken);
    }

    /// <summary>Replaces the content of a text or post message the bot sent (Feishu allows 20 edits).</summary>
    /// <param name="messageId">The message.</param>
    /// <param name="content">The new text or post.</param>
    /// <param name="cancellationToken">Cancels the edit.</param>
    public async Task EditAsync(string messageId, MessageContent content, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentNullException.ThrowIfNull(content);
        if (content.MessageType is not (MessageTypes.Text or MessageTypes.Post))
        {
            throw new ArgumentException($"Only text and post messages can be edited, not {content.MessageType}; update a card with UpdateCardAsync.", nameof(content));
        }

        await Api.Im.V1.Message.UpdateAsync(new UpdateMessageRequest { MessageId = messageId, MsgType = content.MessageType, Content = content.ToJson() }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replaces a card message the bot sent (the card must be shared: <c>update_multi</c>, as <see cref="Card"/> makes it).</summary>
    /// <param name="messageId">The card message.</param>
    /// <param name="card">The new card.</param>
    /// <param name="cancellationToken">Cancels the update.</param>
    public async Task UpdateCardAsync(string messageId, Card card, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentNullException.ThrowIfNull(card);
        await Api.Im.V1.Message.PatchAsync(new PatchMessageRequest { MessageId = messageId, Content = card.ToContent().ToJson() }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Recalls a message the bot sent.</summary>
    /// <param name="messageId">The message.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task RecallAsync(string messageId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        await Api.Im.V1.Message.DeleteAsync(new DeleteMessageRequest { MessageId = messageId }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a message (and, for a merged forward, the messages inside it) with typed content.</summary>
    /// <param name="messageId">The message.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The message first, then any messages it holds.</returns>
    public async Task<IReadOnlyList<BotMessage>> GetMessageAsync(string messageId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        var reply = await Api.Im.V1.Message.GetAsync(new GetMessageRequest { MessageId = messageId }, cancellationToken).ConfigureAwait(false);
        var identity = await TryIdentityAsync(cancellationToken).ConfigureAwait(false);
        return (reply.Items ?? []).Select(item => BotMessage.FromItem(this, item, identity)).ToList();
    }

    /// <summary>Adds a reaction (an emoji, e.g. THUMBSUP, OK, SMILE) to a message.</summary>
    /// <param name="messageId">The message.</param>
    /// <param name="emojiType">The emoji's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The reaction's id, to remove it.</returns>
    public async Task<string> AddReactionAsync(string messageId, string emojiType, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(emojiType);
        var reply = await Api.Im.V1.MessageReaction.CreateAsync(new CreateMessageReactionRequest { MessageId = messageId, ReactionType = new Emoji { EmojiType = emojiType } }, cancellationToken).ConfigureAwait(false);
        return reply.ReactionId ?? string.Empty;
    }

    /// <summary>Removes a reaction the bot added.</summary>
    /// <param name="messageId">The message.</param>
    /// <param name="reactionId">The reaction's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task RemoveReactionAsync(string messageId, string reactionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(reactionId);
        await Api.Im.V1.MessageReaction.DeleteAsync(new DeleteMessageReactionRequest { MessageId = messageId, ReactionId = reactionId }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(string Id, string? Chat, string? Thread, string? Root)> SendOneAsync(BotTarget to, MessageContent content, string? uuid, CancellationToken cancellationToken)
    {
        var json = content.ToJson();
        if (to.IsReply)
        {
            var reply = await Api.Im.V1.Message.ReplyAsync(new ReplyMessageRequest
            {
                MessageId = to.Id,
                MsgType = content.MessageType,
                Content = json,
                ReplyInThread = to.InThread ? true : null,
                Uuid = uuid,
            }, cancellationToken).ConfigureAwait(false);
            return (reply.MessageId ?? string.Empty, reply.ChatId, reply.ThreadId, reply.RootId);
        }

        var sent = await Api.Im.V1.Message.CreateAsync(new CreateMessageRequest
        {
            ReceiveIdType = to.ReceiveIdType,
            ReceiveId = to.Id,
            MsgType = content.MessageType,
            Content = json,
            Uuid = uuid,
        }, cancellationToken).ConfigureAwait(false);
        return (sent.MessageId ?? string.Empty, sent.ChatId, sent.ThreadId, sent.RootId);
    }

    // Text over 150 KB and a Markdown post over 30 KB become several messages; other content is sent as it is.
    private static IReadOnlyList<MessageContent> Split(MessageContent content)
    {
        switch (content)
        {
            case TextContent text when ContentSplitter.Cost(text.Text) > ContentSplitter.TextLimitBytes - 1024:
                return ContentSplitter.Split(text.Text, ContentSplitter.TextLimitBytes).Select(part => (MessageContent)(text with { Text = part })).ToList();
            case PostContent { Locales: [{ Body: { Content: [[PostMarkdown md]] } body } locale] } post when ContentSplitter.Cost(md.Text) > ContentSplitter.PostLimitBytes - 1024:
                return ContentSplitter.Split(md.Text, ContentSplitter.PostLimitBytes)
                    .Select((part, i) => (MessageContent)(post with { Locales = [locale with { Body = body with { Title = i == 0 ? body.Title : null, Content = [[new PostMarkdown { Text = part }]] } }] }))
                    .ToList();
            default:
                return [content];
        }
    }
}
