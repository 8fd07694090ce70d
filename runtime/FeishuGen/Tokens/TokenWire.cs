using System.Text.Json.Serialization;

namespace FeishuGen.Tokens;

/// <summary>Body of the self-built token requests and of app_ticket/resend.</summary>
internal sealed record AppCredentialsBody(
    [property: JsonPropertyName("app_id")] string AppId,
    [property: JsonPropertyName("app_secret")] string AppSecret);

/// <summary>Body of the store app's app_access_token request.</summary>
internal sealed record StoreAppTokenBody(
    [property: JsonPropertyName("app_id")] string AppId,
    [property: JsonPropertyName("app_secret")] string AppSecret,
    [property: JsonPropertyName("app_ticket")] string AppTicket);

/// <summary>Body of the store app's tenant_access_token request.</summary>
internal sealed record StoreTenantTokenBody(
    [property: JsonPropertyName("app_access_token")] string AppAccessToken,
    [property: JsonPropertyName("tenant_key")] string TenantKey);

/// <summary>A token reply: the token fields sit at the top level, not under data.</summary>
internal sealed class TokenReply : ITokenReply
{
    [JsonPropertyName("code")]
    public int? Code { get; set; }

    [JsonPropertyName("msg")]
    public string? Msg { get; set; }

    [JsonPropertyName("tenant_access_token")]
    public string? TenantAccessToken { get; set; }

    [JsonPropertyName("app_access_token")]
    public string? AppAccessToken { get; set; }

    [JsonPropertyName("expire")]
    public int Expire { get; set; }

    [JsonIgnore]
    public bool IsSuccess => Code == 0 && (!string.IsNullOrEmpty(TenantAccessToken) || !string.IsNullOrEmpty(AppAccessToken));
}

/// <summary>The reply of app_ticket/resend: code and msg only.</summary>
internal sealed class TicketResendReply : ITokenReply
{
    [JsonPropertyName("code")]
    public int? Code { get; set; }

    [JsonPropertyName("msg")]
    public string? Msg { get; set; }

    [JsonIgnore]
    public bool IsSuccess => Code == 0;
}

/// <summary>Body of the user token refresh (OAuth 2, /open-apis/authen/v2/oauth/token).</summary>
internal sealed record UserRefreshBody(
    [property: JsonPropertyName("grant_type")] string GrantType,
    [property: JsonPropertyName("client_id")] string ClientId,
    [property: JsonPropertyName("client_secret")] string ClientSecret,
    [property: JsonPropertyName("refresh_token")] string RefreshToken);

/// <summary>The user token reply: fields at the top level.</summary>
internal sealed class UserTokenReply : ITokenReply
{
    [JsonPropertyName("code")]
    public int? Code { get; set; }

    [JsonPropertyName("msg")]
    public string? RawMsg { get; set; }

    // The v2 endpoint speaks OAuth: its refusals describe themselves in error_description, not msg.
    [JsonIgnore]
    public string? Msg => RawMsg ?? ErrorDescription;

    [JsonPropertyName("error")]
    public string? Error { get; set; }

    [JsonPropertyName("error_description")]
    public string? ErrorDescription { get; set; }

    [JsonPropertyName("access_token")]
    public string? AccessToken { get; set; }

    [JsonPropertyName("expires_in")]
    public int ExpiresIn { get; set; }

    [JsonPropertyName("refresh_token")]
    public string? RefreshToken { get; set; }

    [JsonPropertyName("refresh_token_expires_in")]
    public int RefreshTokenExpiresIn { get; set; }

    [JsonPropertyName("scope")]
    public string? Scope { get; set; }

    // OAuth replies speak with error fields: a reply without code but with a token is a success.
    [JsonIgnore]
    public bool IsSuccess => (Code ?? 0) == 0 && string.IsNullOrEmpty(Error) && !string.IsNullOrEmpty(AccessToken);
}

/// <summary>Source-generated metadata for the token wire types.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AppCredentialsBody))]
[JsonSerializable(typeof(StoreAppTokenBody))]
[JsonSerializable(typeof(StoreTenantTokenBody))]
[JsonSerializable(typeof(TokenReply))]
[JsonSerializable(typeof(TicketResendReply))]
[JsonSerializable(typeof(UserRefreshBody))]
[JsonSerializable(typeof(UserTokenReply))]
internal sealed partial class TokenJsonContext : JsonSerializerContext
{
}
