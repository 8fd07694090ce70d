using System;
using System.Collections.Generic;

namespace FeishuGen.Testing;

/// <summary>A message in the local server's chats: sent by a user (<see cref="FeishuTestMessenger.UserSends"/>) or by the bot.</summary>
public sealed class LocalMessage
{
    /// <summary>The message's id (om_…).</summary>
    public required string MessageId { get; init; }

    /// <summary>The chat.</summary>
    public required string ChatId { get; init; }

    /// <summary>p2p or group.</summary>
    public required string ChatType { get; init; }

    /// <summary>The msg_type.</summary>
    public required string MsgType { get; set; }

    /// <summary>The content string (the latest, after edits and card updates).</summary>
    public required string Content { get; set; }

    /// <summary>user or app.</summary>
    public required string SenderType { get; init; }

    /// <summary>The sender's open_id, or the app id for the bot.</summary>
    public required string SenderId { get; init; }

    /// <summary>The root of the reply chain.</summary>
    public string? RootId { get; init; }

    /// <summary>The message replied to.</summary>
    public string? ParentId { get; init; }

    /// <summary>The thread (omt_…).</summary>
    public string? ThreadId { get; set; }

    /// <summary>The uuid it was sent with.</summary>
    public string? Uuid { get; init; }

    /// <summary>When it was sent (the server's clock).</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>How many times it was edited (Feishu allows 20).</summary>
    public int Edits { get; set; }

    /// <summary>Whether it was recalled.</summary>
    public bool Recalled { get; set; }

    /// <summary>The card entity it shows, for a card sent by id.</summary>
    public string? CardId { get; init; }

    /// <summary>The keys of the resources it holds (images, files), with their bytes.</summary>
    public IDictionary<string, byte[]> Resources { get; } = new Dictionary<string, byte[]>(StringComparer.Ordinal);

    /// <summary>The reactions on it: reaction id to emoji.</summary>
    public IDictionary<string, string> Reactions { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
}

/// <summary>A user's message to put in a chat and push to the bot (<see cref="FeishuTestMessenger.UserSends"/>).</summary>
public sealed record LocalUserMessage
{
    /// <summary>The chat (created if new).</summary>
    public string ChatId { get; init; } = "oc_local_chat";

    /// <summary>p2p or group.</summary>
    public string ChatType { get; init; } = "p2p";

    /// <summary>The sender's open_id.</summary>
    public string SenderOpenId { get; init; } = "ou_local_user";

    /// <summary>The text (a text message), before the mention of the bot is put in front.</summary>
    public string Text { get; init; } = "你好";

    /// <summary>A msg_type other than text, with <see cref="Content"/>.</summary>
    public string? MessageType { get; init; }

    /// <summary>The content string, for <see cref="MessageType"/>.</summary>
    public string? Content { get; init; }

    /// <summary>Whether the message @-mentions the bot (as <c>@_user_1</c>).</summary>
    public bool MentionsBot { get; init; }

    /// <summary>The message it replies to (its thread is kept).</summary>
    public string? ReplyTo { get; init; }

    /// <summary>When it was sent; now when null (an old time makes it stale).</summary>
    public DateTimeOffset? SentAt { get; init; }

    /// <summary>The event id; a new one when null.</summary>
    public string? EventId { get; init; }

    /// <summary>Resources the message holds (image_key or file_key to bytes), for downloads.</summary>
    public IReadOnlyDictionary<string, byte[]>? Resources { get; init; }
}

/// <summary>A CardKit card entity on the local server.</summary>
public sealed class LocalCard
{
    /// <summary>The entity's id.</summary>
    public required string CardId { get; init; }

    /// <summary>The card JSON, as created or last fully updated (element contents apart).</summary>
    public required string Json { get; set; }

    /// <summary>The last sequence accepted (0 before the first operation).</summary>
    public long Sequence { get; set; }

    /// <summary>Whether the card's config asks for streaming mode.</summary>
    public bool StreamingMode { get; set; }

    /// <summary>When streaming mode was last opened (it closes 10 minutes later).</summary>
    public DateTimeOffset OpenedAt { get; set; }

    /// <summary>The text of each element streamed into, by element_id.</summary>
    public IDictionary<string, string> Elements { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The message that sent it (an entity is sent once).</summary>
    public string? MessageId { get; set; }

    /// <summary>The card's summary from the last settings.</summary>
    public string? Summary { get; set; }
}

/// <summary>One CardKit call the local server received: which card, what, its sequence, when, and its answer (0 accepted).</summary>
/// <param name="CardId">The card (empty for create).</param>
/// <param name="Kind">create, content, settings or update.</param>
/// <param name="Sequence">The sequence sent.</param>
/// <param name="At">When it arrived (the server's clock).</param>
/// <param name="Code">0, or the error code answered (300317, 300309, 99991400, …).</param>
/// <param name="Content">The text sent, for content updates.</param>
public sealed record LocalCardOperation(string CardId, string Kind, long Sequence, DateTimeOffset At, int Code, string? Content);
