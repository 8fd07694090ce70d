using System;
using Microsoft.Extensions.Logging;

namespace FeishuGen.LongConnection;

/// <summary>What the long connection logs: states, counts and reasons; never the secret or an event body.</summary>
internal static partial class LongConnectionLog
{
    [LoggerMessage(201, LogLevel.Information, "Feishu long connection open (connection {Count}, ping every {PingSeconds} s)")]
    public static partial void Connected(ILogger logger, int count, int pingSeconds);

    [LoggerMessage(202, LogLevel.Warning, "Feishu long connection lost ({Reason}); reconnecting in {DelayMs} ms (attempt {Attempt})")]
    public static partial void Reconnecting(ILogger logger, string reason, long delayMs, int attempt);

    [LoggerMessage(203, LogLevel.Error, "Feishu long connection refused for good: {Reason}")]
    public static partial void Fatal(ILogger logger, string reason);

    [LoggerMessage(204, LogLevel.Error, "Acknowledging Feishu frame {MessageId} failed")]
    public static partial void AckFailed(ILogger logger, string? messageId, Exception exception);

    [LoggerMessage(205, LogLevel.Information, "Feishu long connection stopped")]
    public static partial void Stopped(ILogger logger);
}
