using System;
using Microsoft.Extensions.Logging;

namespace FeishuGen.Logging;

/// <summary>
/// What the client logs (source-generated, allocation-free when disabled). Never a token, a
/// secret, an Authorization header or a body: method, path, status, code, log id and timing only.
/// </summary>
internal static partial class FeishuLog
{
    [LoggerMessage(1, LogLevel.Debug, "Feishu {Method} {Path} answered HTTP {Status} code {Code} in {ElapsedMs} ms (log id {LogId})")]
    public static partial void Completed(ILogger logger, string method, string path, int status, int code, long elapsedMs, string? logId);

    [LoggerMessage(2, LogLevel.Warning, "Feishu {Method} {Path} failed: HTTP {Status} code {Code} {Msg} (log id {LogId})")]
    public static partial void Failed(ILogger logger, string method, string path, int status, int code, string msg, string? logId);

    [LoggerMessage(3, LogLevel.Information, "Retrying Feishu {Method} {Path} in {DelayMs} ms (attempt {Attempt}): {Reason}")]
    public static partial void Retrying(ILogger logger, string method, string path, long delayMs, int attempt, string reason);

    [LoggerMessage(4, LogLevel.Information, "Feishu rejected the cached {TokenType}; fetching a new one and replaying {Method} {Path} once")]
    public static partial void TokenRejected(ILogger logger, string tokenType, string method, string path);

    [LoggerMessage(5, LogLevel.Warning, "Feishu {Method} {Path} could not be sent: {Reason}")]
    public static partial void TransportFailed(ILogger logger, string method, string path, string reason, Exception exception);

    [LoggerMessage(6, LogLevel.Warning, "Refreshing the {TokenType} failed ({Reason}); the cached one stays valid for {RemainingSeconds} s and is used meanwhile")]
    public static partial void UsingCachedToken(ILogger logger, string tokenType, string reason, long remainingSeconds);

    [LoggerMessage(7, LogLevel.Information, "Feishu rejected the cached app_access_token while issuing a tenant token; fetching a new app token once")]
    public static partial void AppTokenRejected(ILogger logger);

    [LoggerMessage(8, LogLevel.Warning, "The shared token cache failed ({Reason}); tokens are kept in this process for the next {Seconds} s")]
    public static partial void SharedCacheUnavailable(ILogger logger, string reason, long seconds);
}
