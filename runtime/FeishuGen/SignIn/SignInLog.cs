using Microsoft.Extensions.Logging;

namespace FeishuGen;

/// <summary>What sign-in logs (never a token, a secret or a code): event ids from 100, apart from the client's own.</summary>
internal static partial class SignInLog
{
    [LoggerMessage(100, LogLevel.Warning, "Feishu granted no refresh token: the session ends when the access token expires, in {Seconds} s. Ask for the offline_access scope (and enable it for the app) to stay signed in.")]
    public static partial void NoRefreshToken(ILogger logger, long seconds);

    [LoggerMessage(101, LogLevel.Warning, "A user's tokens in the shared store cannot be decrypted ({Reason}): treated as signed out. Do all instances share one Data Protection key ring?")]
    public static partial void UserTokensUnreadable(ILogger logger, string reason);

    [LoggerMessage(102, LogLevel.Warning, "Revoking the user's token at sign-out failed ({Reason}); the stored tokens were deleted anyway")]
    public static partial void RevokeFailed(ILogger logger, string reason);

    [LoggerMessage(103, LogLevel.Information, "Device login: Feishu asked to slow down; polling every {Seconds} s")]
    public static partial void SlowDown(ILogger logger, long seconds);

    [LoggerMessage(104, LogLevel.Warning, "Device login: polling failed ({Reason}); trying again in {Seconds} s")]
    public static partial void PollFailed(ILogger logger, string reason, long seconds);
}
