using System;
using Microsoft.Extensions.Logging;

namespace FeishuGen.Events;

/// <summary>What the event side logs: ids, types and reasons; never a token, a key or a body.</summary>
internal static partial class FeishuEventLog
{
    [LoggerMessage(101, LogLevel.Information, "Feishu event {EventType} ({EventId}) has no handler; answered 200 so that Feishu does not deliver it again")]
    public static partial void Unhandled(ILogger logger, string eventType, string eventId);

    [LoggerMessage(102, LogLevel.Debug, "Feishu event {EventType} ({EventId}) is a repeat; acknowledged without running handlers")]
    public static partial void Duplicate(ILogger logger, string eventType, string eventId);

    [LoggerMessage(103, LogLevel.Warning, "Feishu event request rejected ({Reason}): {Message}")]
    public static partial void Rejected(ILogger logger, FeishuEventRejection reason, string message);

    [LoggerMessage(104, LogLevel.Error, "A handler of Feishu event {EventType} ({EventId}) failed; answered 500 so that Feishu delivers it again")]
    public static partial void HandlerFailed(ILogger logger, string eventType, string eventId, Exception exception);

    [LoggerMessage(105, LogLevel.Warning, "The handlers of Feishu event {EventType} ({EventId}) ran past the {DeadlineMs} ms deadline; cancelled and answered 500 so that Feishu delivers it again")]
    public static partial void DeadlineExceeded(ILogger logger, string eventType, string eventId, long deadlineMs);

    [LoggerMessage(106, LogLevel.Warning, "The Feishu event queue is full ({Capacity}); event {EventType} ({EventId}) answered 503 so that Feishu delivers it again")]
    public static partial void QueueFull(ILogger logger, int capacity, string eventType, string eventId);

    [LoggerMessage(107, LogLevel.Error, "A queued handler of Feishu event {EventType} ({EventId}) failed after the event was acknowledged")]
    public static partial void QueuedHandlerFailed(ILogger logger, string eventType, string eventId, Exception exception);

    [LoggerMessage(108, LogLevel.Warning, "A Feishu event without an id or a type was answered 400")]
    public static partial void NotAnEvent(ILogger logger);

    [LoggerMessage(109, LogLevel.Error, "Feishu event {EventType} ({EventId}) could not be stored in the durable queue; answered 500 so that Feishu delivers it again")]
    public static partial void StoreFailed(ILogger logger, string eventType, string eventId, Exception exception);
}
