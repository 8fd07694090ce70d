using System;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Caching;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeishuGen;

/// <summary>
/// Keeps users' tokens in any <see cref="IDistributedCache"/> (Redis: <c>AddStackExchangeRedisCache</c>),
/// so every instance of an app serves every signed-in user. Entries are encrypted with ASP.NET Core
/// Data Protection, and keys are a digest of app and user: without the app's key ring, nothing in
/// the cache is readable, not the tokens, not even whose they are. Give every instance the same key
/// ring (<c>services.AddDataProtection().PersistKeysTo…</c>) or they cannot read each other's entries.
/// The refresh lease is a settled claim on the cache, as for the app's own tokens.
/// </summary>
public sealed class DistributedFeishuUserTokenStore : IFeishuUserTokenStore
{
    /// <summary>The Data Protection purpose entries are protected under.</summary>
    public const string ProtectionPurpose = "FeishuGen.UserTokens.v1";

    private readonly IDistributedCache _cache;
    private readonly IDataProtector _protector;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the store.</summary>
    /// <param name="cache">The shared cache.</param>
    /// <param name="dataProtection">The app's Data Protection (the same key ring on every instance).</param>
    /// <param name="timeProvider">The clock; the system clock when null.</param>
    /// <param name="logger">Logs entries that cannot be read (never a token).</param>
    public DistributedFeishuUserTokenStore(IDistributedCache cache, IDataProtectionProvider dataProtection, TimeProvider? timeProvider = null, ILogger<DistributedFeishuUserTokenStore>? logger = null)
    {
        _cache = cache ?? throw new ArgumentNullException(nameof(cache));
        ArgumentNullException.ThrowIfNull(dataProtection);
        _protector = dataProtection.CreateProtector(ProtectionPurpose);
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Prefixed to every key in the cache.</summary>
    public string KeyPrefix { get; init; } = "feishugen:user:";

    /// <summary>How long a written lease settles before it is read back (50 ms, or twice the claimant's own read and write when longer).</summary>
    public TimeSpan LeaseSettleTime { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <inheritdoc/>
    public async ValueTask<FeishuUserTokens?> GetAsync(string appId, string userId, CancellationToken cancellationToken)
    {
        var bytes = await _cache.GetAsync(Key(appId, userId), cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return null;
        }

        try
        {
            return UserTokenCodec.Decode(_protector.Unprotect(bytes));
        }
        catch (CryptographicException e)
        {
            // Another key ring wrote it (an instance set up without the shared keys), or it was tampered with.
            SignInLog.UserTokensUnreadable(_logger, e.Message);
            return null;
        }
    }

    /// <inheritdoc/>
    public async ValueTask SetAsync(string appId, string userId, FeishuUserTokens tokens, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokens);

        // Kept while it can still be used: till the refresh token expires, else the access token.
        var entry = new DistributedCacheEntryOptions { AbsoluteExpiration = tokens.RefreshTokenExpiresAt ?? (tokens.CanRefresh ? null : tokens.ExpiresAt) };
        if (entry.AbsoluteExpiration <= _time.GetUtcNow())
        {
            await RemoveAsync(appId, userId, cancellationToken).ConfigureAwait(false);
            return;
        }

        await _cache.SetAsync(Key(appId, userId), _protector.Protect(UserTokenCodec.Encode(tokens)), entry, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask RemoveAsync(string appId, string userId, CancellationToken cancellationToken)
        => await _cache.RemoveAsync(Key(appId, userId), cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public async ValueTask<bool> TryAcquireRefreshLeaseAsync(string appId, string userId, string owner, TimeSpan duration, CancellationToken cancellationToken)
        => await SettledClaim.TryAsync(_cache, Key(appId, userId) + ":lease", owner, duration, LeaseSettleTime, _time, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public async ValueTask ReleaseRefreshLeaseAsync(string appId, string userId, string owner, CancellationToken cancellationToken)
    {
        var leaseKey = Key(appId, userId) + ":lease";
        var holder = await _cache.GetAsync(leaseKey, cancellationToken).ConfigureAwait(false);
        if (holder is not null && Encoding.UTF8.GetString(holder) == owner)
        {
            await _cache.RemoveAsync(leaseKey, cancellationToken).ConfigureAwait(false);
        }
    }

    // A digest, so that the cache's key list names no app and no user.
    private string Key(string appId, string userId)
    {
        ArgumentException.ThrowIfNullOrEmpty(appId);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(appId + "\n" + userId));
        return KeyPrefix + Convert.ToHexString(hash, 0, 16);
    }
}
