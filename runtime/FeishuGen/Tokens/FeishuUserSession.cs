using System;
using System.Threading;
using System.Threading.Tasks;

namespace FeishuGen;

/// <summary>
/// A signed-in user's tokens. Pass it in <see cref="FeishuRequestOptions.UserSession"/>: the
/// client sends its access token, refreshes it shortly before it expires or when Feishu rejects
/// it (99991668, 99991677), and replays the call once. Refresh tokens are single-use and rotate,
/// so one refresh runs at a time per session and <see cref="Refreshed"/> hands you the new pair
/// to persist.
/// </summary>
public sealed class FeishuUserSession
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Creates a session from tokens you obtained (authorization code flow) or stored.</summary>
    /// <param name="accessToken">The user_access_token.</param>
    /// <param name="refreshToken">The refresh token (issued with the offline_access scope), or null when the session cannot refresh.</param>
    /// <param name="expiresAt">When the access token expires, if known.</param>
    public FeishuUserSession(string accessToken, string? refreshToken, DateTimeOffset? expiresAt = null)
    {
        AccessToken = string.IsNullOrEmpty(accessToken) ? throw new ArgumentException("A user session needs an access token.", nameof(accessToken)) : accessToken;
        RefreshToken = refreshToken;
        ExpiresAt = expiresAt;
    }

    /// <summary>The current user_access_token.</summary>
    public string AccessToken { get; private set; }

    /// <summary>The current refresh token (each refresh replaces it).</summary>
    public string? RefreshToken { get; private set; }

    /// <summary>When the access token expires, if known.</summary>
    public DateTimeOffset? ExpiresAt { get; private set; }

    /// <summary>Called after every refresh with the session holding the new tokens: persist them, the old refresh token no longer works.</summary>
    public Func<FeishuUserSession, CancellationToken, ValueTask>? Refreshed { get; init; }

    /// <summary>Hides the tokens.</summary>
    public override string ToString() => $"FeishuUserSession {{ ExpiresAt = {ExpiresAt:O} }}";

    internal bool IsDue(DateTimeOffset now, TimeSpan margin) => ExpiresAt is { } expires && now >= expires - margin;

    /// <summary>
    /// Refreshes unless another caller already replaced <paramref name="staleToken"/>. The exchange
    /// and the save run detached, under their own time limit: Feishu spends the old refresh token
    /// the moment it answers, so once the request is out the new pair must be kept and handed to
    /// <see cref="Refreshed"/> whatever the caller does. A caller that gives up only stops waiting.
    /// </summary>
    internal Task RefreshAsync(string staleToken, Func<string, CancellationToken, Task<(string Access, string? Refresh, int ExpiresIn)>> exchange, TimeProvider time, TimeSpan timeLimit, CancellationToken cancellationToken)
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

    private async Task RefreshDetachedAsync(string staleToken, Func<string, CancellationToken, Task<(string Access, string? Refresh, int ExpiresIn)>> exchange, TimeProvider time, TimeSpan timeLimit)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (AccessToken != staleToken)
            {
                return;
            }

            if (string.IsNullOrEmpty(RefreshToken))
            {
                throw new FeishuConfigurationException("The user access token expired and the session has no refresh token (request the offline_access scope to get one).");
            }

            // The exchange times its own attempts; this limit bounds the save, which holds the gate.
            var (access, refresh, expiresIn) = await exchange(RefreshToken!, CancellationToken.None).ConfigureAwait(false);
            AccessToken = access;
            RefreshToken = refresh ?? RefreshToken;
            ExpiresAt = expiresIn > 0 ? time.GetUtcNow().AddSeconds(expiresIn) : null;
            if (Refreshed is { } refreshed)
            {
                using var saveLimit = timeLimit == Timeout.InfiniteTimeSpan ? new CancellationTokenSource() : new CancellationTokenSource(timeLimit, time);
                await refreshed(this, saveLimit.Token).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
