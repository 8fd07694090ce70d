using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Testing;
using FeishuGen.Tests.Api;
using FeishuGen.Tests.Api.Hire.V1;
using FeishuGen.Tokens;
using Xunit;

namespace FeishuGen.Tests.Runtime;

/// <summary>Token management over loopback: store apps, per-tenant tokens, cache keys, single flight.</summary>
public sealed class TokenTests : IAsyncLifetime
{
    private FeishuTestServer _server = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync() => _server = await FeishuTestServer.StartAsync(FeishuEndpointCatalogue.All);

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_store_app_gets_one_app_token_and_one_tenant_token_per_tenant_key()
    {
        var options = _server.CreateClientOptions();
        var tickets = new FeishuAppTicketStore();
        tickets.Set(_server.Options.AppTicket);
        options.AppType = FeishuAppType.Store;
        options.AppTicketProvider = tickets.Provider;
        var api = new FeishuApi(new FeishuClient(options, _http));

        foreach (var tenant in new[] { "tenant-a", "tenant-b", "tenant-a", "tenant-b" })
        {
            await api.Hire.V1.EcoBackgroundCheck.UpdateResultAsync(Request(), new FeishuRequestOptions { TenantKey = tenant });
        }

        Assert.Equal(3, api.Client.TokenFetchCount);
        Assert.Equal(3, _server.TokensIssued);
        Assert.Equal(1, _server.Requests.Count(r => r.Path == "/open-apis/auth/v3/app_access_token"));
        Assert.Equal(2, _server.Requests.Count(r => r.Path == "/open-apis/auth/v3/tenant_access_token"));
    }

    [Fact]
    public async Task A_store_app_with_a_stale_ticket_asks_for_it_again_and_reports_10012()
    {
        var options = _server.CreateClientOptions();
        options.AppType = FeishuAppType.Store;
        options.AppTicketProvider = _ => ValueTask.FromResult<string?>("stale-ticket");
        var api = new FeishuApi(new FeishuClient(options, _http));

        var error = await Assert.ThrowsAsync<FeishuAuthenticationException>(() => api.Hire.V1.EcoBackgroundCheck.UpdateResultAsync(Request(), new FeishuRequestOptions { TenantKey = "t" }));

        Assert.Equal(10012, error.Code);
        Assert.Equal(1, _server.AppTicketResends);
    }

    [Fact]
    public async Task Two_clients_sharing_a_cache_but_not_a_secret_never_share_a_token()
    {
        var cache = new InMemoryFeishuTokenCache();
        var right = new FeishuApi(new FeishuClient(_server.CreateClientOptions(), _http, cache));
        var wrongOptions = _server.CreateClientOptions();
        wrongOptions.AppSecret = "another-secret";
        var wrong = new FeishuApi(new FeishuClient(wrongOptions, _http, cache));

        await right.Hire.V1.EcoBackgroundCheck.UpdateResultAsync(Request());
        var error = await Assert.ThrowsAsync<FeishuAuthenticationException>(() => wrong.Hire.V1.EcoBackgroundCheck.UpdateResultAsync(Request()));

        Assert.Equal(10014, error.Code);
        Assert.DoesNotContain("another-secret", error.ToString());
        Assert.DoesNotContain(_server.Options.AppSecret, error.ToString());
    }

    [Fact]
    public async Task Concurrent_first_calls_fetch_the_token_once()
    {
        var api = new FeishuApi(new FeishuClient(_server.CreateClientOptions(), _http));
        using var start = new ManualResetEventSlim();
        var calls = new Task[64];
        for (var i = 0; i < calls.Length; i++)
        {
            calls[i] = Task.Run(async () =>
            {
                start.Wait();
                await api.Hire.V1.EcoBackgroundCheck.UpdateResultAsync(Request());
            });
        }

        start.Set();
        await Task.WhenAll(calls);
        Assert.Equal(1, api.Client.TokenFetchCount);
        Assert.Equal(64, _server.ApiRequests.Count);
    }

    [Fact]
    public void A_cached_token_and_a_user_session_never_print_their_secrets()
    {
        var token = new FeishuCachedToken("t-secret-value", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        var session = new FeishuUserSession("u-secret-value", "r-secret-value");
        Assert.DoesNotContain("secret-value", token.ToString());
        Assert.DoesNotContain("secret-value", session.ToString());
    }

    private static UpdateResultEcoBackgroundCheckRequest Request() => new() { BackgroundCheckId = "1", Result = "通过", ResultTime = "1" };
}
