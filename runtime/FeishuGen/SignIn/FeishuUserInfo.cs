using System.Text.Json.Serialization;

namespace FeishuGen;

/// <summary>
/// Who signed in, from /open-apis/authen/v1/user_info. Fields that need a scope are null unless
/// it was granted: <see cref="UserId"/> (contact:user.employee_id:readonly), <see cref="Email"/>
/// (contact:user.email:readonly), <see cref="Mobile"/> (contact:user.phone:readonly). Feishu's
/// docs warn that email and mobile are entered by admins and not verified: do not sign people in by them.
/// </summary>
public sealed record FeishuUserInfo
{
    /// <summary>The user's id in this app (ou_…): the key of their tokens.</summary>
    [JsonPropertyName("open_id")]
    public string? OpenId { get; init; }

    /// <summary>The user's id across the developer's apps (on_…).</summary>
    [JsonPropertyName("union_id")]
    public string? UnionId { get; init; }

    /// <summary>The user's id in the tenant, when granted.</summary>
    [JsonPropertyName("user_id")]
    public string? UserId { get; init; }

    /// <summary>The user's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The user's English name.</summary>
    [JsonPropertyName("en_name")]
    public string? EnName { get; init; }

    /// <summary>The avatar's URL.</summary>
    [JsonPropertyName("avatar_url")]
    public string? AvatarUrl { get; init; }

    /// <summary>The email an admin entered, when granted.</summary>
    [JsonPropertyName("email")]
    public string? Email { get; init; }

    /// <summary>The mobile number an admin entered, when granted.</summary>
    [JsonPropertyName("mobile")]
    public string? Mobile { get; init; }

    /// <summary>The user's tenant.</summary>
    [JsonPropertyName("tenant_key")]
    public string? TenantKey { get; init; }
}
