using System;
using System.Threading;
using System.Threading.Tasks;

namespace FeishuGen.Tokens;

/// <summary>
/// What a lease guards: how to take and release it, and how to see that another holder already
/// delivered the value (a token stored by another instance), which makes this caller's own
/// fetch unnecessary.
/// </summary>
/// <typeparam name="T">The value the holder fetches.</typeparam>
internal interface ISharedLeaseTarget<T>
    where T : class
{
    ValueTask<bool> TryAcquireAsync(string owner, TimeSpan duration, CancellationToken cancellationToken);

    ValueTask ReleaseAsync(string owner, CancellationToken cancellationToken);

    /// <summary>The value another holder delivered, or null while it is still to be fetched.</summary>
    ValueTask<T?> ReadDeliveredAsync(CancellationToken cancellationToken);
}

/// <summary>
/// The right to fetch a value for a key when several app instances share one store: one
/// instance takes a short lease and fetches, the others poll the store for its value. A holder
/// that dies lets the lease expire and the next instance fetches. Without a shared store (a null
/// target) every lease is granted at once: the in-process gate already serialises.
/// </summary>
/// <typeparam name="T">The value the holder fetches.</typeparam>
internal sealed class SharedLease<T> : IAsyncDisposable
    where T : class
{
    private static readonly SharedLease<T> None = new(null, string.Empty, null);

    private readonly ISharedLeaseTarget<T>? _target;
    private readonly string _owner;

    private SharedLease(ISharedLeaseTarget<T>? target, string owner, T? fromOtherHolder)
    {
        _target = target;
        _owner = owner;
        FromOtherHolder = fromOtherHolder;
    }

    /// <summary>The value another instance delivered while this one waited: use it, fetch nothing.</summary>
    public T? FromOtherHolder { get; }

    public static async Task<SharedLease<T>> TakeAsync(ISharedLeaseTarget<T>? target, TimeProvider time, CancellationToken cancellationToken)
    {
        if (target is null)
        {
            return None;
        }

        var owner = Guid.NewGuid().ToString("N");
        var giveUpAt = time.GetUtcNow() + SharedLease.Duration;
        while (true)
        {
            if (await target.TryAcquireAsync(owner, SharedLease.Duration, cancellationToken).ConfigureAwait(false))
            {
                var lease = new SharedLease<T>(target, owner, null);

                // The previous holder may have delivered just before letting go.
                var delivered = await target.ReadDeliveredAsync(cancellationToken).ConfigureAwait(false);
                if (delivered is not null)
                {
                    await lease.DisposeAsync().ConfigureAwait(false);
                    return new SharedLease<T>(null, owner, delivered);
                }

                return lease;
            }

            await Task.Delay(SharedLease.Poll, time, cancellationToken).ConfigureAwait(false);
            var seen = await target.ReadDeliveredAsync(cancellationToken).ConfigureAwait(false);
            if (seen is not null)
            {
                return new SharedLease<T>(null, owner, seen);
            }

            if (time.GetUtcNow() > giveUpAt)
            {
                // The holder never delivered: fetch without a lease rather than wait forever.
                return None;
            }
        }
    }

    public ValueTask DisposeAsync() => _target is null ? default : _target.ReleaseAsync(_owner, CancellationToken.None);
}

/// <summary>The timing shared by every <see cref="SharedLease{T}"/>.</summary>
internal static class SharedLease
{
    /// <summary>How long a lease lasts: long enough for a token fetch with a retry, short enough to outlive a crashed holder briefly.</summary>
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(10);

    /// <summary>How often a waiting instance looks for the holder's value.</summary>
    public static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);
}

/// <summary>The lease on refreshing one key of a shared token cache: delivered once a fresh token is stored.</summary>
internal sealed class TokenCacheLease : ISharedLeaseTarget<string>
{
    private readonly IFeishuSharedTokenCache _cache;
    private readonly string _key;
    private readonly TimeProvider _time;

    private TokenCacheLease(IFeishuSharedTokenCache cache, string key, TimeProvider time)
    {
        _cache = cache;
        _key = key;
        _time = time;
    }

    /// <summary>The lease target for <paramref name="key"/>, or null when the cache is not shared.</summary>
    public static TokenCacheLease? For(IFeishuTokenCache cache, string key, TimeProvider time)
        => cache is IFeishuSharedTokenCache shared ? new TokenCacheLease(shared, key, time) : null;

    public ValueTask<bool> TryAcquireAsync(string owner, TimeSpan duration, CancellationToken cancellationToken)
        => _cache.TryAcquireRefreshLeaseAsync(_key, owner, duration, cancellationToken);

    public ValueTask ReleaseAsync(string owner, CancellationToken cancellationToken)
        => _cache.ReleaseRefreshLeaseAsync(_key, owner, cancellationToken);

    public async ValueTask<string?> ReadDeliveredAsync(CancellationToken cancellationToken)
    {
        var stored = await _cache.GetAsync(_key, cancellationToken).ConfigureAwait(false);
        return stored is not null && _time.GetUtcNow() < stored.RefreshAt ? stored.Value : null;
    }
}
