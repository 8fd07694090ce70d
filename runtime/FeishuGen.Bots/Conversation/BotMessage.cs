using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Bots.Api.Im.Events;

namespace FeishuGen.Bots;

/// <summary>The kind of chat a message is in.</summary>
public enum BotChatType
{
    /// <summary>A chat type this library does not know (see <see cref="BotMessage.RawChatType"/>).</summary>
    Unknown,

    /// <summary>A one-to-one chat with the bot (p2p).</summary>
    Direct,

    /// <summary>A group.</summary>
    Group,
}

/// <summary>Who sent a message.</summary>
public sealed record BotSender
{
    /// <summary>The open_id (or, for an app, its id).</summary>
    public string? OpenId { get; init; }

    /// <summary>The user_id, when the app may see it.</summary>
    public string? UserId { get; init; }

    /// <summary>The union_id.</summary>
    public string? UnionId { get; init; }

    /// <summary><c>user</c>, <c>bot</c> or <c>app</c>.</summary>
    public string? SenderType { get; init; }

    /// <summary>The sender's tenant.</summary>
    public string? TenantKey { get; init; }

    /// <summary>Whether a bot or app sent it.</summary>
    public bool IsBot => SenderType is "bot" or "app";
}

/// <summary>
/// A received message, normalised: where it is (chat, chat type, thread, root and parent), who sent
/// it, its typed content with mentions resolved, and whether it mentions this bot. Handlers get one
/// from <see cref="FeishuBot.OnMessage"/>; <see cref="FeishuBot.GetMessageAsync"/> reads one too.
/// </summary>
public sealed class BotMessage
{
    private readonly FeishuBot _bot;

    private BotMessage(FeishuBot bot) => _bot = bot;

    /// <summary>The event that brought it (null when read with GetMessageAsync).</summary>
    public string? EventId { get; private init; }

    /// <summary>The message's id.</summary>
    public required string MessageId { get; init; }

    /// <summary>The chat it is in.</summary>
    public required string ChatId { get; init; }

    /// <summary>DM or group.</summary>
    public BotChatType ChatType { get; private init; }

    /// <summary>The chat type as sent (<c>p2p</c>, <c>group</c>).</summary>
    public string? RawChatType { get; private init; }

    /// <summary>Who sent it.</summary>
    public BotSender Sender { get; private init; } = new();

    /// <summary>The thread it is in, or null.</summary>
    public string? ThreadId { get; private init; }

    /// <summary>The root of the reply chain, for replies.</summary>
    public string? RootId { get; private init; }

    /// <summary>The message it replies to.</summary>
    public string? ParentId { get; private init; }

    /// <summary>When it was sent.</summary>
    public DateTimeOffset? CreateTime { get; private init; }

    /// <summary>The msg_type.</summary>
    public string MessageType { get; private init; } = string.Empty;

    /// <summary>The typed content (mentions attached); <see cref="UnknownContent"/> for a type not known here.</summary>
    public MessageContent Content { get; private init; } = new UnknownContent(string.Empty, string.Empty);

    /// <summary>The content string as sent.</summary>
    public string RawContent { get; private init; } = string.Empty;

    /// <summary>The people mentioned, by placeholder, with <see cref="MessageMention.IsSelf"/> set for this bot.</summary>
    public IReadOnlyList<MessageMention> Mentions { get; private init; } = [];

    /// <summary>Whether the message mentions this bot.</summary>
    public bool MentionsBot => Mentions.Any(m => m.IsSelf);

    /// <summary>Whether the message mentions everyone.</summary>
    public bool MentionsAll => Mentions.Any(m => m.IsAll);

    /// <summary>Whether this bot sent it.</summary>
    public bool IsFromSelf { get; private init; }

    /// <summary>The content as text, placeholders replaced by names.</summary>
    public string Text => Content.ToPlainText();

    /// <summary>The text without the mentions of this bot: what a command reads (<c>@bot weather</c> gives <c>weather</c>).</summary>
    public string Prompt => Content is TextContent text ? MentionText.WithoutSelf(text.Text, Mentions).Trim() : Text.Trim();

    /// <summary>The event record as generated from 接收消息 (null when read with GetMessageAsync).</summary>
    public ImMessageReceiveV1Event? Event { get; private init; }

    /// <summary>The bot that received it.</summary>
    public FeishuBot Bot => _bot;

    /// <summary>Replies to this message (in its thread when it is in one).</summary>
    /// <param name="content">The reply.</param>
    /// <param name="cancellationToken">Cancels the reply.</param>
    public Task<BotSent> ReplyAsync(MessageContent content, CancellationToken cancellationToken = default) => _bot.ReplyAsync(this, content, null, cancellationToken);

