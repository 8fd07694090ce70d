using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace FeishuGen;

/// <summary>
/// The default user-token store: a dictionary in this process. Tokens are lost when the process
/// ends (users sign in again); for several instances, or to survive restarts, use
/// <see cref="DistributedFeishuUserTokenStore"/>.
/// </summary>
public sealed class InMemoryFeishuUserTokenStore : IFeishuUserTokenStore
{
    private readonly ConcurrentDictionary<(string App, string User), FeishuUserTokens> _tokens = new();
    private readonly ConcurrentDictionary<(string App, string User), (string Owner, DateTimeOffset Until)> _leases = new();
    private readonly TimeProvider _time;

    /// <summary>Creates a store on the system clock.</summary>
    public InMemoryFeishuUserTokenStore()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Creates a store whose leases expire on <paramref name="time"/>.</summary>
    /// <param name="time">The clock.</param>
    public InMemoryFeishuUserTokenStore(TimeProvider time) => _time = time ?? throw new ArgumentNullException(nameof(time));

    /// <summary>How many users have tokens here.</summary>
    public int Count => _tokens.Count;

    /// <inheritdoc/>
    public ValueTask<FeishuUserTokens?> GetAsync(string appId, string userId, CancellationToken cancellationToken)
        => new(_tokens.TryGetValue((appId, userId), out var tokens) ? tokens : null);

    /// <inheritdoc/>
    public ValueTask SetAsync(string appId, string userId, FeishuUserTokens tokens, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        _tokens[(appId, userId)] = tokens;
        return default;
    }

    /// <inheritdoc/>
    public ValueTask RemoveAsync(string appId, string userId, CancellationToken cancellationToken)
    {
        _tokens.TryRemove((appId, userId), out _);
        return default;
    }

    /// <inheritdoc/>
    public ValueTask<bool> TryAcquireRefreshLeaseAsync(string appId, string userId, string owner, TimeSpan duration, CancellationToken cancellationToken)
    {
        var key = (appId, userId);
        var now = _time.GetUtcNow();
        while (true)
        {
            if (_leases.TryGetValue(key, out var held))
            {
                if (held.Owner != owner && held.Until > now)
                {
                    return new(false);
                }

                // Expired, or already this owner's: renew it in place, unless someone else just did.
                if (_leases.TryUpdate(key, (owner, now + duration), held))
                {
                    return new(true);
                }
            }
            else if (_leases.TryAdd(key, (owner, now + duration)))
            {
                return new(true);
            }
        }
    }

    /// <inheritdoc/>
    public ValueTask ReleaseRefreshLeaseAsync(string appId, string userId, string owner, CancellationToken cancellationToken)
    {
        var key = (appId, userId);
        if (_leases.TryGetValue(key, out var held) && held.Owner == owner)
        {
            _leases.TryRemove(new(key, held));
        }

        return default;
    }
}
