namespace FeishuGen.AspNetCore.Authentication;

/// <summary>The default values of the Feishu sign-in handler.</summary>
public static class FeishuAuthenticationDefaults
{
    /// <summary>The scheme's name: <c>Feishu</c>.</summary>
    public const string AuthenticationScheme = "Feishu";

    /// <summary>The name shown on sign-in buttons.</summary>
    public const string DisplayName = "Feishu";

    /// <summary>The issuer of the claims.</summary>
    public const string Issuer = "Feishu";

    /// <summary>Where Feishu sends the browser back: <c>/signin-feishu</c> (register it as a redirect URL of the app).</summary>
    public const string CallbackPath = "/signin-feishu";

    /// <summary>The authorize page's path on the accounts host.</summary>
    public const string AuthorizationPath = "/open-apis/authen/v1/authorize";

    /// <summary>The v2 token endpoint's path on the open host.</summary>
    public const string TokenPath = "/open-apis/authen/v2/oauth/token";

    /// <summary>The user info endpoint's path on the open host.</summary>
    public const string UserInformationPath = "/open-apis/authen/v1/user_info";

    /// <summary>Feishu's authorize page.</summary>
    public const string AuthorizationEndpoint = "https://accounts.feishu.cn" + AuthorizationPath;

    /// <summary>Feishu's token endpoint.</summary>
    public const string TokenEndpoint = "https://open.feishu.cn" + TokenPath;

    /// <summary>Feishu's user info endpoint.</summary>
    public const string UserInformationEndpoint = "https://open.feishu.cn" + UserInformationPath;
}

/// <summary>The claim types the handler issues besides the standard ones (NameIdentifier = open_id, Name, Email, MobilePhone).</summary>
public static class FeishuAuthenticationConstants
{
    /// <summary>Claim types.</summary>
    public static class Claims
    {
        /// <summary>The open_id (also the NameIdentifier): the user's id in this app, and the key of their tokens.</summary>
        public const string OpenId = "urn:feishu:open_id";

        /// <summary>The union_id: the user's id across the developer's apps.</summary>
        public const string UnionId = "urn:feishu:union_id";

        /// <summary>The user_id in the tenant (only with contact:user.employee_id:readonly).</summary>
        public const string UserId = "urn:feishu:user_id";

        /// <summary>The English name.</summary>
        public const string EnName = "urn:feishu:en_name";

        /// <summary>The avatar's URL.</summary>
        public const string Avatar = "urn:feishu:avatar";

        /// <summary>The tenant.</summary>
        public const string TenantKey = "urn:feishu:tenant_key";
    }
}
