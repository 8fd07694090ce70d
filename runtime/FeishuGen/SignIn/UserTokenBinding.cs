using System;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Tokens;

namespace FeishuGen;

/// <summary>
/// Ties a session to its user's entry in a <see cref="IFeishuUserTokenStore"/>, so that every
/// session of the user, in this process and in the others sharing the store, refreshes once: one
/// caller per process passes the gate, one process holds the store's lease, and it writes the
/// rotated pair to the store before letting go. The others find the new pair there and adopt it,
/// so nobody spends a refresh token that was already spent.
/// </summary>
internal sealed class UserTokenBinding
{
    private readonly IFeishuUserTokenStore _store;
    private readonly KeyedGate _gates;
    private readonly string _appId;

    public UserTokenBinding(IFeishuUserTokenStore store, KeyedGate gates, string appId, string userId)
    {
        _store = store;
        _gates = gates;
        _appId = appId;
        UserId = userId;
    }

    public string UserId { get; }

    /// <summary>
    /// Brings the session past <paramref name="staleAccess"/>: adopts a newer pair from the store, or
    /// refreshes under the lease, adopting the new pair the moment Feishu hands it over and storing
    /// it before the lease is released.
    /// </summary>
    public async Task RefreshAsync(string staleAccess, FeishuUserTokens current, Func<string, CancellationToken, Task<FeishuUserTokens>> exchange, Action<FeishuUserTokens> adopt, TimeProvider time, CancellationToken cancellationToken)
    {
        using var gate = await _gates.EnterAsync(UserId, cancellationToken).ConfigureAwait(false);
        var lease = new Lease(this, staleAccess, current);
        await using var held = await SharedLease<FeishuUserTokens>.TakeAsync(lease, time, cancellationToken).ConfigureAwait(false);
        if (held.FromOtherHolder is { } delivered)
        {
            adopt(delivered);
            return;
        }

        var stored = await _store.GetAsync(_appId, UserId, cancellationToken).ConfigureAwait(false)
            ?? throw new FeishuSignInException("signed_out", null, "The user's tokens are no longer in the store (signed out, or expired there): the user must sign in again.");
        if (lease.IsNewer(stored))
        {
            adopt(stored);
            return;
        }

        // The store holds this session's pair, or an older one when a save failed: this session's refresh token is the live one.
        var refresh = current.RefreshToken ?? stored.RefreshToken;
        if (string.IsNullOrEmpty(refresh))
        {
            throw new FeishuSignInException("no_refresh_token", null, "The user access token expired and Feishu granted no refresh token (ask for the offline_access scope): the user must sign in again.");
        }

        var fresh = await exchange(refresh, CancellationToken.None).ConfigureAwait(false);
        fresh = fresh with { RefreshToken = fresh.RefreshToken ?? refresh, Scope = fresh.Scope ?? current.Scope };
        adopt(fresh);
        await _store.SetAsync(_appId, UserId, fresh, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The store's lease on refreshing this user, delivered once a pair newer than the stale one is stored.</summary>
    private sealed class Lease : ISharedLeaseTarget<FeishuUserTokens>
    {
        private readonly UserTokenBinding _binding;
        private readonly string _staleAccess;
        private readonly FeishuUserTokens _current;

        public Lease(UserTokenBinding binding, string staleAccess, FeishuUserTokens current)
        {
            _binding = binding;
            _staleAccess = staleAccess;
            _current = current;
        }

        // Another pair than the stale one, and not an older one left by a failed save.
        public bool IsNewer(FeishuUserTokens stored)
            => stored.AccessToken != _staleAccess && !(stored.ExpiresAt < _current.ExpiresAt);

        public ValueTask<bool> TryAcquireAsync(string owner, TimeSpan duration, CancellationToken cancellationToken)
            => _binding._store.TryAcquireRefreshLeaseAsync(_binding._appId, _binding.UserId, owner, duration, cancellationToken);

        public ValueTask ReleaseAsync(string owner, CancellationToken cancellationToken)
            => _binding._store.ReleaseRefreshLeaseAsync(_binding._appId, _binding.UserId, owner, cancellationToken);

        public async ValueTask<FeishuUserTokens?> ReadDeliveredAsync(CancellationToken cancellationToken)
        {
            var stored = await _binding._store.GetAsync(_binding._appId, _binding.UserId, cancellationToken).ConfigureAwait(false);
            return stored is not null && IsNewer(stored) ? stored : null;
        }
    }
}