    /// <summary>Streams an answer into a card replying to this message (in thread in groups).</summary>
    /// <param name="chunks">The answer as it is produced.</param>
    /// <param name="options">The card's look and the stream's behaviour.</param>
    /// <param name="cancellationToken">Cancels the stream (what was produced so far is still delivered).</param>
    public Task<BotStreamResult> StreamReplyAsync(IAsyncEnumerable<string> chunks, BotStreamOptions? options = null, CancellationToken cancellationToken = default) => _bot.StreamReplyAsync(this, chunks, options, cancellationToken);

    /// <summary>Adds a reaction to this message.</summary>
    /// <param name="emojiType">The emoji, e.g. THUMBSUP.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<string> ReactAsync(string emojiType, CancellationToken cancellationToken = default) => _bot.AddReactionAsync(MessageId, emojiType, cancellationToken);

    /// <inheritdoc/>
    public override string ToString() => $"{MessageType} {MessageId} in {ChatType} {ChatId} from {Sender.OpenId}";

    internal static BotMessage FromEvent(FeishuBot bot, string eventId, ImMessageReceiveV1Event e, BotIdentity? identity)
    {
        var m = e.Message ?? new EventMessage();
        var mentions = (m.Mentions ?? []).Select(x => new MessageMention
        {
            Key = x.Key ?? string.Empty,
            Name = x.Name,
            OpenId = x.Id?.OpenId,
            UserId = x.Id?.UserIdValue,
            UnionId = x.Id?.UnionId,
            MentionedType = x.MentionedType,
            TenantKey = x.TenantKey,
            IsSelf = identity is not null && x.Id?.OpenId == identity.OpenId,
        }).ToList();
        var sender = new BotSender
        {
            OpenId = e.Sender?.SenderId?.OpenId,
            UserId = e.Sender?.SenderId?.UserIdValue,
            UnionId = e.Sender?.SenderId?.UnionId,
            SenderType = e.Sender?.SenderType,
            TenantKey = e.Sender?.TenantKey,
        };
        return new BotMessage(bot)
        {
            EventId = eventId,
            MessageId = m.MessageId ?? string.Empty,
            ChatId = m.ChatId ?? string.Empty,
            ChatType = ChatTypeOf(m.ChatType),
            RawChatType = m.ChatType,
            Sender = sender,
            ThreadId = Empty(m.ThreadId),
            RootId = Empty(m.RootId),
            ParentId = Empty(m.ParentId),
            CreateTime = Milliseconds(m.CreateTime),
            MessageType = m.MessageType ?? string.Empty,
            RawContent = m.Content ?? string.Empty,
            Content = ContentReader.Read(m.MessageType ?? string.Empty, m.Content, mentions),
            Mentions = mentions,
            IsFromSelf = identity is not null && sender.OpenId == identity.OpenId,
            Event = e,
        };
    }

    internal static BotMessage FromItem(FeishuBot bot, Api.Im.V1.Item item, BotIdentity? identity)
    {
        var mentions = (item.Mentions ?? []).Select(x => new MessageMention
        {
            Key = x.Key ?? string.Empty,
            Name = x.Name,
            OpenId = x.IdType is null or "open_id" ? x.Id : null,
            UserId = x.IdType == "user_id" ? x.Id : null,
            UnionId = x.IdType == "union_id" ? x.Id : null,
            TenantKey = x.TenantKey,
            IsSelf = identity is not null && x.Id == identity.OpenId,
        }).ToList();
        var sender = new BotSender
        {
            OpenId = item.Sender?.IdType is null or "open_id" or "app_id" ? item.Sender?.Id : null,
            UserId = item.Sender?.IdType == "user_id" ? item.Sender.Id : null,
            SenderType = item.Sender?.SenderType,
            TenantKey = item.Sender?.TenantKey,
        };
        var content = item.Body?.Content;
        return new BotMessage(bot)
        {
            MessageId = item.MessageId ?? string.Empty,
            ChatId = item.ChatId ?? string.Empty,
            ChatType = BotChatType.Unknown,
            Sender = sender,
            ThreadId = Empty(item.ThreadId),
            RootId = Empty(item.RootId),
            ParentId = Empty(item.ParentId),
            CreateTime = Milliseconds(item.CreateTime),
            MessageType = item.MsgType ?? string.Empty,
            RawContent = content ?? string.Empty,
            Content = ContentReader.Read(item.MsgType ?? string.Empty, content, mentions),
            Mentions = mentions,
            IsFromSelf = sender.SenderType == "app" && item.Sender?.Id == bot.Api.Client.Options.AppId,
        };
    }

    private static BotChatType ChatTypeOf(string? type) => type switch
    {
        "p2p" => BotChatType.Direct,
        "group" or "topic_group" => BotChatType.Group,
        _ => BotChatType.Unknown,
    };

    private static string? Empty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static DateTimeOffset? Milliseconds(string? value)
        => long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
}
