using System;
using System.Collections.Generic;

namespace FeishuGen.Bots;

/// <summary>When the bot's answer to Feishu (the event's acknowledgement) is given.</summary>
public enum BotAcknowledgement
{
    /// <summary>
    /// After the message's handler finished: a handler that fails makes the event fail, so the
    /// dispatcher's mode decides what happens (inline: answered 500 and delivered again; queued or
    /// durable: logged, or kept to replay). The safe default.
    /// </summary>
    AfterHandling,

    /// <summary>
    /// As soon as the message has its place in its chat's queue: the handler runs after the answer,
    /// in order within the chat. For long handlers behind an inline dispatcher; a handler that fails
    /// is logged (and reported to OnError), not delivered again.
    /// </summary>
    OnAdmission,
}

/// <summary>How the bot behaves: the policy, the stale window, ordering and the limits it keeps to.</summary>
public sealed class FeishuBotOptions
{
    /// <summary>Which messages the bot answers.</summary>
    public BotPolicy Policy { get; set; } = new();

    /// <summary>Messages older than this when they arrive are dropped (30 minutes; null keeps all): a bot back from an outage does not answer yesterday.</summary>
    public TimeSpan? StaleAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>When the event is acknowledged: after the handler (default) or on admission.</summary>
    public BotAcknowledgement Acknowledge { get; set; } = BotAcknowledgement.AfterHandling;

    /// <summary>How many messages of one chat may wait for their turn (32); past it the event is refused so that Feishu delivers it again later.</summary>
    public int MaxPendingPerChat { get; set; } = 32;

    /// <summary>How many chats are handled at once (64); the others wait.</summary>
    public int MaxConcurrentChats { get; set; } = 64;

    /// <summary>How long message ids are remembered to drop a message Feishu pushes twice under two event ids (7 hours).</summary>
    public TimeSpan MessageDeduplicationWindow { get; set; } = TimeSpan.FromHours(7);

    /// <summary>Streamed replies: the rates they keep to and how they close.</summary>
    public BotStreamingOptions Streaming { get; set; } = new();

    /// <summary>Fetching a URL to upload it (an image by URL): what addresses may be reached.</summary>
    public BotUrlFetchOptions UrlFetch { get; set; } = new();

    internal void Validate()
    {
        BotChecks.Require(MaxPendingPerChat > 0, "MaxPendingPerChat must be positive.", nameof(FeishuBotOptions));
        BotChecks.Require(MaxConcurrentChats > 0, "MaxConcurrentChats must be positive.", nameof(FeishuBotOptions));
        BotChecks.Require(StaleAfter is null || StaleAfter > TimeSpan.Zero, "StaleAfter must be positive (or null to keep every message).", nameof(FeishuBotOptions));
        Streaming.Validate();
        UrlFetch.Validate();
    }
}

/// <summary>Who may reach the bot where: DMs, groups (only when mentioned by default), allow lists.</summary>
public sealed record BotPolicy
{
    /// <summary>Whether DMs (p2p chats) are answered (true).</summary>
    public bool DirectMessages { get; init; } = true;

    /// <summary>Whether group messages are answered (true), and then <see cref="GroupsRequireMention"/> decides.</summary>
    public bool Groups { get; init; } = true;

    /// <summary>Whether a group message must mention the bot (true): bots with the all-messages scope receive every group message.</summary>
    public bool GroupsRequireMention { get; init; } = true;

    /// <summary>Whether @所有人 counts as mentioning the bot (false).</summary>
    public bool RespondToMentionAll { get; init; }

    /// <summary>The groups (chat_id) answered; every group when null.</summary>
    public IReadOnlySet<string>? AllowedGroups { get; init; }

    /// <summary>The people (open_id) answered, in DMs and groups; everyone when null.</summary>
    public IReadOnlySet<string>? AllowedSenders { get; init; }

