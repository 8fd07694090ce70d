using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Testing;
using FeishuGen.Tests.Api;
using FeishuGen.Tests.Api.Im.V1;
using FeishuGen.Tests.Support;
using FeishuGen.Tokens;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace FeishuGen.Tests.Runtime;

/// <summary>Token endpoints that fail, user refreshes that fail in different ways, and bounded token state.</summary>
public sealed class TokenFaultTests : LoopbackTest
{
    [Fact]
    public async Task Without_an_app_ticket_many_calls_ask_feishu_to_resend_it_once()
    {
        var options = Server.CreateClientOptions();
        options.AppType = FeishuAppType.Store;
        options.AppTicketProvider = _ => new ValueTask<string?>((string?)null);
        var api = new FeishuApi(options, Http);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Assert.ThrowsAsync<FeishuConfigurationException>(() => api.Im.V1.Chat.ListAsync(new ListChatRequest(), new FeishuRequestOptions { TenantKey = "t" }))));

        Assert.Equal(1, Server.AppTicketResends);
    }

    [Theory]
    [InlineData(503, """{"code":503,"msg":"unavailable"}""", typeof(FeishuServerException))]
    [InlineData(429, """{"code":99991400,"msg":"limit"}""", typeof(FeishuRateLimitException))]
    [InlineData(400, """{"code":20073,"error":"invalid_grant","error_description":"used"}""", typeof(FeishuAuthenticationException))]
    public async Task A_failed_user_refresh_says_sign_in_again_only_when_the_refresh_token_is_spent(int status, string body, Type expected)
    {
        var options = Server.CreateClientOptions();
        options.Retry.MaxAttempts = 1;
        var api = new FeishuApi(options, Http);
        var session = new FeishuUserSession(Server.Options.UserAccessToken, Server.Options.UserRefreshToken);
        Server.ExpireUserToken(Server.Options.UserAccessToken);
        Server.Enqueue(new ScriptedReply(status, body), FeishuTestServer.UserTokenPath);

        var error = await Assert.ThrowsAnyAsync<FeishuApiException>(() => api.Im.V1.Chat.ListAsync(new ListChatRequest(), new FeishuRequestOptions { UserSession = session }));

        Assert.IsType(expected, error);
        Assert.Equal(expected == typeof(FeishuAuthenticationException), error.Message.Contains("sign in again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_user_refresh_whose_connection_drops_after_sending_is_a_typed_transport_error_and_is_not_resent()
    {
        var session = new FeishuUserSession(Server.Options.UserAccessToken, Server.Options.UserRefreshToken);
        Server.ExpireUserToken(Server.Options.UserAccessToken);
        Server.InjectFault(FeishuFault.DropAfterRead, r => r.Path == FeishuTestServer.UserTokenPath);

        await Assert.ThrowsAsync<FeishuTransportException>(() => Api.Im.V1.Chat.ListAsync(new ListChatRequest(), new FeishuRequestOptions { UserSession = session }));

        Assert.Single(Server.Requests, r => r.Path == FeishuTestServer.UserTokenPath);
    }

    [Fact]
    public async Task A_token_endpoint_refusal_with_a_feishu_code_is_final_and_typed()
    {
        Server.Enqueue(ScriptedReply.Error(400, 10014, "app secret invalid"), FeishuTestServer.TenantTokenPath);

        var error = await Assert.ThrowsAsync<FeishuAuthenticationException>(() => Api.Im.V1.Chat.ListAsync(new ListChatRequest()));

        Assert.Equal(10014, error.Code);
        Assert.Single(Server.Requests, r => r.Path == FeishuTestServer.TenantTokenPath);
        Assert.DoesNotContain(Server.Options.AppSecret, error.ToString());
    }

    [Fact]
    public async Task Token_faults_are_retried_even_when_rate_limit_waits_are_turned_off()
    {
        var options = Server.CreateClientOptions();
        options.Retry.MaxRateLimitWait = TimeSpan.Zero;
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
        var api = new FeishuApi(options, Http);
        Server.Enqueue(new ScriptedReply(503, "upstream error"), FeishuTestServer.TenantTokenPath);

        await api.Im.V1.Chat.ListAsync(new ListChatRequest());

        Assert.Equal(2, Server.Requests.Count(r => r.Path == FeishuTestServer.TenantTokenPath));
    }

    [Fact]
    public async Task A_reset_equal_to_MaxRateLimitWait_is_waited_for_despite_the_jitter()
    {
        var options = Server.CreateClientOptions();
        options.Retry.MaxRateLimitWait = TimeSpan.FromSeconds(1);
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
        var api = new FeishuApi(options, Http);
        Server.Enqueue(new ScriptedReply(429, """{"code":99991400,"msg":"limit"}""", new Dictionary<string, string> { ["x-ogw-ratelimit-reset"] = "1" }), "/open-apis/im/v1/chats");

        await api.Im.V1.Chat.ListAsync(new ListChatRequest());

        Assert.Equal(2, Server.ApiRequests.Count);
    }

    [Fact]
    public async Task Keyed_gates_leave_nothing_behind_for_keys_no_longer_used()
    {
        var gate = new KeyedGate();

        await Task.WhenAll(Enumerable.Range(0, 1000).Select(async i =>
        {
            using (await gate.EnterAsync("tenant-" + (i % 300), CancellationToken.None))
            {
                await Task.Yield();
            }
        }));

        Assert.Equal(0, gate.Count);
    }

    [Fact]
    public async Task The_memory_cache_sweeps_expired_tokens_of_tenants_that_stopped_calling()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var cache = new InMemoryFeishuTokenCache(clock);
        for (var i = 0; i < 200; i++)
        {
            await cache.SetAsync("old-" + i, new FeishuCachedToken("t", clock.GetUtcNow().AddHours(2), clock.GetUtcNow().AddHours(1)), default);
        }

        clock.Advance(TimeSpan.FromHours(3));
        for (var i = 0; i < 56; i++)
        {
            await cache.SetAsync("new-" + i, new FeishuCachedToken("t", clock.GetUtcNow().AddHours(2), clock.GetUtcNow().AddHours(1)), default);
        }

        Assert.Equal(56, cache.Count);
        Assert.Null(await cache.GetAsync("old-1", default));
    }

    [Fact]
    public async Task A_short_lived_token_is_refreshed_at_half_its_life_not_on_every_call()
    {
        var server = await FeishuTestServer.StartAsync(FeishuEndpointCatalogue.All, new FeishuTestServerOptions { TokenLifetimeSeconds = 60 });
        await using (server)
        {
            var client = new FeishuClient(server.CreateClientOptions(), Http);
            var api = new FeishuApi(client);
            for (var i = 0; i < 5; i++)
            {
                await api.Im.V1.Chat.ListAsync(new ListChatRequest());
            }

            Assert.Equal(1, client.TokenFetchCount);
        }
    }
}
