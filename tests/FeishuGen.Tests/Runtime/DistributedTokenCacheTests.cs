using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Testing;
using FeishuGen.Tests.Api;
using FeishuGen.Tests.Api.Im.V1;
using FeishuGen.Tests.Support;
using FeishuGen.TestSupport;
using FeishuGen.Tokens;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Xunit;

namespace FeishuGen.Tests.Runtime;

/// <summary>A real Redis for the distributed token cache tests (FEISHUGEN_REDIS, or a private redis-server).</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    public LocalRedis Redis { get; private set; } = null!;

    public async Task InitializeAsync() => Redis = await LocalRedis.StartAsync();

    public async Task DisposeAsync() => await Redis.DisposeAsync();
}

/// <summary>Tokens shared between app instances through IDistributedCache on a real Redis.</summary>
public sealed class DistributedTokenCacheTests : LoopbackTest, IClassFixture<RedisFixture>
{
    private readonly RedisFixture _redis;
    private readonly string _prefix = "test-" + Guid.NewGuid().ToString("N")[..8] + ":";

    public DistributedTokenCacheTests(RedisFixture redis) => _redis = redis;

    [Fact]
    public async Task A_second_instance_uses_the_token_the_first_fetched()
    {
        var (first, firstCache) = Instance();
        var (second, secondCache) = Instance();

        await new FeishuApi(first).Im.V1.Chat.ListAsync(new ListChatRequest());
        await new FeishuApi(second).Im.V1.Chat.ListAsync(new ListChatRequest());

        Assert.Equal(1, first.TokenFetchCount);
        Assert.Equal(0, second.TokenFetchCount);
        Assert.Equal(1, Server.TokensIssued);
        Assert.False(firstCache.IsSharedCacheDown || secondCache.IsSharedCacheDown);
    }

    [Fact]
    public async Task Concurrent_first_calls_on_four_instances_fetch_one_token()
    {
        var instances = Enumerable.Range(0, 4).Select(_ => new FeishuApi(Instance().Client)).ToList();

        await Task.WhenAll(instances.SelectMany(api => Enumerable.Range(0, 25).Select(_ => api.Im.V1.Chat.ListAsync(new ListChatRequest()))));

        Assert.Equal(1, Server.TokensIssued);
    }

    [Fact]
    public async Task A_token_feishu_rejected_is_evicted_for_every_instance()
    {
        var (first, _) = Instance();
        var (second, _) = Instance();
        await new FeishuApi(first).Im.V1.Chat.ListAsync(new ListChatRequest());
        Server.RevokeTokens();

        await new FeishuApi(first).Im.V1.Chat.ListAsync(new ListChatRequest());
        await new FeishuApi(second).Im.V1.Chat.ListAsync(new ListChatRequest());

        Assert.Equal(2, Server.TokensIssued);
        Assert.Equal(0, second.TokenFetchCount);
    }

    [Fact]
    public async Task Neither_keys_nor_values_in_redis_hold_the_app_secret()
    {
        var (client, _) = Instance();
        await new FeishuApi(client).Im.V1.Chat.ListAsync(new ListChatRequest());

        await using var connection = await ConnectionMultiplexer.ConnectAsync(_redis.Redis.Configuration);
        var server = connection.GetServer(_redis.Redis.EndPoint);
        var keys = server.Keys(pattern: _prefix + "*").ToList();
        Assert.NotEmpty(keys);
        foreach (var key in keys)
        {
            Assert.DoesNotContain(Server.Options.AppSecret, key.ToString());
            var value = await connection.GetDatabase().HashGetAllAsync(key);
            Assert.DoesNotContain(value, entry => entry.Value.ToString().Contains(Server.Options.AppSecret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task When_the_shared_cache_fails_calls_go_on_with_tokens_kept_in_the_process()
    {
        var log = new ListLogger();
        var cache = new DistributedFeishuTokenCache(new BrokenCache(), logger: log);
        var client = new FeishuClient(Server.CreateClientOptions(), Http, cache);
        var api = new FeishuApi(client);

        for (var i = 0; i < 5; i++)
        {
            await api.Im.V1.Chat.ListAsync(new ListChatRequest());
        }

        Assert.Equal(1, client.TokenFetchCount);
        Assert.True(cache.IsSharedCacheDown);
        Assert.Contains("The shared token cache failed", log.Text);
    }

    [Fact]
    public void AddFeishuDistributedTokenCache_puts_the_apps_IDistributedCache_behind_the_client()
    {
        var services = new ServiceCollection();
        services.AddStackExchangeRedisCache(o => o.Configuration = _redis.Redis.Configuration);
        services.AddFeishu(o => { o.AppId = "cli_x"; o.AppSecret = "s"; });
        services.AddFeishuDistributedTokenCache();
        using var provider = services.BuildServiceProvider();

        Assert.IsType<DistributedFeishuTokenCache>(provider.GetRequiredService<IFeishuTokenCache>());
        Assert.NotNull(provider.GetRequiredService<FeishuClient>());
    }

    private (FeishuClient Client, DistributedFeishuTokenCache Cache) Instance()
    {
        var redis = new RedisCache(new RedisCacheOptions { Configuration = _redis.Redis.Configuration, InstanceName = _prefix });
        // Generous: these tests are about sharing, and a slow moment must not look like an outage.
        var cache = new DistributedFeishuTokenCache(redis) { OperationTimeout = TimeSpan.FromSeconds(10), LeaseSettleTime = TimeSpan.FromMilliseconds(250) };
        return (new FeishuClient(Server.CreateClientOptions(), Http, cache), cache);
    }

    /// <summary>A shared cache that is down: every operation fails.</summary>
    private sealed class BrokenCache : IDistributedCache
    {
        public byte[]? Get(string key) => throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, "down");

        public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, "down");

        public void Refresh(string key) => throw new NotSupportedException();

        public Task RefreshAsync(string key, CancellationToken token = default) => throw new NotSupportedException();

        public void Remove(string key) => throw new NotSupportedException();

        public Task RemoveAsync(string key, CancellationToken token = default) => throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, "down");

        public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => throw new NotSupportedException();

        public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) => throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, "down");
    }
}