    /// <summary>Why a message is refused, or null when it is answered.</summary>
    /// <param name="message">The message.</param>
    public BotRejection? Evaluate(BotMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (AllowedSenders is not null && (message.Sender.OpenId is not { } sender || !AllowedSenders.Contains(sender)))
        {
            return BotRejection.SenderNotAllowed;
        }

        if (message.ChatType == BotChatType.Direct)
        {
            return DirectMessages ? null : BotRejection.DirectMessagesOff;
        }

        if (!Groups)
        {
            return BotRejection.GroupsOff;
        }

        if (AllowedGroups is not null && !AllowedGroups.Contains(message.ChatId))
        {
            return BotRejection.GroupNotAllowed;
        }

        if (GroupsRequireMention && !message.MentionsBot && !(RespondToMentionAll && message.MentionsAll))
        {
            return message.MentionsAll ? BotRejection.MentionAllIgnored : BotRejection.NotMentioned;
        }

        return null;
    }
}

/// <summary>Why the bot did not answer a message.</summary>
public enum BotRejection
{
    /// <summary>The bot sent it itself.</summary>
    Self,

    /// <summary>It is older than <see cref="FeishuBotOptions.StaleAfter"/>.</summary>
    Stale,

    /// <summary>The same message arrived before (under another event id).</summary>
    Duplicate,

    /// <summary>DMs are off.</summary>
    DirectMessagesOff,

    /// <summary>Groups are off.</summary>
    GroupsOff,

    /// <summary>The group is not in the allow list.</summary>
    GroupNotAllowed,

    /// <summary>The sender is not in the allow list.</summary>
    SenderNotAllowed,

    /// <summary>A group message that does not mention the bot.</summary>
    NotMentioned,

    /// <summary>A group message that mentions everyone but not the bot.</summary>
    MentionAllIgnored,
}

/// <summary>The rates and timings streamed replies keep to.</summary>
public sealed class BotStreamingOptions
{
    /// <summary>Updates a second per card (8; Feishu allows 10): the margin absorbs network jitter.</summary>
    public int UpdatesPerSecondPerCard { get; set; } = 8;

    /// <summary>CardKit calls a second for the whole app, shared by every stream (40; Feishu allows 50).</summary>
    public int CallsPerSecondPerApp { get; set; } = 40;

    /// <summary>Streaming mode is opened again after this long (9 minutes), before Feishu closes it 10 minutes after it was opened.</summary>
    public TimeSpan RenewStreamingAfter { get; set; } = TimeSpan.FromMinutes(9);

    /// <summary>The element streamed into (answer).</summary>
    public string ElementId { get; set; } = "answer";

    /// <summary>What the card shows before the first text (…).</summary>
    public string Placeholder { get; set; } = "…";

    /// <summary>The streamed text at which a card is finished and the rest continues in a new one (24,000 UTF-8 bytes, inside the 30 KB card limit).</summary>
    public int MaxCardTextBytes { get; set; } = 24_000;

    /// <summary>Edits of a post stream (where CardKit is not allowed): at most this many (18 of Feishu's 20, the last kept for the final text).</summary>
    public int MaxPostEdits { get; set; } = 18;

    /// <summary>The least time between two edits of a post stream (1 s).</summary>
    public TimeSpan PostEditInterval { get; set; } = TimeSpan.FromSeconds(1);

    internal void Validate()
    {
        BotChecks.Require(UpdatesPerSecondPerCard is > 0 and <= 10, "UpdatesPerSecondPerCard must be between 1 and 10 (Feishu's limit per card).", nameof(BotStreamingOptions));
        BotChecks.Require(CallsPerSecondPerApp is > 0 and <= 50, "CallsPerSecondPerApp must be between 1 and 50 (Feishu's limit per app).", nameof(BotStreamingOptions));
        BotChecks.Require(RenewStreamingAfter > TimeSpan.Zero && RenewStreamingAfter < TimeSpan.FromMinutes(10), "RenewStreamingAfter must be under the 10 minutes after which Feishu closes streaming.", nameof(BotStreamingOptions));
        BotChecks.Require(MaxPostEdits is > 0 and < 20, "MaxPostEdits must be between 1 and 19 (Feishu allows 20 edits, the last is kept for the final text).", nameof(BotStreamingOptions));
        BotChecks.Require(MaxCardTextBytes is >= 1024 and <= 28_000, "MaxCardTextBytes must be between 1,024 and 28,000 (a card holds 30 KB).", nameof(BotStreamingOptions));
    }
}
