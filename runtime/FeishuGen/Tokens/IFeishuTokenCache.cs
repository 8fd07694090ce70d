using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace FeishuGen.Tokens;

/// <summary>A cached access token: its value, when it expires, and when to fetch it anew.</summary>
/// <param name="Value">The token.</param>
/// <param name="ExpiresAt">When Feishu stops accepting it.</param>
/// <param name="RefreshAt">When the client fetches a new one (a few minutes before expiry, with jitter).</param>
public sealed record FeishuCachedToken(string Value, DateTimeOffset ExpiresAt, DateTimeOffset RefreshAt)
{
    /// <summary>Hides the token value: a cached token never prints its secret.</summary>
    public override string ToString() => $"FeishuCachedToken {{ ExpiresAt = {ExpiresAt:O}, RefreshAt = {RefreshAt:O} }}";
}

/// <summary>
/// Where tokens are kept between calls. The default keeps them in memory; for several instances
/// of an app use <see cref="DistributedFeishuTokenCache"/> (any IDistributedCache: Redis, SQL
/// Server), or implement <see cref="IFeishuSharedTokenCache"/> over another shared store.
/// </summary>
public interface IFeishuTokenCache
{
    /// <summary>The token stored under <paramref name="key"/>, or null.</summary>
    /// <param name="key">The cache key (domain, app id, secret fingerprint, token kind, tenant key): never a secret in clear.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    ValueTask<FeishuCachedToken?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="token"/> under <paramref name="key"/>.</summary>
    /// <param name="key">The cache key.</param>
    /// <param name="token">The token.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    ValueTask SetAsync(string key, FeishuCachedToken token, CancellationToken cancellationToken);

    /// <summary>Removes the token under <paramref name="key"/> if it is still <paramref name="value"/>.</summary>
    /// <param name="key">The cache key.</param>
    /// <param name="value">The token that Feishu rejected; a newer one is left alone.</param>
    /// <param name="cancellationToken">Cancels the removal.</param>
    ValueTask RemoveAsync(string key, string value, CancellationToken cancellationToken);
}

/// <summary>
/// A token cache shared by several instances of an app, which can also hand out a short lease on
/// refreshing a key, so that the instances fetch a token about once per lifetime, not once each.
/// </summary>
public interface IFeishuSharedTokenCache : IFeishuTokenCache
{
    /// <summary>Takes the lease on refreshing <paramref name="key"/> for <paramref name="owner"/>, unless another owner holds it.</summary>
    /// <param name="key">The cache key.</param>
    /// <param name="owner">A unique id of the caller.</param>
    /// <param name="duration">How long the lease lasts if never released.</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <returns>True when the caller holds the lease and should fetch.</returns>
    ValueTask<bool> TryAcquireRefreshLeaseAsync(string key, string owner, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Releases the lease if <paramref name="owner"/> still holds it.</summary>
    /// <param name="key">The cache key.</param>
    /// <param name="owner">The id passed when the lease was taken.</param>
    /// <param name="cancellationToken">Cancels the release.</param>
    ValueTask ReleaseRefreshLeaseAsync(string key, string owner, CancellationToken cancellationToken);
}

/// <summary>The default token cache: a dictionary in this process, from which expired tokens are swept.</summary>
public sealed class InMemoryFeishuTokenCache : IFeishuTokenCache
{
    private const int SweepEvery = 256;
    private readonly ConcurrentDictionary<string, FeishuCachedToken> _tokens = new();
    private readonly TimeProvider _time;
    private int _writes;

    /// <summary>Creates a cache on the system clock.</summary>
    public InMemoryFeishuTokenCache()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Creates a cache on <paramref name="time"/>, which decides when a token has expired.</summary>
    /// <param name="time">The clock.</param>
    public InMemoryFeishuTokenCache(TimeProvider time) => _time = time ?? throw new ArgumentNullException(nameof(time));

    /// <summary>How many tokens are held (expired ones go on the next sweep).</summary>
    public int Count => _tokens.Count;

    /// <inheritdoc/>
    public ValueTask<FeishuCachedToken?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (_tokens.TryGetValue(key, out var token))
        {
            if (_time.GetUtcNow() < token.ExpiresAt)
            {
                return new(token);
            }

            _tokens.TryRemove(new(key, token));
        }

        return new((FeishuCachedToken?)null);
    }

    /// <inheritdoc/>
    public ValueTask SetAsync(string key, FeishuCachedToken token, CancellationToken cancellationToken)
    {
        _tokens[key] = token;

        // Tenants that stop calling leave expired tokens behind: sweep them now and then.
        if (Interlocked.Increment(ref _writes) % SweepEvery == 0)
        {
            var now = _time.GetUtcNow();
            foreach (var entry in _tokens)
            {
                if (now >= entry.Value.ExpiresAt)
                {
                    _tokens.TryRemove(entry);
                }
            }
        }

        return default;
    }

    /// <inheritdoc/>
    public ValueTask RemoveAsync(string key, string value, CancellationToken cancellationToken)
    {
        if (_tokens.TryGetValue(key, out var current) && current.Value == value)
        {
            _tokens.TryRemove(new(key, current));
        }

        return default;
    }
}
