using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using FeishuGen.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace FeishuGen.Tests.SignIn;

/// <summary>Every way a sign-in can go wrong ends in a FeishuSignInException that says what happened, with Feishu's code.</summary>
public sealed class SignInRefusalTests
{
    [Fact]
    public async Task A_tampered_state_is_refused_before_any_code_is_exchanged()
    {
        await using var host = await SignInTestHost.StartAsync();
        var (authorize, cookies) = await host.ChallengeAsync();
        var callback = await host.AuthorizeAsync(authorize);
        var query = QueryHelpers.ParseQuery(callback.Query);
        var state = query["state"].ToString();
        var tampered = state[..20] + (state[20] == 'A' ? 'B' : 'A') + state[21..];

        using var response = await host.CallbackAsync(new Uri(QueryHelpers.AddQueryString(callback.GetLeftPart(UriPartial.Path), new System.Collections.Generic.Dictionary<string, string?> { ["code"] = query["code"], ["state"] = tampered })), cookies);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var failure = host.Failure();
        Assert.Equal("invalid_state", failure.Error);
        Assert.Contains("tampered", failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, host.Server.AuthorizationCodesExchanged);
    }

    [Fact]
    public async Task A_callback_without_the_browser_s_correlation_cookie_is_refused()
    {
        await using var host = await SignInTestHost.StartAsync();
        var (authorize, _) = await host.ChallengeAsync();
        var callback = await host.AuthorizeAsync(authorize);

        using var response = await host.CallbackAsync(callback, Cookies.From(new System.Net.Http.HttpResponseMessage()));

        Assert.Equal("invalid_state", host.Failure().Error);
        Assert.Equal(0, host.Server.AuthorizationCodesExchanged);
    }

    [Fact]
    public async Task A_reused_code_is_refused_with_20065_and_Feishu_revokes_what_it_issued()
    {
        await using var host = await SignInTestHost.StartAsync();
        var (first, firstCookies) = await host.ChallengeAsync();
        var firstCallback = await host.AuthorizeAsync(first);
        (await host.CallbackAsync(firstCallback, firstCookies)).Dispose();
        var issued = (await host.Store.GetAsync(host.Server.Options.AppId, host.Server.Options.SignIn.User.OpenId, default))!;
        Assert.True(host.Server.IsUserTokenValid(issued.AccessToken));

        // The same code again, inside a fresh sign-in of the same browser (its own valid state and cookie).
        var (second, secondCookies) = await host.ChallengeAsync();
        var replay = Replace(await host.AuthorizeAsync(second), "code", QueryHelpers.ParseQuery(firstCallback.Query)["code"]!);
        using var response = await host.CallbackAsync(replay, secondCookies);

        var failure = host.Failure();
        Assert.Equal((20065, "invalid_grant"), (failure.Code, failure.Error));
        Assert.Contains("used already", failure.Message, StringComparison.Ordinal);
        Assert.False(host.Server.IsUserTokenValid(issued.AccessToken));
    }

    [Fact]
    public async Task A_code_delivered_with_another_sign_in_s_PKCE_verifier_is_refused_with_20049()
    {
        await using var host = await SignInTestHost.StartAsync();
        var (victim, _) = await host.ChallengeAsync();
        var stolenCode = QueryHelpers.ParseQuery((await host.AuthorizeAsync(victim)).Query)["code"]!;
        var (attacker, attackerCookies) = await host.ChallengeAsync();

        using var response = await host.CallbackAsync(Replace(await host.AuthorizeAsync(attacker), "code", stolenCode!), attackerCookies);

        var failure = host.Failure();
        Assert.Equal(20049, failure.Code);
        Assert.Contains("PKCE", failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, host.Server.AuthorizationCodesExchanged);
    }

    [Fact]
    public async Task A_code_older_than_five_minutes_is_refused_with_20004()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await SignInTestHost.StartAsync(server: o => o.Time = time);
        var (authorize, cookies) = await host.ChallengeAsync();
        var callback = await host.AuthorizeAsync(authorize);
        time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        using var response = await host.CallbackAsync(callback, cookies);

        var failure = host.Failure();
        Assert.Equal(20004, failure.Code);
        Assert.Contains("expired", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_denied_consent_is_access_denied()
    {
        await using var host = await SignInTestHost.StartAsync(server: o => o.SignIn.Consent = FeishuTestConsent.Deny);
        var (authorize, cookies) = await host.ChallengeAsync();
        var callback = await host.AuthorizeAsync(authorize);
        Assert.Equal("access_denied", QueryHelpers.ParseQuery(callback.Query)["error"]);

        using var response = await host.CallbackAsync(callback, cookies);

        var failure = host.Failure();
        Assert.Equal("access_denied", failure.Error);
        Assert.Contains("denied", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scope_the_user_did_not_grant_fails_the_sign_in_and_names_it()
    {
        await using var host = await SignInTestHost.StartAsync(server: o => o.SignIn.WithheldScopes = ["im:chat:readonly"]);
        var (authorize, cookies) = await host.ChallengeAsync();

        using var response = await host.CallbackAsync(await host.AuthorizeAsync(authorize), cookies);

        var failure = host.Failure();
        Assert.Equal(("insufficient_scope", 99991679), (failure.Error, failure.Code));
        Assert.Equal(["im:chat:readonly"], failure.MissingScopes);
        Assert.Contains("im:chat:readonly", failure.Message, StringComparison.Ordinal);
        Assert.Null(await host.Store.GetAsync(host.Server.Options.AppId, host.Server.Options.SignIn.User.OpenId, default));
    }

    [Fact]
    public async Task A_scope_the_app_has_not_applied_for_shows_Feishu_s_20027_on_the_authorize_page()
    {
        await using var host = await SignInTestHost.StartAsync(server: o => o.SignIn.AppScopes = ["offline_access"]);
        var (authorize, _) = await host.ChallengeAsync();

        using var page = await host.Http.GetAsync(authorize);

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("20027", html, StringComparison.Ordinal);
        Assert.Contains("im:chat:readonly", html, StringComparison.Ordinal);
    }

    private static Uri Replace(Uri callback, string name, string value)
    {
        var query = QueryHelpers.ParseQuery(callback.Query).ToDictionary(p => p.Key, p => (string?)p.Value.ToString());
        query[name] = value;
        return new Uri(QueryHelpers.AddQueryString(callback.GetLeftPart(UriPartial.Path), query));
    }
}
