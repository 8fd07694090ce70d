using System;
using System.Collections.Generic;

namespace FeishuGen.Bots;

/// <summary>How a streamed reply is shown.</summary>
public enum BotStreamMode
{
    /// <summary>A CardKit card in streaming mode, its Markdown element updated as the text grows.</summary>
    CardKit,

    /// <summary>A post message edited as the text grows (where CardKit is not allowed; Feishu allows 20 edits).</summary>
    PostEdit,
}

/// <summary>How the final text reached the chat.</summary>
public enum BotStreamDelivery
{
    /// <summary>The last element update carried it, and streaming was closed.</summary>
    Streamed,

    /// <summary>A full update of the card carried it (the final card, or after element updates failed).</summary>
    CardUpdated,

    /// <summary>The last edit of the post carried it.</summary>
    Edited,

    /// <summary>Updating the card or post failed, so it was sent as a new message.</summary>
    FallbackMessage,
}

/// <summary>The look and behaviour of a streamed reply.</summary>
public sealed record BotStreamOptions
{
    /// <summary>The card's header title.</summary>
    public string? Title { get; init; }

    /// <summary>The chat-list summary while the answer is written ([生成中] when null).</summary>
    public string? Summary { get; init; }

    /// <summary>The card shown at the end, built from the final text (e.g. with buttons); the streamed card with the final text when null.</summary>
    public Func<string, Card>? FinalCard { get; init; }

    /// <summary>Whether to use CardKit (true); false edits a post message instead.</summary>
    public bool UseCardKit { get; init; } = true;
}

/// <summary>What a streamed reply did.</summary>
public sealed record BotStreamResult
{
    /// <summary>The message shown (the card, or the post).</summary>
    public required string MessageId { get; init; }

    /// <summary>The card entity, in CardKit mode.</summary>
    public string? CardId { get; init; }

    /// <summary>CardKit or post edits.</summary>
    public BotStreamMode Mode { get; init; }

    /// <summary>The whole text.</summary>
    public required string FinalText { get; init; }

    /// <summary>How the final text was delivered.</summary>
    public BotStreamDelivery Delivery { get; init; }

    /// <summary>Element updates (or edits) Feishu accepted, the final one included.</summary>
    public int Updates { get; init; }

    /// <summary>Chunks appended.</summary>
    public int Chunks { get; init; }

    /// <summary>Updates that failed (and were carried by a later one).</summary>
    public int FailedUpdates { get; init; }

    /// <summary>Times streaming mode was opened again (after 9 minutes, or after Feishu closed it).</summary>
    public int Renewals { get; init; }

    /// <summary>Messages sent after the card for text over the card's size, or as the fallback.</summary>
    public IReadOnlyList<string> FollowUpMessageIds { get; init; } = [];
}

/// <summary>An update after the stream was completed: refused at once, nothing is sent.</summary>
public sealed class BotStreamClosedException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="what">The stream.</param>
    public BotStreamClosedException(string what)
        : base($"The stream of {what} is complete: its final text was delivered and streaming closed, so nothing more can be appended.")
    {
    }
}
