using System;
using System.Threading;
using System.Threading.Tasks;

namespace FeishuGen.Tokens;

/// <summary>
/// The right to fetch a token for a key when several app instances share one cache: one
/// instance takes a short lease and fetches, the others poll the cache for its token. A holder
/// that dies lets the lease expire and the next instance fetches. With a cache that is not
/// shared, every lease is granted at once (the in-process gate already serialises).
/// </summary>
internal sealed class SharedLease : IAsyncDisposable
{
    /// <summary>How long a lease lasts: long enough for a token fetch with a retry, short enough to outlive a crashed holder briefly.</summary>
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);
    private static readonly SharedLease None = new(null, string.Empty, string.Empty, null);

    private readonly IFeishuSharedTokenCache? _cache;
    private readonly string _key;
    private readonly string _owner;

    private SharedLease(IFeishuSharedTokenCache? cache, string key, string owner, string? tokenFromOtherInstance)
    {
        _cache = cache;
        _key = key;
        _owner = owner;
        TokenFromOtherInstance = tokenFromOtherInstance;
    }

    /// <summary>A fresh token another instance stored while this one waited: use it, fetch nothing.</summary>
    public string? TokenFromOtherInstance { get; }

    public static async Task<SharedLease> TakeAsync(IFeishuTokenCache cache, string key, TimeProvider time, CancellationToken cancellationToken)
    {
        if (cache is not IFeishuSharedTokenCache shared)
        {
            return None;
        }

        var owner = Guid.NewGuid().ToString("N");
        var giveUpAt = time.GetUtcNow() + Duration;
        while (true)
        {
            if (await shared.TryAcquireRefreshLeaseAsync(key, owner, Duration, cancellationToken).ConfigureAwait(false))
            {
                var lease = new SharedLease(shared, key, owner, null);

                // The previous holder may have stored its token just before letting go.
                var stored = await cache.GetAsync(key, cancellationToken).ConfigureAwait(false);
                if (stored is not null && time.GetUtcNow() < stored.RefreshAt)
                {
                    await lease.DisposeAsync().ConfigureAwait(false);
                    return new SharedLease(null, key, owner, stored.Value);
                }

                return lease;
            }

            await Task.Delay(Poll, time, cancellationToken).ConfigureAwait(false);
            var cached = await cache.GetAsync(key, cancellationToken).ConfigureAwait(false);
            if (cached is not null && time.GetUtcNow() < cached.RefreshAt)
            {
                return new SharedLease(null, key, owner, cached.Value);
            }

            if (time.GetUtcNow() > giveUpAt)
            {
                // The holder never delivered: fetch without a lease rather than wait forever.
                return None;
            }
        }
    }

    public ValueTask DisposeAsync() => _cache is null ? default : _cache.ReleaseRefreshLeaseAsync(_key, _owner, CancellationToken.None);
}
