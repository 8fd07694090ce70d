using System;
using System.Collections.Generic;
using System.Text;

namespace FeishuGen;

/// <summary>Per-call overrides: how a call authenticates, how long it may take, and extra headers.</summary>
public sealed class FeishuRequestOptions
{
    private readonly IReadOnlyDictionary<string, string>? _headers;

    /// <summary>A user_access_token to call as that user (for endpoints that accept one).</summary>
    public string? UserAccessToken { get; init; }

    /// <summary>The tenant to act in, for store (ISV) apps: its tenant_key.</summary>
    public string? TenantKey { get; init; }

    /// <summary>A token to send as is, bypassing the client's token management.</summary>
    public string? AccessToken { get; init; }

    /// <summary>Which token to send when the endpoint accepts several and no user token is given.</summary>
    public FeishuTokenType? PreferredTokenType { get; init; }

    /// <summary>A signed-in user's session: its access token is sent, and refreshed (once) when Feishu says it expired.</summary>
    public FeishuUserSession? UserSession { get; init; }

    /// <summary>Retry this call after faults even though its method (POST, PATCH) is not idempotent: the caller knows a repeat is harmless.</summary>
    public bool RetryNonIdempotent { get; init; }

    /// <summary>
    /// The time limit of each attempt of this call, in place of <see cref="FeishuClientOptions.Timeout"/>
    /// (or <see cref="FeishuClientOptions.UploadTimeout"/> for uploads): a large upload on a slow link
    /// needs more, a health probe less.
    /// </summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>
    /// Extra request headers, such as <c>X-Lark-Helpdesk-Authorization</c> (see
    /// <see cref="ForHelpdesk"/>). Their values are never logged. Authorization, Host and
    /// content headers are the client's to set and are refused.
    /// </summary>
    /// <exception cref="ArgumentException">A header the client owns, or a name or value that cannot go on the wire.</exception>
    public IReadOnlyDictionary<string, string>? Headers
    {
        get => _headers;
        init
        {
            if (value is not null)
            {
                foreach (var header in value)
                {
                    CheckHeader(header.Key, header.Value);
                }
            }

            _headers = value;
        }
    }

    /// <summary>
    /// Options for the helpdesk APIs, which authenticate the helpdesk as well as the app:
    /// <c>X-Lark-Helpdesk-Authorization: base64(helpdesk_id:helpdesk_token)</c>.
    /// </summary>
    /// <param name="helpdeskId">The helpdesk's ID.</param>
    /// <param name="helpdeskToken">The helpdesk's token (a secret: never logged).</param>
    public static FeishuRequestOptions ForHelpdesk(string helpdeskId, string helpdeskToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(helpdeskId);
        ArgumentException.ThrowIfNullOrEmpty(helpdeskToken);
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes(helpdeskId + ":" + helpdeskToken));
        return new FeishuRequestOptions { Headers = new Dictionary<string, string> { [HelpdeskHeader] = credentials } };
    }

    /// <summary>The helpdesk authorization header's name.</summary>
    public const string HelpdeskHeader = "X-Lark-Helpdesk-Authorization";

    private static void CheckHeader(string name, string value)
    {
        if (string.IsNullOrEmpty(name) || name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) || name.Equals("Host", StringComparison.OrdinalIgnoreCase) || name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"The header '{name}' is set by the client: use AccessToken for the token, and the request record for the body.", nameof(Headers));
        }

        foreach (var c in name)
        {
            if (c <= ' ' || c >= 127 || c == ':')
            {
                throw new ArgumentException($"The header name '{name}' is not a valid HTTP token.", nameof(Headers));
            }
        }

        foreach (var c in value ?? throw new ArgumentException($"The header '{name}' has no value.", nameof(Headers)))
        {
            if (c is '\r' or '\n' or '\0')
            {
                throw new ArgumentException($"The value of header '{name}' holds a line break or NUL, which would split the request.", nameof(Headers));
            }
        }
    }
}
