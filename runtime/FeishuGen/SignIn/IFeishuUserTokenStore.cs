using System;
using System.Threading;
using System.Threading.Tasks;

namespace FeishuGen;

/// <summary>
/// Where signed-in users' tokens are kept, keyed by app and user (the open_id). The refresh token
/// is a long-lived secret: <see cref="DistributedFeishuUserTokenStore"/> encrypts it at rest with
/// ASP.NET Core Data Protection. The lease lets one instance refresh a user's tokens while the
/// others wait for the rotated pair, because a refresh token works once.
/// </summary>
public interface IFeishuUserTokenStore
{
    /// <summary>The tokens stored for the user, or null.</summary>
    /// <param name="appId">The app (cli_…).</param>
    /// <param name="userId">The user's open_id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    ValueTask<FeishuUserTokens?> GetAsync(string appId, string userId, CancellationToken cancellationToken);

    /// <summary>Stores the user's tokens, replacing the previous ones.</summary>
    /// <param name="appId">The app.</param>
    /// <param name="userId">The user's open_id.</param>
    /// <param name="tokens">The tokens.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    ValueTask SetAsync(string appId, string userId, FeishuUserTokens tokens, CancellationToken cancellationToken);

    /// <summary>Deletes the user's tokens (sign-out).</summary>
    /// <param name="appId">The app.</param>
    /// <param name="userId">The user's open_id.</param>
    /// <param name="cancellationToken">Cancels the removal.</param>
    ValueTask RemoveAsync(string appId, string userId, CancellationToken cancellationToken);

    /// <summary>Takes the lease on refreshing the user's tokens for <paramref name="owner"/>, unless another owner holds it.</summary>
    /// <param name="appId">The app.</param>
    /// <param name="userId">The user's open_id.</param>
    /// <param name="owner">A unique id of the caller.</param>
    /// <param name="duration">How long the lease lasts if never released.</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <returns>True when the caller holds the lease and should refresh.</returns>
    ValueTask<bool> TryAcquireRefreshLeaseAsync(string appId, string userId, string owner, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Releases the lease if <paramref name="owner"/> still holds it.</summary>
    /// <param name="appId">The app.</param>
    /// <param name="userId">The user's open_id.</param>
    /// <param name="owner">The id passed when the lease was taken.</param>
    /// <param name="cancellationToken">Cancels the release.</param>
    ValueTask ReleaseRefreshLeaseAsync(string appId, string userId, string owner, CancellationToken cancellationToken);
}
