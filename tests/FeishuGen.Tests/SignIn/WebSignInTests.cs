using System;
using System.Linq;
using System.Net;
using System.Security.Claims;
using System.Threading.Tasks;
using FeishuGen.AspNetCore.Authentication;
using FeishuGen.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Xunit;

namespace FeishuGen.Tests.SignIn;

/// <summary>The web sign-in over real HTTP: the redirect, the callback, the claims, the stored tokens and a call as the user.</summary>
public sealed class WebSignInTests
{
    [Fact]
    public async Task The_challenge_goes_to_the_authorize_page_with_a_protected_state_and_a_PKCE_S256_challenge()
    {
        await using var host = await SignInTestHost.StartAsync();

        var (authorize, cookies) = await host.ChallengeAsync();

        var query = QueryHelpers.ParseQuery(authorize.Query);
        Assert.Equal(new Uri(host.Server.BaseAddress, FeishuTestServer.AuthorizePath), new Uri(authorize.GetLeftPart(UriPartial.Path)));
        Assert.Equal(host.Server.Options.AppId, query["client_id"]);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal(new Uri(host.AppAddress, "/signin-feishu").AbsoluteUri, query["redirect_uri"]);
        Assert.Equal(["offline_access", "im:chat:readonly"], query["scope"].ToString().Split(' '));
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal(43, query["code_challenge"].ToString().Length);
        Assert.True(query["state"].ToString().Length > 100, "the state is the handler's protected properties, not a guessable nonce");
    }

    [Fact]
    public async Task A_sign_in_maps_the_user_to_claims_stores_the_tokens_and_calls_as_the_user_with_refresh()
    {
        await using var host = await SignInTestHost.StartAsync(auth: o => { o.Scope.Add("contact:user.employee_id:readonly"); o.Scope.Add("contact:user.email:readonly"); });
        var user = host.Server.Options.SignIn.User;

        var cookies = await host.SignInAsync();

        var claims = await host.ClaimsAsync(cookies);
        Assert.Equal(user.OpenId, claims[ClaimTypes.NameIdentifier]);
        Assert.Equal(user.OpenId, claims[FeishuAuthenticationConstants.Claims.OpenId]);
        Assert.Equal(user.UnionId, claims[FeishuAuthenticationConstants.Claims.UnionId]);
        Assert.Equal(user.UserId, claims[FeishuAuthenticationConstants.Claims.UserId]);
        Assert.Equal(user.Name, claims[ClaimTypes.Name]);
        Assert.Equal(user.AvatarUrl, claims[FeishuAuthenticationConstants.Claims.Avatar]);
        Assert.Equal(user.Email, claims[ClaimTypes.Email]);
        Assert.Equal(user.TenantKey, claims[FeishuAuthenticationConstants.Claims.TenantKey]);

        // The tokens went to the store, not into the cookie.
        var stored = await host.Store.GetAsync(host.Server.Options.AppId, user.OpenId, default);
        Assert.NotNull(stored);
        Assert.True(stored!.CanRefresh);
        Assert.Contains("im:chat:readonly", stored.GrantedScopes);
        Assert.Equal(string.Empty, claims["cookie_access_token"]);

        // A call as the user, then again after Feishu expired the token: one refresh, and the store holds the rotated pair.
        Assert.Equal(HttpStatusCode.OK, (await host.GetAsync("/chats", cookies)).Status);
        var call = host.Server.ApiRequests.Single(r => r.Path == "/open-apis/im/v1/chats");
        Assert.Equal("Bearer " + stored.AccessToken, call.Header("Authorization"));
        host.Server.ExpireUserToken(stored.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await host.GetAsync("/chats", cookies)).Status);
        Assert.Equal(1, host.Server.UserTokenRefreshes);
        var rotated = await host.Store.GetAsync(host.Server.Options.AppId, user.OpenId, default);
        Assert.NotEqual(stored.RefreshToken, rotated!.RefreshToken);
        Assert.True(host.Server.IsUserTokenValid(rotated.AccessToken));
    }

    [Fact]
    public async Task Fields_that_need_a_scope_stay_out_of_the_claims_without_it()
    {
        await using var host = await SignInTestHost.StartAsync();

        var claims = await host.ClaimsAsync(await host.SignInAsync());

        Assert.Equal(host.Server.Options.SignIn.User.OpenId, claims[ClaimTypes.NameIdentifier]);
        Assert.False(claims.ContainsKey(FeishuAuthenticationConstants.Claims.UserId));
        Assert.False(claims.ContainsKey(ClaimTypes.Email));
    }

    [Fact]
    public async Task Sign_out_revokes_the_grant_at_Feishu_and_deletes_the_tokens()
    {
        await using var host = await SignInTestHost.StartAsync();
        var cookies = await host.SignInAsync();
        var openId = host.Server.Options.SignIn.User.OpenId;
        var tokens = (await host.Store.GetAsync(host.Server.Options.AppId, openId, default))!;

        var (status, revoked) = await host.GetAsync("/signout", cookies);

        Assert.Equal((HttpStatusCode.OK, "True"), (status, revoked));
        Assert.Null(await host.Store.GetAsync(host.Server.Options.AppId, openId, default));
        Assert.Equal(1, host.Server.UserTokenRevocations);
        Assert.False(host.Server.IsUserTokenValid(tokens.AccessToken));
        var revoke = host.Server.Requests.Single(r => r.Path == FeishuTestServer.RevokePath);
        Assert.Contains("token_type_hint=refresh_token", revoke.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_offline_access_the_sign_in_works_and_warns_that_the_session_cannot_refresh()
    {
        await using var host = await SignInTestHost.StartAsync(auth: o => o.Scope.Remove(FeishuAuthenticationOptions.OfflineAccess));

        await host.SignInAsync();

        var stored = await host.Store.GetAsync(host.Server.Options.AppId, host.Server.Options.SignIn.User.OpenId, default);
        Assert.False(stored!.CanRefresh);
        Assert.Contains(host.Log.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("no refresh token", StringComparison.Ordinal) && l.Contains("offline_access", StringComparison.Ordinal));
    }
}
