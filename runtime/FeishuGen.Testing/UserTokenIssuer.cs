using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;

namespace FeishuGen.Testing;

/// <summary>
/// User tokens as Feishu issues them (/open-apis/authen/v2/oauth/token): each sign-in is a grant
/// (a user and the scopes granted) with an access token and, with offline_access, a refresh token.
/// Refresh tokens are single-use and rotate; a spent one answers 20073, a revoked one 20064.
/// </summary>
internal sealed class UserTokenIssuer
{
    public const string Path = "/open-apis/authen/v2/oauth/token";
    public const string OfflineAccess = "offline_access";

    private readonly ConcurrentDictionary<string, Grant> _access = new();
    private readonly ConcurrentDictionary<string, Grant> _refresh = new();
    private readonly FeishuTestServerOptions _options;
    private int _issued;
    private int _refreshes;
    private int _revocations;

    public UserTokenIssuer(FeishuTestServerOptions options)
    {
        _options = options;

        // The configured pair belongs to the configured user, with every scope.
        var grant = new Grant(options.SignIn.User, "*");
        _access[options.UserAccessToken] = grant;
        _refresh[options.UserRefreshToken] = grant;
    }

    public int Refreshes => Volatile.Read(ref _refreshes);

    public int Revocations => Volatile.Read(ref _revocations);

    public bool IsValid(string token) => _access.TryGetValue(token, out var grant) && !grant.Revoked;

    /// <summary>The grant behind a live access token, or null.</summary>
    public Grant? GrantOf(string token) => _access.TryGetValue(token, out var grant) && !grant.Revoked ? grant : null;

    /// <summary>Revokes a user access token, as its expiry would.</summary>
    public void Expire(string token) => _access.TryRemove(token, out _);

    /// <summary>A new grant for <paramref name="user"/>: the token reply, and the grant (to revoke it when its code is replayed).</summary>
    public (JsonObject Reply, Grant Grant) Issue(FeishuTestUser user, string scope)
    {
        var grant = new Grant(user, scope);
        var n = Interlocked.Increment(ref _issued).ToString(CultureInfo.InvariantCulture);
        return (Mint(grant, "u-local-" + n, "r-local-" + n), grant);
    }

    /// <summary>Revokes the grant of <paramref name="token"/> (access or refresh): every token of it stops working.</summary>
    public bool Revoke(string token)
    {
        if (!_access.TryGetValue(token, out var grant) && !_refresh.TryGetValue(token, out grant))
        {
            return false;
        }

        grant.Revoked = true;
        Interlocked.Increment(ref _revocations);
        return true;
    }

    public (int Status, string Body) Refresh(IReadOnlyDictionary<string, string> fields)
    {
        var presented = fields.GetValueOrDefault("refresh_token") ?? string.Empty;
        if (_refresh.TryGetValue(presented, out var revoked) && revoked.Revoked)
        {
            return (400, OAuthReply.Error(20064, "invalid_grant", "The refresh token has been revoked."));
        }

        if (!_refresh.TryRemove(presented, out var grant))
        {
            return (400, OAuthReply.Error(20073, "invalid_grant", "The refresh token has been used."));
        }

        var n = Interlocked.Increment(ref _refreshes).ToString(CultureInfo.InvariantCulture);
        return (200, Mint(grant, "u-local-refreshed-" + n, "r-local-refreshed-" + n).ToJsonString());
    }

    private JsonObject Mint(Grant grant, string access, string refresh)
    {
        _access[access] = grant;
        var sign = _options.SignIn;
        var reply = new JsonObject
        {
            ["code"] = 0,
            ["access_token"] = access,
            ["expires_in"] = sign.AccessTokenLifetimeSeconds,
            ["token_type"] = "Bearer",
        };
        if (grant.Scope != "*")
        {
            reply["scope"] = grant.Scope;
        }

        if (sign.GrantRefreshTokens && (grant.Scope == "*" || grant.Scopes.Contains(OfflineAccess)))
        {
            _refresh[refresh] = grant;
            reply["refresh_token"] = refresh;
            reply["refresh_token_expires_in"] = sign.RefreshTokenLifetimeSeconds;
        }

        return reply;
    }

    /// <summary>One sign-in: who, with which scopes ("*" for the configured token, which has every scope).</summary>
    internal sealed class Grant
    {
        public Grant(FeishuTestUser user, string scope)
        {
            User = user;
            Scope = scope;
            Scopes = scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        }

        public FeishuTestUser User { get; }

        public string Scope { get; }

        public HashSet<string> Scopes { get; }

        public volatile bool Revoked;

        public bool Has(string scope) => Scope == "*" || Scopes.Contains(scope);
    }
}

/// <summary>The replies of Feishu's OAuth endpoints: code, error and error_description at the top level.</summary>
internal static class OAuthReply
{
    public static string Error(int? code, string error, string description)
    {
        var reply = new JsonObject { ["error"] = error, ["error_description"] = description };
        if (code is { } c)
        {
            reply["code"] = c;
        }

        return reply.ToJsonString();
    }
}
