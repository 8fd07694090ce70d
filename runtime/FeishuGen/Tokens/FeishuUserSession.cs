using System;
using System.Threading;
using System.Threading.Tasks;

namespace FeishuGen;

/// <summary>
/// A signed-in user's tokens. Pass it in <see cref="FeishuRequestOptions.UserSession"/>: the
/// client sends its access token, refreshes it shortly before it expires or when Feishu rejects
/// it (99991668, 99991677), and replays the call once. Refresh tokens are single-use and rotate,
/// so one refresh runs at a time per session and <see cref="Refreshed"/> hands you the new pair
/// to persist. A session from <see cref="FeishuUserSessions"/> also keeps its store up to date,
/// with one refresh per user across the instances that share the store.
/// </summary>
public sealed class FeishuUserSession
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private FeishuUserTokens _tokens;

    /// <summary>Creates a session from tokens you obtained (authorization code flow) or stored.</summary>
    /// <param name="accessToken">The user_access_token.</param>
    /// <param name="refreshToken">The refresh token (issued with the offline_access scope), or null when the session cannot refresh.</param>
    /// <param name="expiresAt">When the access token expires, if known.</param>
    public FeishuUserSession(string accessToken, string? refreshToken, DateTimeOffset? expiresAt = null)
        : this(new FeishuUserTokens
        {
            AccessToken = string.IsNullOrEmpty(accessToken) ? throw new ArgumentException("A user session needs an access token.", nameof(accessToken)) : accessToken,
            RefreshToken = refreshToken,
            ExpiresAt = expiresAt,
        })
    {
    }

    /// <summary>Creates a session from the tokens of a sign-in (web or device) or from a store.</summary>
    /// <param name="tokens">The tokens.</param>
    public FeishuUserSession(FeishuUserTokens tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        _tokens = string.IsNullOrEmpty(tokens.AccessToken) ? throw new ArgumentException("A user session needs an access token.", nameof(tokens)) : tokens;
    }

    /// <summary>The current user_access_token.</summary>
    public string AccessToken => _tokens.AccessToken;

    /// <summary>The current refresh token (each refresh replaces it).</summary>
    public string? RefreshToken => _tokens.RefreshToken;

    /// <summary>When the access token expires, if known.</summary>
    public DateTimeOffset? ExpiresAt => _tokens.ExpiresAt;

    /// <summary>All the current tokens, with the granted scopes and the refresh token's expiry.</summary>
    public FeishuUserTokens Tokens => _tokens;

    /// <summary>Called after every refresh with the session holding the new tokens: persist them, the old refresh token no longer works.</summary>
    public Func<FeishuUserSession, CancellationToken, ValueTask>? Refreshed { get; init; }

    /// <summary>The store and user this session belongs to, when it came from <see cref="FeishuUserSessions"/>.</summary>
    internal UserTokenBinding? Binding { get; init; }

    /// <summary>Hides the tokens.</summary>
    public override string ToString() => $"FeishuUserSession {{ ExpiresAt = {ExpiresAt:O} }}";

    internal bool IsDue(DateTimeOffset now, TimeSpan margin) => ExpiresAt is { } expires && now >= expires - margin;

    /// <summary>
    /// Refreshes unless another caller already replaced <paramref name="staleToken"/>. The exchange
    /// and the save run detached, under their own time limit: Feishu spends the old refresh token
    /// the moment it answers, so once the request is out the new pair must be kept and handed to
    /// <see cref="Refreshed"/> whatever the caller does. A caller that gives up only stops waiting.
    /// </summary>
    internal Task RefreshAsync(string staleToken, Func<string, CancellationToken, Task<FeishuUserTokens>> exchange, TimeProvider time, TimeSpan timeLimit, CancellationToken cancellationToken)
    {
        var refresh = RefreshDetachedAsync(staleToken, exchange, time, timeLimit);
        if (!cancellationToken.CanBeCanceled || refresh.IsCompleted)
        {
            return refresh;
        }

        // Observed here so that a failure after the caller left is not an unobserved task exception.
        _ = refresh.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return refresh.WaitAsync(cancellationToken);
    }

    private async Task RefreshDetachedAsync(string staleToken, Func<string, CancellationToken, Task<FeishuUserTokens>> exchange, TimeProvider time, TimeSpan timeLimit)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (AccessToken != staleToken)
            {
                return;
            }

            // The exchange times its own attempts; this limit bounds the saves, which hold the gate.
            using var saveLimit = timeLimit == Timeout.InfiniteTimeSpan ? new CancellationTokenSource() : new CancellationTokenSource(timeLimit, time);
            if (Binding is { } binding)
            {
                // The store decides: another session or instance may have refreshed already. The new
                // pair is adopted the moment Feishu hands it over, before the store is written.
                await binding.RefreshAsync(staleToken, _tokens, exchange, fresh => _tokens = fresh, time, saveLimit.Token).ConfigureAwait(false);
            }
            else
            {
                if (string.IsNullOrEmpty(RefreshToken))
                {
                    throw new FeishuConfigurationException("The user access token expired and the session has no refresh token (request the offline_access scope to get one).");
                }

                var fresh = await exchange(RefreshToken!, CancellationToken.None).ConfigureAwait(false);
                _tokens = fresh with { RefreshToken = fresh.RefreshToken ?? RefreshToken, Scope = fresh.Scope ?? _tokens.Scope };
            }

            if (Refreshed is { } refreshed)
            {
                await refreshed(this, saveLimit.Token).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
