using System;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Errors;
using FeishuGen.Http;
using FeishuGen.Logging;
using Microsoft.Extensions.Logging;

namespace FeishuGen.Tokens;

/// <summary>
/// Fetches and caches tenant and app access tokens. Tokens are keyed by (domain, app id, secret
/// fingerprint, kind, tenant key), so two clients with different secrets never share one. A
/// token is fetched anew a few minutes before it expires (with jitter, so a fleet does not
/// refresh in step); one fetch per key runs at a time in this process and, with a shared
/// cache, across instances. While the cached token is still valid, a failed refresh keeps it.
/// </summary>
internal sealed partial class TokenProvider
{
    private readonly FeishuClientOptions _options;
    private readonly IFeishuTokenCache _cache;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TokenEndpoint _endpoint;
    private readonly KeyedGate _gates = new();
    private readonly string _keyPrefix;
    private readonly string _appKey;
    private readonly string _defaultTenantKey;

    public TokenProvider(FeishuClientOptions options, Func<HttpClient> http, IFeishuTokenCache cache, TimeProvider time, RetryBudget budget, ILogger logger)
    {
        _options = options;
        _cache = cache;
        _time = time;
        _logger = logger;
        _endpoint = new TokenEndpoint(options, http, time, budget, logger);
        _keyPrefix = options.BaseAddress.GetLeftPart(UriPartial.Authority) + "|" + options.AppId + "|" + Fingerprint(options.AppSecret) + "|";
        _appKey = Key(FeishuTokenType.App, null);
        _defaultTenantKey = Key(FeishuTokenType.Tenant, null);
    }

    /// <summary>How many token requests this provider has sent, retries included (for tests and diagnostics).</summary>
    public long FetchCount => _endpoint.Requests;

    /// <summary>How many keys have a fetch under way or awaited (bounded: entries go when unused).</summary>
    internal int GateCount => _gates.Count;

    /// <summary>
    /// The token for a call. A fresh cached token is returned without allocating (no key string,
    /// closure or task): that is nearly every call. Everything else takes the slow path.
    /// </summary>
    public ValueTask<string> GetAsync(FeishuTokenType type, string? tenantKey, CancellationToken cancellationToken)
    {
        var key = type == FeishuTokenType.App ? _appKey : tenantKey is null ? _defaultTenantKey : Key(type, tenantKey);
        var read = _cache.GetAsync(key, cancellationToken);
        if (read.IsCompletedSuccessfully)
        {
            // A ValueTask is consumed once: its result is handed on, never the ValueTask itself.
            var cached = read.Result;
            if (IsFresh(cached))
            {
                return new ValueTask<string>(cached!.Value);
            }

            read = new ValueTask<FeishuCachedToken?>(cached);
        }

        return new ValueTask<string>(type == FeishuTokenType.App
            ? GetCachedAsync(type, key, read, FetchAppTokenAsync, cancellationToken)
            : GetCachedAsync(type, key, read, ct => FetchTenantTokenAsync(tenantKey, ct), cancellationToken));
    }

    /// <summary>Forgets <paramref name="token"/> after Feishu rejected it, unless a newer one replaced it already.</summary>
    public ValueTask InvalidateAsync(FeishuTokenType type, string? tenantKey, string token, CancellationToken cancellationToken)
        => _cache.RemoveAsync(Key(type, type == FeishuTokenType.App ? null : tenantKey), token, cancellationToken);

    private string Key(FeishuTokenType type, string? tenantKey) => _keyPrefix + type.WireName() + "|" + tenantKey;

    private async Task<string> GetCachedAsync(FeishuTokenType type, string key, ValueTask<FeishuCachedToken?> firstRead, Func<CancellationToken, Task<(string Token, int Expire)>> fetch, CancellationToken cancellationToken)
    {
        var cached = await firstRead.ConfigureAwait(false);
        if (IsFresh(cached))
        {
            return cached!.Value;
        }

        using var gate = await _gates.EnterAsync(key, cancellationToken).ConfigureAwait(false);

        // Another caller, or another instance, may have fetched while this one waited.
        cached = await _cache.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (IsFresh(cached))
        {
            return cached!.Value;
        }

        await using var lease = await SharedLease<string>.TakeAsync(TokenCacheLease.For(_cache, key, _time), _time, cancellationToken).ConfigureAwait(false);
        if (lease.FromOtherHolder is { } shared)
        {
            return shared;
        }

        try
        {
            string token;
            int expire;
            try
            {
                (token, expire) = await fetch(cancellationToken).ConfigureAwait(false);
            }
            catch (FeishuException)
            {
                Telemetry.FeishuMetrics.TokenFetch(type.WireName(), succeeded: false, wasRefresh: cached is not null);
                throw;
            }

            Telemetry.FeishuMetrics.TokenFetch(type.WireName(), succeeded: true, wasRefresh: cached is not null);
            await _cache.SetAsync(key, Cacheable(token, expire), cancellationToken).ConfigureAwait(false);
            return token;
        }
        catch (FeishuException e) when (cached is not null && _time.GetUtcNow() < cached.ExpiresAt - StillValidMargin)
        {
            // An early refresh failed but the token Feishu gave us still works: keep using it, and
            // try again in a while rather than making every call wait for another failure.
            var remaining = cached.ExpiresAt - _time.GetUtcNow();
            FeishuLog.UsingCachedToken(_logger, type.WireName(), e.Message, (long)remaining.TotalSeconds);
            var retryAt = _time.GetUtcNow() + TimeSpan.FromTicks(Math.Min(RetryRefreshAfter.Ticks, remaining.Ticks / 4));
            await _cache.SetAsync(key, cached with { RefreshAt = retryAt }, cancellationToken).ConfigureAwait(false);
            return cached.Value;
        }
    }

    private bool IsFresh(FeishuCachedToken? cached) => cached is not null && _time.GetUtcNow() < cached.RefreshAt;

    // Refresh ahead of expiry by the margin, less a jitter of up to 5% of the lifetime (30 s at
    // most); a token that lives shorter than the margin is refreshed at half its life, never on
    // every call.
    private FeishuCachedToken Cacheable(string token, int expireSeconds)
    {
        var now = _time.GetUtcNow();
        var lifetime = TimeSpan.FromSeconds(Math.Max(1, expireSeconds));
        var jitter = TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * Math.Min(30_000, lifetime.TotalMilliseconds / 20));
        var refreshIn = lifetime - _options.TokenRefreshMargin - jitter;
        if (refreshIn < lifetime / 2)
        {
            refreshIn = lifetime / 2;
        }

        return new FeishuCachedToken(token, now + lifetime, now + refreshIn);
    }

    // A cached token is used after a failed refresh only while this much of its life remains.
    private static readonly TimeSpan StillValidMargin = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan RetryRefreshAfter = TimeSpan.FromSeconds(30);

    // A short, one-way digest: enough to tell secrets apart, useless for recovering one.
    private static string Fingerprint(string secret)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(secret));
        return Convert.ToHexString(hash, 0, 8);
    }
}
