using System;
using System.Collections.Generic;

namespace FeishuGen.Testing;

/// <summary>What the local server's authorize page does when a browser (or a test) opens it.</summary>
public enum FeishuTestConsent
{
    /// <summary>Shows the consent page with Authorize and Deny buttons (a browser test clicks one).</summary>
    Ask,

    /// <summary>Redirects back with a code at once, as Feishu does inside its own app for a consented app.</summary>
    Approve,

    /// <summary>Redirects back with error=access_denied at once, as when the user clicks Deny.</summary>
    Deny,
}

/// <summary>The user who signs in to the local server.</summary>
public sealed record FeishuTestUser
{
    /// <summary>The open_id.</summary>
    public string OpenId { get; init; } = "ou_local_user";

    /// <summary>The union_id.</summary>
    public string UnionId { get; init; } = "on_local_user";

    /// <summary>The user_id, returned only with the contact:user.employee_id:readonly scope.</summary>
    public string UserId { get; init; } = "local_user_1";

    /// <summary>The name.</summary>
    public string Name { get; init; } = "林晓飞";

    /// <summary>The English name.</summary>
    public string EnName { get; init; } = "Lin Xiaofei";

    /// <summary>The avatar's URL.</summary>
    public string AvatarUrl { get; init; } = "https://example.invalid/avatar/ou_local_user.png";

    /// <summary>The email, returned only with the contact:user.email:readonly scope.</summary>
    public string Email { get; init; } = "lin.xiaofei@example.invalid";

    /// <summary>The mobile number, returned only with the contact:user.phone:readonly scope.</summary>
    public string Mobile { get; init; } = "+8613800000000";

    /// <summary>The tenant.</summary>
    public string TenantKey { get; init; } = "local-tenant";
}

/// <summary>How the local server plays user sign-in: the authorize page, codes, device login and user tokens.</summary>
public sealed class FeishuTestSignInOptions
{
    /// <summary>Who signs in.</summary>
    public FeishuTestUser User { get; set; } = new();

    /// <summary>What the authorize page does (default: it asks, with Authorize and Deny buttons).</summary>
    public FeishuTestConsent Consent { get; set; } = FeishuTestConsent.Ask;

    /// <summary>The scopes the app has applied for; asking for another shows Feishu's error 20027 on the authorize page. Null allows any.</summary>
    public IReadOnlyCollection<string>? AppScopes { get; set; }

    /// <summary>Scopes the user (or their admin) does not grant: the token's scope leaves them out.</summary>
    public IReadOnlyCollection<string> WithheldScopes { get; set; } = Array.Empty<string>();

    /// <summary>Whether a refresh token comes with offline_access (default true; false plays users' reports that it sometimes does not).</summary>
    public bool GrantRefreshTokens { get; set; } = true;

    /// <summary>How long an authorization code can be exchanged (Feishu: 5 minutes).</summary>
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a device code lives (Feishu: about 240 s).</summary>
    public TimeSpan DeviceCodeLifetime { get; set; } = TimeSpan.FromSeconds(240);

    /// <summary>The polling interval the device authorization asks for (Feishu: 5 s).</summary>
    public TimeSpan DevicePollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The expires_in of user access tokens, in seconds.</summary>
    public int AccessTokenLifetimeSeconds { get; set; } = 7200;

    /// <summary>The refresh_token_expires_in of refresh tokens, in seconds.</summary>
    public int RefreshTokenLifetimeSeconds { get; set; } = 604800;
}
