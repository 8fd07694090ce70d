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
/// straddle another's whole settle time, which is at least twice that claimant's own read and write.
/// A key already holding another mark is not claimed.
/// </summary>
internal static class SettledClaim
{
    public static async Task<bool> TryAsync(IDistributedCache cache, string key, string mark, TimeSpan lifetime, TimeSpan settle, TimeProvider time, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var holder = await cache.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (holder is not null && Encoding.UTF8.GetString(holder) != mark)
        {
            return false;
        }

        await cache.SetAsync(key, Encoding.UTF8.GetBytes(mark), new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = lifetime }, cancellationToken).ConfigureAwait(false);

        // A claimant slow between its read and its write (a cold process, a loaded machine) is when a
        // rival may be just as slow: wait at least twice what this claimant's own read and write took.
        var own = time.GetElapsedTime(started);
        await Task.Delay(own + own > settle ? own + own : settle, time, cancellationToken).ConfigureAwait(false);
        holder = await cache.GetAsync(key, cancellationToken).ConfigureAwait(false);
        return holder is not null && Encoding.UTF8.GetString(holder) == mark;
    }
}
