using System;

namespace FeishuGen;

/// <summary>
/// What the user needs to approve a device login: open <see cref="VerificationUri"/> and type
/// <see cref="UserCode"/>, or scan <see cref="QrPayload"/> (the link with the code in it) with the
/// Feishu app. Render it however the tool talks to its user: a console line, a QR code, a chat message.
/// </summary>
/// <param name="UserCode">The code to type on the verification page.</param>
/// <param name="VerificationUri">The page to open.</param>
/// <param name="VerificationUriComplete">The page with the code filled in.</param>
/// <param name="ExpiresAt">When the code expires (Feishu: about 4 minutes).</param>
/// <param name="Interval">How often the login polls (Feishu: 5 s; more after slow_down).</param>
public sealed record FeishuDeviceCode(string UserCode, Uri VerificationUri, Uri VerificationUriComplete, DateTimeOffset ExpiresAt, TimeSpan Interval)
{
    /// <summary>The text to encode as a QR code: the verification link with the user code.</summary>
    public string QrPayload => VerificationUriComplete.AbsoluteUri;
}

/// <summary>A completed device login: the session to call with, the tokens and who signed in.</summary>
public sealed class FeishuDeviceLoginResult
{
    internal FeishuDeviceLoginResult(FeishuUserSession session, FeishuUserInfo user, string? warning)
    {
        Session = session;
        User = user;
        Warning = warning;
    }

    /// <summary>The session: pass it in <see cref="FeishuRequestOptions.UserSession"/>.</summary>
    public FeishuUserSession Session { get; }

    /// <summary>The tokens Feishu issued, with the granted scopes.</summary>
    public FeishuUserTokens Tokens => Session.Tokens;

    /// <summary>Who signed in (open_id, name, tenant…).</summary>
    public FeishuUserInfo User { get; }

    /// <summary>
    /// Set when something will go wrong later: no refresh token was granted (the session ends when
    /// the access token expires, about two hours on), or a scope asked for was not granted.
    /// </summary>
    public string? Warning { get; }
}
