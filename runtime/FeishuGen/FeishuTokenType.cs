namespace FeishuGen;

/// <summary>The kinds of access token Feishu accepts.</summary>
public enum FeishuTokenType
{
    /// <summary>tenant_access_token: the app acting in a tenant.</summary>
    Tenant,

    /// <summary>app_access_token: the app itself.</summary>
    App,

    /// <summary>user_access_token: the app acting for a signed-in user.</summary>
    User,
}

/// <summary>Wire names of <see cref="FeishuTokenType"/>.</summary>
public static class FeishuTokenTypeExtensions
{
    /// <summary>The name the documentation pages use, e.g. <c>tenant_access_token</c>.</summary>
    /// <param name="type">The token type.</param>
    public static string WireName(this FeishuTokenType type) => type switch
    {
        FeishuTokenType.App => "app_access_token",
        FeishuTokenType.User => "user_access_token",
        _ => "tenant_access_token",
    };
}
