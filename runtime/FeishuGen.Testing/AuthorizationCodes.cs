using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using Microsoft.AspNetCore.WebUtilities;

namespace FeishuGen.Testing;

/// <summary>
/// Authorization codes as Feishu keeps them: one use, five minutes, bound to the app, the
/// redirect_uri and the PKCE challenge of the authorize request. A replayed code is refused (20065)
/// and revokes the tokens issued for it, as RFC 6749 §4.1.2 advises.
/// </summary>
internal sealed class AuthorizationCodes
{
    private readonly ConcurrentDictionary<string, Issued> _codes = new();
    private readonly FeishuTestServerOptions _options;
    private int _exchanged;

    public AuthorizationCodes(FeishuTestServerOptions options) => _options = options;

    public int Exchanged => Volatile.Read(ref _exchanged);

    public string Issue(AuthorizeRequest request)
    {
        var code = Base64UrlTextEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        _codes[code] = new Issued(request, _options.Time.GetUtcNow() + _options.SignIn.CodeLifetime);
        return code;
    }

    /// <summary>Exchanges a code (grant_type authorization_code) for the token reply, or a refusal with Feishu's code.</summary>
    public (int Status, string Body) Exchange(IReadOnlyDictionary<string, string> fields, UserTokenIssuer tokens)
    {
        if (!fields.TryGetValue("code", out var code) || code.Length == 0)
        {
            return (400, OAuthReply.Error(20001, "invalid_request", "The request is missing a required parameter: code."));
        }

        if (!_codes.TryGetValue(code, out var issued))
        {
            return (400, OAuthReply.Error(20003, "invalid_grant", "The authorization code is not found. Please note that an authorization code can only be used once."));
        }

        lock (issued)
        {
            if (issued.Grant is not null)
            {
                tokens.Revoke(issued.AccessToken!);
                return (400, OAuthReply.Error(20065, "invalid_grant", "The authorization code has been used. Please note that an authorization code can only be used once."));
            }

            var request = issued.Request;
            if (_options.Time.GetUtcNow() >= issued.ExpiresAt)
            {
                return (400, OAuthReply.Error(20004, "invalid_grant", "The authorization code has expired."));
            }

            if (fields.GetValueOrDefault("client_id") != request.ClientId)
            {
                return (400, OAuthReply.Error(20024, "invalid_grant", "The provided authorization code does not match the provided client ID."));
            }

            if (fields.TryGetValue("redirect_uri", out var redirect) && redirect.Length > 0 && redirect != request.RedirectUri)
            {
                return (400, OAuthReply.Error(20071, "invalid_grant", "The provided redirect URI does not match the one used during authorization."));
            }

            if (request.CodeChallenge is { Length: > 0 } challenge && !Verifies(fields.GetValueOrDefault("code_verifier"), challenge, request.CodeChallengeMethod))
            {
                return (400, OAuthReply.Error(20049, "invalid_grant", "PKCE code challenge failed."));
            }

            var (reply, grant) = tokens.Issue(_options.SignIn.User, request.GrantedScope(_options.SignIn.WithheldScopes));
            issued.Grant = grant;
            issued.AccessToken = (string)reply["access_token"]!;
            Interlocked.Increment(ref _exchanged);
            return (200, reply.ToJsonString());
        }
    }

    // RFC 7636 §4.6: S256 is BASE64URL(SHA256(ASCII(verifier))); plain (Feishu's default) compares as is.
    private static bool Verifies(string? verifier, string challenge, string? method)
    {
        if (verifier is null || verifier.Length is < 43 or > 128)
        {
            return false;
        }

        var expected = string.Equals(method, "S256", StringComparison.Ordinal)
            ? Base64UrlTextEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)))
            : verifier;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(challenge));
    }

    private sealed class Issued
    {
        public Issued(AuthorizeRequest request, DateTimeOffset expiresAt)
        {
            Request = request;
            ExpiresAt = expiresAt;
        }

        public AuthorizeRequest Request { get; }

        public DateTimeOffset ExpiresAt { get; }

        public UserTokenIssuer.Grant? Grant { get; set; }

        public string? AccessToken { get; set; }
    }
}
