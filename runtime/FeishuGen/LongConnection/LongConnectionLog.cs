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

    [LoggerMessage(203, LogLevel.Critical, "Feishu long connection refused for good, a person must act: {Reason}")]
    public static partial void Fatal(ILogger logger, string reason);

    [LoggerMessage(204, LogLevel.Error, "Acknowledging Feishu frame {MessageId} failed")]
    public static partial void AckFailed(ILogger logger, string? messageId, Exception exception);

    [LoggerMessage(205, LogLevel.Information, "Feishu long connection stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(206, LogLevel.Warning, "Feishu long connection skipped a message it cannot read ({What}); the socket stays open")]
    public static partial void Skipped(ILogger logger, string what);

    [LoggerMessage(207, LogLevel.Warning, "Feishu long connection: the server's {Count} reconnects are spent; trying on every {Seconds} s while the host runs")]
    public static partial void ReconnectsExhausted(ILogger logger, int count, long seconds);

    [LoggerMessage(208, LogLevel.Error, "A handler of the Feishu long connection's StateChanged ({State}) threw")]
    public static partial void StateHandlerFailed(ILogger logger, FeishuLongConnectionState state, Exception exception);

    [LoggerMessage(209, LogLevel.Debug, "Feishu long connection dropped a type={Type} frame without an ack, as the official clients do (callbacks come in type=event frames)")]
    public static partial void Dropped(ILogger logger, string? type);

    [LoggerMessage(210, LogLevel.Warning, "Feishu long connection went silent: no pong or frame for {Seconds} s ({Intervals} ping intervals); replacing the socket")]
    public static partial void Silent(ILogger logger, double seconds, int intervals);

    [LoggerMessage(211, LogLevel.Error, "Feishu long connection refused, a person must act ({Reason}); trying again in {Seconds} s while the host runs")]
    public static partial void Refused(ILogger logger, string reason, long seconds);
}
