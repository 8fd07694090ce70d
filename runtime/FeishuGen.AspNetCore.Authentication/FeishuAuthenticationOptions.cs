using System;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.AspNetCore.Http;
using static FeishuGen.AspNetCore.Authentication.FeishuAuthenticationConstants;

namespace FeishuGen.AspNetCore.Authentication;

/// <summary>
/// How users sign in with Feishu. AppId and AppSecret, and the domain, default to those of the
/// app's <see cref="FeishuClientOptions"/> (<c>services.AddFeishu(…)</c>), so that sign-in and the
/// calls made as the user are one app on one domain. The offline_access scope is asked for by
/// default, so that Feishu issues a refresh token and the user stays signed in past two hours.
/// </summary>
public class FeishuAuthenticationOptions : OAuthOptions
{
    /// <summary>Sets Feishu's endpoints, PKCE, the callback path and the claims.</summary>
    public FeishuAuthenticationOptions()
    {
        ClaimsIssuer = FeishuAuthenticationDefaults.Issuer;
        CallbackPath = new PathString(FeishuAuthenticationDefaults.CallbackPath);
        AuthorizationEndpoint = FeishuAuthenticationDefaults.AuthorizationEndpoint;
        TokenEndpoint = FeishuAuthenticationDefaults.TokenEndpoint;
        UserInformationEndpoint = FeishuAuthenticationDefaults.UserInformationEndpoint;
        UsePkce = true;
        Scope.Add(OfflineAccess);

        ClaimActions.MapJsonSubKey(ClaimTypes.NameIdentifier, "data", "open_id");
        ClaimActions.MapJsonSubKey(Claims.OpenId, "data", "open_id");
        ClaimActions.MapJsonSubKey(Claims.UnionId, "data", "union_id");
        ClaimActions.MapJsonSubKey(Claims.UserId, "data", "user_id");
        ClaimActions.MapJsonSubKey(ClaimTypes.Name, "data", "name");
        ClaimActions.MapJsonSubKey(Claims.EnName, "data", "en_name");
        ClaimActions.MapJsonSubKey(Claims.Avatar, "data", "avatar_url");
        ClaimActions.MapJsonSubKey(ClaimTypes.Email, "data", "email");
        ClaimActions.MapJsonSubKey(ClaimTypes.MobilePhone, "data", "mobile");
        ClaimActions.MapJsonSubKey(Claims.TenantKey, "data", "tenant_key");
    }

    /// <summary>The scope that makes Feishu issue a refresh token.</summary>
    public const string OfflineAccess = "offline_access";

    /// <summary>The app's ID (cli_…): the OAuth client_id. Empty takes the registered <see cref="FeishuClientOptions"/>' AppId.</summary>
    public string AppId { get => ClientId; set => ClientId = value; }

    /// <summary>The app's secret: the OAuth client_secret. Empty takes the registered <see cref="FeishuClientOptions"/>' AppSecret.</summary>
    public string AppSecret { get => ClientSecret; set => ClientSecret = value; }

    /// <summary>
    /// The open platform's address (token and user info endpoints): <see cref="FeishuClientOptions.FeishuDomain"/>,
    /// <see cref="FeishuClientOptions.LarkDomain"/> or a local server. Null takes the registered
    /// <see cref="FeishuClientOptions"/>' BaseAddress, else Feishu's.
    /// </summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The accounts host (the authorize page). Null follows <see cref="BaseAddress"/>: accounts.feishu.cn, accounts.larksuite.com, or the base address itself.</summary>
    public Uri? AccountsAddress { get; set; }

    /// <summary>
    /// Keeps the user's tokens in the app's <see cref="IFeishuUserTokenStore"/> under their open_id
    /// (default true), from where <c>HttpContext.GetFeishuUserSessionAsync()</c> hands out a
    /// refreshing session. The tokens stay out of the cookie unless <see cref="RemoteAuthenticationOptions.SaveTokens"/> is set too.
    /// </summary>
    public bool StoreUserTokens { get; set; } = true;

    /// <summary>Fails the sign-in (insufficient_scope) when Feishu grants fewer scopes than <see cref="OAuthOptions.Scope"/> asks for, offline_access aside (default true).</summary>
    public bool RequireGrantedScopes { get; set; } = true;

    /// <summary>Sent as the authorize page's <c>prompt</c>: "consent" makes Feishu show the consent page even to a user who already agreed.</summary>
    public string? Prompt { get; set; }

    /// <inheritdoc/>
    public override void Validate()
    {
        if (string.IsNullOrEmpty(ClientId))
        {
            throw new FeishuConfigurationException("FeishuAuthenticationOptions.AppId is empty: set it in AddFeishu(o => o.AppId = …), or register the client with services.AddFeishu(…) first.");
        }

        if (string.IsNullOrEmpty(ClientSecret))
        {
            throw new FeishuConfigurationException("FeishuAuthenticationOptions.AppSecret is empty: set it in AddFeishu(o => o.AppSecret = …), or register the client with services.AddFeishu(…) first.");
        }

        base.Validate();
    }
}
