using System;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Tokens;

namespace FeishuGen;

/// <summary>
/// Signed-in users of one app: their tokens kept in an <see cref="IFeishuUserTokenStore"/> by
/// open_id, handed out as <see cref="FeishuUserSession"/>s that refresh through the client and
/// write the rotated pair back to the store, with one refresh per user across every instance that
/// shares the store. Sign-out revokes the grant at Feishu and deletes the tokens.
/// </summary>
/// <example>
/// <code>
/// var session = await sessions.GetAsync(openId) ?? throw new InvalidOperationException("sign in first");
/// var calendars = await api.Calendar.V4.Calendar.PrimaryAsync(new(), new FeishuRequestOptions { UserSession = session });
/// </code>
/// </example>
public sealed class FeishuUserSessions
{
    private readonly FeishuClient _client;
    private readonly AccountsEndpoints _accounts;
    private readonly KeyedGate _gates = new();

    /// <summary>Creates the sessions of <paramref name="client"/>'s app over <paramref name="store"/>.</summary>
    /// <param name="client">The client the sessions refresh through (its app id keys the store).</param>
    /// <param name="store">Where tokens are kept; in memory when null.</param>
    public FeishuUserSessions(FeishuClient client, IFeishuUserTokenStore? store = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _accounts = new AccountsEndpoints(client);
        Store = store ?? new InMemoryFeishuUserTokenStore(client.Time);
    }

    /// <summary>Where the tokens are kept.</summary>
    public IFeishuUserTokenStore Store { get; }

    /// <summary>The app whose users these are.</summary>
    public string AppId => _client.Options.AppId;

    /// <summary>The signed-in user's session, or null when the store has no tokens for them (never signed in, signed out, or expired).</summary>
    /// <param name="userId">The user's open_id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async ValueTask<FeishuUserSession?> GetAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var tokens = await Store.GetAsync(AppId, userId, cancellationToken).ConfigureAwait(false);
        return tokens is null ? null : Bind(userId, tokens);
    }

    /// <summary>Stores a sign-in's tokens for the user and returns their session.</summary>
    /// <param name="userId">The user's open_id.</param>
    /// <param name="tokens">The tokens of the sign-in.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public async ValueTask<FeishuUserSession> SaveAsync(string userId, FeishuUserTokens tokens, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(tokens);
        await Store.SetAsync(AppId, userId, tokens, cancellationToken).ConfigureAwait(false);
        return Bind(userId, tokens);
    }

    /// <summary>
    /// Signs the user out: revokes their grant at Feishu (the refresh token, which takes its access
    /// tokens with it; the access token when there is no refresh token) and deletes their tokens.
    /// The tokens are deleted even when Feishu cannot be reached.
    /// </summary>
    /// <param name="userId">The user's open_id.</param>
    /// <param name="cancellationToken">Cancels the revocation (the tokens are deleted all the same).</param>
    /// <returns>True when Feishu confirmed the revocation; false when there was nothing to revoke or it failed (logged).</returns>
    public async Task<bool> SignOutAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var tokens = await Store.GetAsync(AppId, userId, cancellationToken).ConfigureAwait(false);
        try
        {
            if (tokens is null)
            {
                return false;
            }

            await _accounts.RevokeAsync(tokens.RefreshToken ?? tokens.AccessToken, tokens.CanRefresh ? "refresh_token" : "access_token", cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (FeishuException e)
        {
            SignInLog.RevokeFailed(_client.Logger, e.Message);
            return false;
        }
        finally
        {
            await Store.RemoveAsync(AppId, userId, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private FeishuUserSession Bind(string userId, FeishuUserTokens tokens)
        => new(tokens) { Binding = new UserTokenBinding(Store, _gates, AppId, userId) };
}
