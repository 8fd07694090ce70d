using System;
using Microsoft.Extensions.Logging;

namespace FeishuGen.Redis;

/// <summary>What the durable stream logs: ids, types, counts and reasons; never an event's body.</summary>
internal static partial class RedisLog
{
    [LoggerMessage(301, LogLevel.Warning, "A handler of Feishu event {EventType} ({EventId}) failed on try {Attempt} of {MaxAttempts}")]
    public static partial void HandlerFailed(ILogger logger, string eventType, string eventId, int attempt, int maxAttempts, Exception exception);

    [LoggerMessage(302, LogLevel.Error, "Feishu event {EventType} ({EventId}) moved to the dead-letter stream after {Attempts} tries: {Reason}")]
    public static partial void DeadLettered(ILogger logger, string eventType, string eventId, int attempts, string reason);

    [LoggerMessage(303, LogLevel.Warning, "Feishu event {EventType} ({EventId}) was handled but not acknowledged in the stream ({Reason}); it will be handled again")]
    public static partial void AcknowledgeFailed(ILogger logger, string eventType, string eventId, string reason);

    [LoggerMessage(304, LogLevel.Warning, "Reading the Feishu event stream failed ({Reason}); trying again")]
    public static partial void ReadFailed(ILogger logger, string reason);

    [LoggerMessage(305, LogLevel.Information, "Claimed {Count} Feishu events left by an instance that stopped answering for them")]
    public static partial void Claimed(ILogger logger, int count);

    [LoggerMessage(306, LogLevel.Information, "Feishu event stream consumer stopped ({Left} events left in the stream for later, drained: {Drained})")]
    public static partial void Stopped(ILogger logger, int left, bool drained);
}
