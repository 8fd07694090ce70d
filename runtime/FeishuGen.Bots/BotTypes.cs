using System;
using System.Collections.Generic;

namespace FeishuGen.Bots;

/// <summary>Where a message goes: a chat or a user (by an id type of 发送消息), or a reply to a message.</summary>
public sealed record BotTarget
{
    private BotTarget(string idType, string id, bool isReply, bool inThread)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ReceiveIdType = idType;
        Id = id;
        IsReply = isReply;
        InThread = inThread;
    }

    /// <summary>The receive_id_type (chat_id, open_id, user_id, union_id, email), or message_id for a reply.</summary>
    public string ReceiveIdType { get; }

    /// <summary>The id.</summary>
    public string Id { get; }

    /// <summary>Whether this replies to the message <see cref="Id"/>.</summary>
    public bool IsReply { get; }

    /// <summary>Whether a reply goes in the message's thread (a message already in a thread is always answered there).</summary>
    public bool InThread { get; }

    /// <summary>A chat (group or p2p) by chat_id.</summary>
    /// <param name="chatId">The chat_id.</param>
    public static BotTarget Chat(string chatId) => new("chat_id", chatId, false, false);

    /// <summary>A user by open_id (their p2p chat with the bot).</summary>
    /// <param name="openId">The open_id.</param>
    public static BotTarget User(string openId) => new("open_id", openId, false, false);

    /// <summary>A user by another id type.</summary>
    /// <param name="idType">user_id, union_id or email.</param>
    /// <param name="id">The id.</param>
    public static BotTarget UserBy(string idType, string id) => new(idType, id, false, false);

    /// <summary>A reply to a message.</summary>
    /// <param name="messageId">The message.</param>
    /// <param name="inThread">Whether to reply in its thread.</param>
    public static BotTarget ReplyTo(string messageId, bool inThread = false) => new("message_id", messageId, true, inThread);
}

/// <summary>Per-call settings of a send.</summary>
public sealed record BotSendOptions
{
    /// <summary>The uuid that makes Feishu send the message at most once an hour; by default, inside a handler, one derived from the event id.</summary>
    public string? Uuid { get; init; }
}

/// <summary>What was sent: the message (and, when the content was split, every part).</summary>
public sealed record BotSent
{
    /// <summary>The (first) message's id.</summary>
    public required string MessageId { get; init; }

    /// <summary>Every message sent, in order (more than one when long content was split).</summary>
    public required IReadOnlyList<string> MessageIds { get; init; }

    /// <summary>The chat.</summary>
    public string? ChatId { get; init; }

    /// <summary>The thread, when the message is in one.</summary>
    public string? ThreadId { get; init; }

    /// <summary>The root of the reply chain, for replies.</summary>
    public string? RootId { get; init; }
}

/// <summary>Who the bot is (获取机器人信息), fetched once.</summary>
public sealed record BotIdentity
{
    /// <summary>The bot's open_id: how mentions of it and its own messages are recognised.</summary>
    public required string OpenId { get; init; }

    /// <summary>The app's name.</summary>
    public string? AppName { get; init; }

    /// <summary>The avatar's address.</summary>
    public string? AvatarUrl { get; init; }

    /// <summary>The app's state in the tenant (2: enabled).</summary>
    public long? ActivateStatus { get; init; }
}

/// <summary>The kind of resource to download from a message.</summary>
public enum BotResourceType
{
    /// <summary>An image (also a post's images).</summary>
    Image,

    /// <summary>A file, voice message or video.</summary>
    File,
}

/// <summary>The file types of 上传文件.</summary>
public static class BotFileTypes
{
    /// <summary>A voice message (opus).</summary>
    public const string Opus = "opus";

    /// <summary>A video (mp4).</summary>
    public const string Mp4 = "mp4";

    /// <summary>A PDF.</summary>
    public const string Pdf = "pdf";

    /// <summary>A Word document.</summary>
    public const string Doc = "doc";

    /// <summary>A spreadsheet.</summary>
    public const string Xls = "xls";

    /// <summary>A presentation.</summary>
    public const string Ppt = "ppt";

    /// <summary>Anything else.</summary>
    public const string Stream = "stream";
}
