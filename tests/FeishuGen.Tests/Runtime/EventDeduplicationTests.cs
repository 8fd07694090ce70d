using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Events;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace FeishuGen.Tests.Runtime;

/// <summary>At-least-once deliveries handled once: in one process, and across instances sharing a real Redis.</summary>
public sealed class EventDeduplicationTests : IClassFixture<RedisFixture>
{
    private readonly RedisFixture _redis;
    private readonly string _prefix = "events-" + Guid.NewGuid().ToString("N")[..8] + ":";

    public EventDeduplicationTests(RedisFixture redis) => _redis = redis;

    [Fact]
    public async Task A_repeat_within_the_window_is_refused_and_one_after_it_is_claimed_again()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var seen = new InMemoryFeishuEventDeduplication(timeProvider: clock);

        Assert.True(await seen.TryClaimAsync("ev_1", default));
        clock.Advance(TimeSpan.FromHours(6) + TimeSpan.FromMinutes(1)); // Feishu's last retry
        Assert.False(await seen.TryClaimAsync("ev_1", default));
        clock.Advance(TimeSpan.FromHours(1));
        Assert.True(await seen.TryClaimAsync("ev_1", default));
    }

    [Fact]
    public async Task Two_instances_sharing_one_redis_handle_a_duplicated_event_once()
    {
        var first = Instance();
        var second = Instance();

        // Feishu's retry reaches the other instance; then both get the same event at once.
        var sequential = new[] { await first.TryClaimAsync("ev_seq", default), await second.TryClaimAsync("ev_seq", default) };
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? first : second).TryClaimAsync("ev_race", CancellationToken.None).AsTask()));

        Assert.Equal(new[] { true, false }, sequential);
        Assert.Equal(1, concurrent.Count(claimed => claimed));
    }

    private DistributedFeishuEventDeduplication Instance()
        => new(new RedisCache(new RedisCacheOptions { Configuration = _redis.Redis.Configuration, InstanceName = _prefix })) { OperationTimeout = TimeSpan.FromSeconds(10), SettleTime = TimeSpan.FromMilliseconds(250) };
}
