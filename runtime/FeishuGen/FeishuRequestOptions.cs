namespace FeishuGen;

/// <summary>Per-call overrides of how a call authenticates.</summary>
public sealed class FeishuRequestOptions
{
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
}
