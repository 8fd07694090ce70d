using System;
using System.Collections.Generic;
using FeishuGen.Tokens;

namespace FeishuGen;

/// <summary>
/// A user's tokens as Feishu issued them: what a sign-in returns, what a
/// <see cref="IFeishuUserTokenStore"/> keeps and what a <see cref="FeishuUserSession"/> sends.
/// </summary>
public sealed record FeishuUserTokens
{
    /// <summary>The user_access_token.</summary>
    public required string AccessToken { get; init; }

    /// <summary>The refresh token: single-use, rotated by every refresh; null when the offline_access scope was not granted.</summary>
    public string? RefreshToken { get; init; }

    /// <summary>When the access token expires (from the reply's expires_in), if known.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>When the refresh token expires (refresh_token_expires_in), if known: the user must sign in again after it.</summary>
    public DateTimeOffset? RefreshTokenExpiresAt { get; init; }

    /// <summary>The scopes Feishu actually granted, space-separated (it may grant fewer than asked).</summary>
    public string? Scope { get; init; }

    /// <summary>Whether the tokens can be refreshed: Feishu issues a refresh token only with the offline_access scope.</summary>
    public bool CanRefresh => !string.IsNullOrEmpty(RefreshToken);

    /// <summary>The granted scopes, one by one.</summary>
    public IReadOnlyList<string> GrantedScopes => Scope is { Length: > 0 } scope ? scope.Split(' ', StringSplitOptions.RemoveEmptyEntries) : Array.Empty<string>();

    /// <summary>Hides the tokens: a token never prints its secret.</summary>
    public override string ToString() => $"FeishuUserTokens {{ ExpiresAt = {ExpiresAt:O}, CanRefresh = {CanRefresh}, Scope = {Scope} }}";

    /// <summary>The tokens of a successful reply of the v2 token endpoint, dated from when it arrived.</summary>
    internal static FeishuUserTokens From(UserTokenReply reply, DateTimeOffset now) => new()
    {
        AccessToken = reply.AccessToken!,
        RefreshToken = string.IsNullOrEmpty(reply.RefreshToken) ? null : reply.RefreshToken,
        ExpiresAt = reply.ExpiresIn > 0 ? now.AddSeconds(reply.ExpiresIn) : null,
        RefreshTokenExpiresAt = reply.RefreshTokenExpiresIn > 0 ? now.AddSeconds(reply.RefreshTokenExpiresIn) : null,
        Scope = reply.Scope,
    };
}
