using System;
using Microsoft.Extensions.Logging;

namespace FeishuGen.Bots;

/// <summary>The bot's log messages (source-generated, no allocation when disabled).</summary>
internal static partial class BotLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Message {MessageId} (event {EventId}) not answered: {Reason}")]
    public static partial void Rejected(ILogger logger, string messageId, string eventId, BotRejection reason);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "No handler for the card action '{Action}' (event {EventId})")]
    public static partial void UnhandledAction(ILogger logger, string action, string eventId);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "The bot's identity could not be fetched; mentions of the bot and its own messages cannot be told apart until it is")]
    public static partial void IdentityFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Error, Message = "The handler of event {EventId} failed after the event was acknowledged")]
    public static partial void HandlerFailed(ILogger logger, string eventId, Exception exception);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "Card {CardId}: {What} failed ({Code}); {Next}")]
    public static partial void StreamStep(ILogger logger, string cardId, string what, int code, string next);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "CardKit is not available ({Code}); streaming by editing a post message instead")]
    public static partial void PostFallback(ILogger logger, int code);
}
