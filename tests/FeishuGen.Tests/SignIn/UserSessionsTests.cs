using System;
using System.Linq;
using System.Threading.Tasks;
using FeishuGen.Tests.Api;
using FeishuGen.Tests.Api.Im.V1;
using FeishuGen.Tests.Support;
using Xunit;

namespace FeishuGen.Tests.SignIn;

/// <summary>Sessions over the in-memory store: one refresh per user however many sessions of them are in flight, and sign-out.</summary>
public sealed class UserSessionsTests : LoopbackTest
{
    [Fact]
    public async Task Many_sessions_of_one_user_in_one_process_refresh_once()
    {
        var client = new FeishuClient(Server.CreateClientOptions(), Http);
        var sessions = new FeishuUserSessions(client);
        var openId = Server.Options.SignIn.User.OpenId;
        await sessions.SaveAsync(openId, new FeishuUserTokens { AccessToken = Server.Options.UserAccessToken, RefreshToken = Server.Options.UserRefreshToken });
        var loaded = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ => (await sessions.GetAsync(openId))!));
        Server.ExpireUserToken(Server.Options.UserAccessToken);
        var api = new FeishuApi(client);

        await Task.WhenAll(loaded.Select(session => api.Im.V1.Chat.ListAsync(new ListChatRequest(), new FeishuRequestOptions { UserSession = session })));

        Assert.Equal(1, Server.UserTokenRefreshes);
        var stored = (await sessions.Store.GetAsync(client.Options.AppId, openId, default))!;
        Assert.All(loaded, session => Assert.Equal(stored.AccessToken, session.AccessToken));
        Assert.NotEqual(Server.Options.UserRefreshToken, stored.RefreshToken);
    }

    [Fact]
    public async Task A_session_without_a_refresh_token_says_to_sign_in_again_when_it_expires()
    {
        var client = new FeishuClient(Server.CreateClientOptions(), Http);
        var sessions = new FeishuUserSessions(client);
        var session = await sessions.SaveAsync("ou_x", new FeishuUserTokens { AccessToken = Server.Options.UserAccessToken });
        Server.ExpireUserToken(Server.Options.UserAccessToken);

        var error = await Assert.ThrowsAsync<FeishuSignInException>(() => new FeishuApi(client).Im.V1.Chat.ListAsync(new ListChatRequest(), new FeishuRequestOptions { UserSession = session }));

        Assert.Equal("no_refresh_token", error.Error);
        Assert.Contains("offline_access", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_out_deletes_the_tokens_even_when_Feishu_cannot_be_reached()
    {
        var client = new FeishuClient(Server.CreateClientOptions(), Http);
        var sessions = new FeishuUserSessions(client);
        await sessions.SaveAsync("ou_x", new FeishuUserTokens { AccessToken = "u-x", RefreshToken = "r-x" });
        Server.InjectFault(Testing.FeishuFault.DropBeforeRead, r => r.Path == Testing.FeishuTestServer.RevokePath);

        Assert.False(await sessions.SignOutAsync("ou_x"));

        Assert.Null(await sessions.GetAsync("ou_x"));
    }

    [Fact]
    public void Tokens_never_print_their_secrets()
    {
        var tokens = new FeishuUserTokens { AccessToken = "u-secret-value", RefreshToken = "r-secret-value", Scope = "offline_access" };

        Assert.DoesNotContain("secret", tokens.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret", new FeishuUserSession(tokens).ToString(), StringComparison.Ordinal);
    }
}
