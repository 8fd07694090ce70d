using System;
using System.Collections.Generic;

namespace FeishuGen;

/// <summary>
/// A sign-in that did not complete, with what to do about it: the user denied consent, the
/// <c>state</c> did not match, the code was reused or expired, PKCE failed, a scope was not
/// granted, or a device code expired. <see cref="Error"/> is the OAuth error (access_denied,
/// invalid_state, invalid_grant, insufficient_scope, expired_token…) and <see cref="Code"/>
/// Feishu's numeric code when it sent one (20004 expired code, 20049 PKCE failed…).
/// </summary>
public sealed class FeishuSignInException : FeishuException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="error">The OAuth error, e.g. access_denied.</param>
    /// <param name="code">Feishu's numeric code, when it sent one.</param>
    /// <param name="message">What happened and what to do (never a token or secret).</param>
    /// <param name="innerException">The cause, if any.</param>
    public FeishuSignInException(string error, int? code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
        Code = code;
    }

    /// <summary>The OAuth error: access_denied, invalid_state, invalid_grant, insufficient_scope, expired_token, slow_down…</summary>
    public string Error { get; }

    /// <summary>Feishu's numeric code (20003 code not found, 20004 code expired, 20065 code used, 20049 PKCE failed, 20071 redirect_uri mismatch, 20027 or 99991679 scope…), when there is one.</summary>
    public int? Code { get; }

    /// <summary>The scopes asked for but not granted (insufficient_scope).</summary>
    public IReadOnlyList<string> MissingScopes { get; init; } = Array.Empty<string>();

    /// <summary>
    /// The exception for a refusal of the token endpoint (code exchange or device polling), with
    /// Feishu's code, its description and what to do.
    /// </summary>
    /// <param name="code">The reply's <c>code</c>, if any.</param>
    /// <param name="error">The reply's <c>error</c>, if any.</param>
    /// <param name="description">The reply's <c>error_description</c>, if any.</param>
    /// <param name="httpStatus">The HTTP status.</param>
    /// <param name="logId">The reply's log id.</param>
    public static FeishuSignInException FromTokenReply(int? code, string? error, string? description, int? httpStatus, string? logId)
    {
        var what = code switch
        {
            20002 => "the app secret is wrong (check AppId and AppSecret)",
            20003 => "the authorization code is unknown: it was used already or never issued; start the sign-in again",
            20004 => "the authorization code expired (codes live 5 minutes): start the sign-in again",
            20010 => "the user may not use this app: add them to the app's availability in the developer console",
            20024 => "the code or refresh token belongs to another app (client_id)",
            20027 => "a scope asked for is not enabled for the app: apply for it in the developer console, or stop asking for it",
            20049 => "PKCE failed: the code_verifier does not match the code_challenge of the authorize request (the callback came with another sign-in's code)",
            20065 => "the authorization code was used already (a replayed callback): start the sign-in again",
            20071 => "redirect_uri differs from the one of the authorize request",
            _ when error == "access_denied" => "the user denied the authorization",
            _ when error == "expired_token" => "the device code expired before the user approved: start the device login again",
            _ => "Feishu refused the grant",
        };
        var message = $"Feishu sign-in failed: {what} ({Describe(code, error)}{(string.IsNullOrEmpty(description) ? string.Empty : ": " + description)}{(logId is null ? string.Empty : ", log id " + logId)}).";
        return new FeishuSignInException(error ?? "invalid_grant", code, message) { HttpStatus = httpStatus, LogId = logId };
    }

    private static string Describe(int? code, string? error) => (code, error) switch
    {
        ({ } c, { Length: > 0 } e) => $"code {c}, {e}",
        ({ } c, _) => $"code {c}",
        (_, { Length: > 0 } e) => e,
        _ => "no code",
    };
}
