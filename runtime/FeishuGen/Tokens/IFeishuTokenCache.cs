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
/// Where tokens are kept between calls. The default keeps them in memory; implement this over a
/// shared store (Redis, a database) to share tokens between several instances of an app.
/// </summary>
public interface IFeishuTokenCache
{
    /// <summary>The token stored under <paramref name="key"/>, or null.</summary>
    /// <param name="key">The cache key (domain, app id, secret fingerprint, token kind, tenant key).</param>
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

/// <summary>The default token cache: a dictionary in this process.</summary>
public sealed class InMemoryFeishuTokenCache : IFeishuTokenCache
{
    private readonly ConcurrentDictionary<string, FeishuCachedToken> _tokens = new();

    /// <inheritdoc/>
    public ValueTask<FeishuCachedToken?> GetAsync(string key, CancellationToken cancellationToken)
        => new(_tokens.TryGetValue(key, out var token) ? token : null);

    /// <inheritdoc/>
    public ValueTask SetAsync(string key, FeishuCachedToken token, CancellationToken cancellationToken)
    {
        _tokens[key] = token;
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
