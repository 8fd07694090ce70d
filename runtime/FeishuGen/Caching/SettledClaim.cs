using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Caching.Distributed;

namespace FeishuGen.Caching;

/// <summary>
/// A claim on a key of an <see cref="IDistributedCache"/>, which has no atomic add: the claim is
/// written with the claimant's mark, left to settle, and read back. Of claimants that race, only
/// the last writer's mark survives, so one wins; two winners need one claimant's read and write to
/// straddle another's whole settle time. A key already holding another mark is not claimed.
/// </summary>
internal static class SettledClaim
{
    public static async Task<bool> TryAsync(IDistributedCache cache, string key, string mark, TimeSpan lifetime, TimeSpan settle, TimeProvider time, CancellationToken cancellationToken)
    {
        var holder = await cache.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (holder is not null && Encoding.UTF8.GetString(holder) != mark)
        {
            return false;
        }

        await cache.SetAsync(key, Encoding.UTF8.GetBytes(mark), new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = lifetime }, cancellationToken).ConfigureAwait(false);
        await Task.Delay(settle, time, cancellationToken).ConfigureAwait(false);
        holder = await cache.GetAsync(key, cancellationToken).ConfigureAwait(false);
        return holder is not null && Encoding.UTF8.GetString(holder) == mark;
    }
}
