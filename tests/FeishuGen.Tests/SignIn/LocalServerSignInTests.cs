using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using FeishuGen.Testing;
using FeishuGen.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;
using Xunit;

namespace FeishuGen.Tests.SignIn;

/// <summary>The local server's OAuth endpoints, spoken to directly, as Feishu's would answer.</summary>
public sealed class LocalServerSignInTests : LoopbackTest
{
    private const string Verifier = "local-test-verifier-0123456789-abcdefghijklmnop";
    private const string Redirect = "http://127.0.0.1:1/cb";

    protected override FeishuTestServerOptions ServerOptions
    {
        get
        {
            var options = new FeishuTestServerOptions();
            options.SignIn.Consent = FeishuTestConsent.Approve;
            return options;
        }
    }

    [Fact]
    public async Task A_code_is_exchanged_once_whether_the_body_is_JSON_or_a_form()
    {
        var json = await ExchangeAsync(await CodeAsync(), Verifier, asForm: false);
        var form = await ExchangeAsync(await CodeAsync(), Verifier, asForm: true);

        Assert.Equal(HttpStatusCode.OK, json.Status);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.StartsWith("u-local-", form.Body.GetProperty("access_token").GetString(), StringComparison.Ordinal);
        Assert.Equal("offline_access im:chat:readonly", form.Body.GetProperty("scope").GetString());
        Assert.Equal(7200, form.Body.GetProperty("expires_in").GetInt32());
        Assert.True(form.Body.TryGetProperty("refresh_token", out _));
    }

    [Theory]
    [InlineData("wrong-secret", Verifier, Redirect, 20002)]
    [InlineData(null, "another-verifier-0123456789-abcdefghijklmnopq", Redirect, 20049)]
    [InlineData(null, null, Redirect, 20049)]
    [InlineData(null, Verifier, "http://127.0.0.1:1/elsewhere", 20071)]
    public async Task A_code_exchange_is_refused_with_Feishu_s_code(string? secret, string? verifier, string redirect, int code)
    {
        var reply = await ExchangeAsync(await CodeAsync(), verifier, asForm: false, secret, redirect);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal(code, reply.Body.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Basic_auth_and_a_secret_in_the_body_together_are_refused_with_20070()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Server.BaseAddress, FeishuTestServer.UserTokenPath))
        {
            Content = JsonContent.Create(new Dictionary<string, string> { ["grant_type"] = "authorization_code", ["client_secret"] = Server.Options.AppSecret, ["code"] = "x" }),
        };
        request.Headers.Authorization = Basic(Server.Options.AppSecret);

        using var response = await Http.SendAsync(request);

        Assert.Equal(20070, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Device_authorization_needs_the_app_s_Basic_credentials_and_a_poll_sooner_than_the_interval_is_told_to_slow_down()
    {
        using var anonymous = await Http.PostAsync(new Uri(Server.BaseAddress, FeishuTestServer.DeviceAuthorizationPath), Form(("client_id", Server.Options.AppId), ("scope", "offline_access")));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Server.BaseAddress, FeishuTestServer.DeviceAuthorizationPath)) { Content = Form(("client_id", Server.Options.AppId), ("scope", "offline_access")) };
        request.Headers.Authorization = Basic(Server.Options.AppSecret);
        using var authorized = await Http.SendAsync(request);
        var device = JsonDocument.Parse(await authorized.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(5, device.GetProperty("interval").GetInt32());
        Assert.Equal(240, device.GetProperty("expires_in").GetInt32());

        using var poll = await Http.PostAsync(new Uri(Server.BaseAddress, FeishuTestServer.UserTokenPath), Form(
            ("grant_type", "urn:ietf:params:oauth:grant-type:device_code"), ("device_code", device.GetProperty("device_code").GetString()!), ("client_id", Server.Options.AppId), ("client_secret", Server.Options.AppSecret)));
        Assert.Equal("slow_down", JsonDocument.Parse(await poll.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());

        // The verification page approves the code, as the user would.
        var userCode = device.GetProperty("user_code").GetString()!;
        using var page = await Http.GetAsync(device.GetProperty("verification_uri_complete").GetString());
        Assert.Contains(userCode, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var approved = await Http.PostAsync(new Uri(Server.BaseAddress, FeishuTestServer.DeviceVerificationPath), Form(("user_code", userCode), ("decision", "approve")));
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.False(Server.ApproveDeviceLogin(userCode), "a decided code cannot be decided again");
    }

    [Fact]
    public async Task User_info_answers_20005_for_a_revoked_token()
    {
        var tokens = await ExchangeAsync(await CodeAsync(), Verifier, asForm: false);
        var access = tokens.Body.GetProperty("access_token").GetString()!;
        using var revoke = await Http.PostAsync(new Uri(Server.BaseAddress, FeishuTestServer.RevokePath), Form(("client_id", Server.Options.AppId), ("client_secret", Server.Options.AppSecret), ("token", access)));

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Server.BaseAddress, FeishuTestServer.UserInfoPath));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", access);
        using var info = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal(20005, JsonDocument.Parse(await info.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetInt32());
    }

    private async Task<string> CodeAsync()
    {
        var challenge = Base64UrlTextEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier)));
        var url = QueryHelpers.AddQueryString(new Uri(Server.BaseAddress, FeishuTestServer.AuthorizePath).AbsoluteUri, new Dictionary<string, string?>
        {
            ["client_id"] = Server.Options.AppId,
            ["response_type"] = "code",
            ["redirect_uri"] = Redirect,
            ["scope"] = "offline_access im:chat:readonly",
            ["state"] = "s1",
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
        });
        using var handler = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var response = await handler.GetAsync(url);
        var back = QueryHelpers.ParseQuery(response.Headers.Location!.Query);
        Assert.Equal("s1", back["state"]);
        return back["code"]!;
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> ExchangeAsync(string code, string? verifier, bool asForm, string? secret = null, string redirect = Redirect)
    {
        var fields = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = Server.Options.AppId,
            ["client_secret"] = secret ?? Server.Options.AppSecret,
            ["code"] = code,
            ["redirect_uri"] = redirect,
        };
        if (verifier is not null)
        {
            fields["code_verifier"] = verifier;
        }

        HttpContent content = asForm ? new FormUrlEncodedContent(fields) : JsonContent.Create(fields);
        using var response = await Http.PostAsync(new Uri(Server.BaseAddress, FeishuTestServer.UserTokenPath), content);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var (name, value) in fields)
        {
            pairs.Add(new(name, value));
        }

        return new FormUrlEncodedContent(pairs);
    }

    private AuthenticationHeaderValue Basic(string secret)
        => new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Server.Options.AppId + ":" + secret)));
}
