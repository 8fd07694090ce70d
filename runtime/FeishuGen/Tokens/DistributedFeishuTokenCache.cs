using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Logging;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeishuGen.Tokens;

/// <summary>
/// Shares tokens between the instances of an app through any <see cref="IDistributedCache"/>
/// (Redis in production: <c>AddStackExchangeRedisCache</c>), so that N instances fetch a token
/// about once per lifetime instead of N times. Each instance keeps a copy in memory and reads the
/// shared cache only when its copy is due; a short lease lets one instance refresh while the
/// others wait for its token. When the shared cache fails, calls go on with the in-memory tokens
/// and the shared cache is tried again after <see cref="OutageBackoff"/>.
/// </summary>
public sealed class DistributedFeishuTokenCache : IFeishuSharedTokenCache
{
    private readonly IDistributedCache _shared;
    private readonly InMemoryFeishuTokenCache _local;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private long _outageUntilTicks;

    /// <summary>Creates the cache.</summary>
    /// <param name="shared">The shared cache (a RedisCache, say).</param>
    /// <param name="timeProvider">The clock; the system clock when null.</param>
    /// <param name="logger">Logs outages of the shared cache (never a token).</param>
    public DistributedFeishuTokenCache(IDistributedCache shared, TimeProvider? timeProvider = null, ILogger<DistributedFeishuTokenCache>? logger = null)
    {
        _shared = shared ?? throw new ArgumentNullException(nameof(shared));
        _time = timeProvider ?? TimeProvider.System;
        _local = new InMemoryFeishuTokenCache(_time);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Prefixed to every key in the shared cache.</summary>
    public string KeyPrefix { get; init; } = "feishugen:token:";

    /// <summary>The longest wait for one operation on the shared cache before it counts as down (1 s).</summary>
    public TimeSpan OperationTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the shared cache is left alone after it failed (30 s).</summary>
    public TimeSpan OutageBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a written lease settles before it is read back (50 ms, or twice the claimant's own read and write when longer): longer than the gap between one instance's read and write.</summary>
    public TimeSpan LeaseSettleTime { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Whether the shared cache is being left alone after a failure.</summary>
    public bool IsSharedCacheDown => _time.GetUtcNow().UtcTicks < Interlocked.Read(ref _outageUntilTicks);

    /// <inheritdoc/>
    public async ValueTask<FeishuCachedToken?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var local = await _local.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (local is not null && _time.GetUtcNow() < local.RefreshAt)
        {
            return local;
        }

        var bytes = await SharedAsync(ct => _shared.GetAsync(KeyPrefix + key, ct), null, cancellationToken).ConfigureAwait(false);
        var shared = bytes is null ? null : Decode(bytes);
        if (shared is null || _time.GetUtcNow() >= shared.ExpiresAt)
        {
            return local;
        }

        await _local.SetAsync(key, shared, cancellationToken).ConfigureAwait(false);
        return shared;
    }

    /// <inheritdoc/>
    public async ValueTask SetAsync(string key, FeishuCachedToken token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        await _local.SetAsync(key, token, cancellationToken).ConfigureAwait(false);
        var entry = new DistributedCacheEntryOptions { AbsoluteExpiration = token.ExpiresAt };
        await SharedAsync(async ct => { await _shared.SetAsync(KeyPrefix + key, Encode(token), entry, ct).ConfigureAwait(false); return true; }, false, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask RemoveAsync(string key, string value, CancellationToken cancellationToken)
    {
        await _local.RemoveAsync(key, value, cancellationToken).ConfigureAwait(false);
        await SharedAsync(
            async ct =>
            {
                // Compare, then remove: a newer token another instance stored is left alone.
                var current = await _shared.GetAsync(KeyPrefix + key, ct).ConfigureAwait(false);
                if (current is not null && Decode(current)?.Value == value)
                {
                    await _shared.RemoveAsync(KeyPrefix + key, ct).ConfigureAwait(false);
                }

                return true;
            },
            false,
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// IDistributedCache has no atomic add, so the lease is written, left to settle briefly, and
    /// read back: of instances that race, the last writer holds it and the others see that. Two
    /// holders need one instance's read and write to straddle another's whole settle time, which
    /// costs at most one extra fetch. With the shared cache down, the lease is granted: each
    /// instance then refreshes for itself.
    /// </remarks>
    public async ValueTask<bool> TryAcquireRefreshLeaseAsync(string key, string owner, TimeSpan duration, CancellationToken cancellationToken)
    {
        var leaseKey = KeyPrefix + key + ":lease";
        return await SharedAsync(
            ct => Caching.SettledClaim.TryAsync(_shared, leaseKey, owner, duration, LeaseSettleTime, _time, ct),
            true,
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask ReleaseRefreshLeaseAsync(string key, string owner, CancellationToken cancellationToken)
    {
        var leaseKey = KeyPrefix + key + ":lease";
        await SharedAsync(
            async ct =>
            {
                var holder = await _shared.GetAsync(leaseKey, ct).ConfigureAwait(false);
                if (holder is not null && Encoding.UTF8.GetString(holder) == owner)
                {
                    await _shared.RemoveAsync(leaseKey, ct).ConfigureAwait(false);
                }

                return true;
            },
            false,
            cancellationToken).ConfigureAwait(false);
    }


    // Runs one operation on the shared cache, bounded in time; a failure opens a pause during
    // which the shared cache is not asked, and the operation's fallback stands in.
    private async Task<T> SharedAsync<T>(Func<CancellationToken, Task<T>> operation, T fallback, CancellationToken cancellationToken)
    {
        if (IsSharedCacheDown)
        {
            return fallback;
        }

        try
        {
            return await operation(cancellationToken).WaitAsync(OperationTimeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            Interlocked.Exchange(ref _outageUntilTicks, (_time.GetUtcNow() + OutageBackoff).UtcTicks);
            FeishuLog.SharedCacheUnavailable(_logger, e.GetType().Name + ": " + e.Message, (long)OutageBackoff.TotalSeconds);
            return fallback;
        }
    }

    private static byte[] Encode(FeishuCachedToken token)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("v", token.Value);
            writer.WriteNumber("e", token.ExpiresAt.ToUnixTimeMilliseconds());
            writer.WriteNumber("r", token.RefreshAt.ToUnixTimeMilliseconds());
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    // An entry written by another version, or damaged, is ignored rather than trusted.
    private static FeishuCachedToken? Decode(byte[] bytes)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            var value = root.GetProperty("v").GetString();
            return string.IsNullOrEmpty(value)
                ? null
                : new FeishuCachedToken(value, DateTimeOffset.FromUnixTimeMilliseconds(root.GetProperty("e").GetInt64()), DateTimeOffset.FromUnixTimeMilliseconds(root.GetProperty("r").GetInt64()));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
