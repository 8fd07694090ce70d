using System.Text.Json.Serialization;
using FeishuGen.Tokens;

namespace FeishuGen;

/// <summary>The device authorization reply (RFC 8628 §3.2), or an OAuth error.</summary>
internal sealed class DeviceAuthorizationReply
{
    [JsonPropertyName("device_code")]
    public string? DeviceCode { get; set; }

    [JsonPropertyName("user_code")]
    public string? UserCode { get; set; }

    [JsonPropertyName("verification_uri")]
    public string? VerificationUri { get; set; }

    [JsonPropertyName("verification_uri_complete")]
    public string? VerificationUriComplete { get; set; }

    [JsonPropertyName("expires_in")]
    public int ExpiresIn { get; set; }

    [JsonPropertyName("interval")]
    public int Interval { get; set; }

    [JsonPropertyName("code")]
    public int? Code { get; set; }

    [JsonPropertyName("error")]
    public string? Error { get; set; }

    [JsonPropertyName("error_description")]
    public string? ErrorDescription { get; set; }
}

/// <summary>The reply of /open-apis/authen/v1/user_info.</summary>
internal sealed class UserInfoReply
{
    [JsonPropertyName("code")]
    public int? Code { get; set; }

    [JsonPropertyName("msg")]
    public string? Msg { get; set; }

    [JsonPropertyName("data")]
    public FeishuUserInfo? Data { get; set; }
}

/// <summary>The reply of the revocation endpoint: empty, or code and msg, or an OAuth error.</summary>
internal sealed class RevokeReply
{
    [JsonPropertyName("code")]
    public int? Code { get; set; }

    [JsonPropertyName("msg")]
    public string? Msg { get; set; }

    [JsonPropertyName("error")]
    public string? Error { get; set; }

    [JsonPropertyName("error_description")]
    public string? ErrorDescription { get; set; }
}

/// <summary>Source-generated metadata for the sign-in wire types.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DeviceAuthorizationReply))]
[JsonSerializable(typeof(UserInfoReply))]
[JsonSerializable(typeof(RevokeReply))]
[JsonSerializable(typeof(UserTokenReply))]
internal sealed partial class SignInJsonContext : JsonSerializerContext
{
}
