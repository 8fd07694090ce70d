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

    /// <summary>Refreshes unless another caller already replaced <paramref name="staleToken"/>.</summary>
    internal async Task RefreshAsync(string staleToken, Func<string, CancellationToken, Task<(string Access, string? Refresh, int ExpiresIn)>> exchange, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
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

            var (access, refresh, expiresIn) = await exchange(RefreshToken!, cancellationToken).ConfigureAwait(false);
            AccessToken = access;
            RefreshToken = refresh ?? RefreshToken;
            ExpiresAt = expiresIn > 0 ? now.AddSeconds(expiresIn) : null;
            if (Refreshed is { } refreshed)
            {
                await refreshed(this, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
