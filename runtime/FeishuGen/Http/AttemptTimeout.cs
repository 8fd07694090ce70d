using System;
using System.Threading;

namespace FeishuGen.Http;

/// <summary>
/// The cancellation of one attempt: the caller's token, plus a time limit measured on the
/// client's <see cref="TimeProvider"/> (so tests can move time instead of waiting for it). A struct;
/// on the system clock with a caller token that cannot cancel (the common call), the token source
/// and its timer come from a per-thread cache and go back to it when they did not fire, so an
/// attempt allocates no timeout at all.
/// </summary>
internal readonly struct AttemptTimeout : IDisposable
{
    [ThreadStatic]
    private static CancellationTokenSource? t_cached;

    private readonly CancellationTokenSource _linked;
    private readonly CancellationTokenSource? _timer;
    private readonly bool _reusable;

    private AttemptTimeout(CancellationTokenSource linked, CancellationTokenSource? timer, bool reusable = false)
    {
        _linked = linked;
        _timer = timer;
        _reusable = reusable;
    }

    public CancellationToken Token => _linked.Token;

    public static AttemptTimeout Start(TimeSpan limit, TimeProvider time, CancellationToken outer)
    {
        if (limit == Timeout.InfiniteTimeSpan)
        {
            return new AttemptTimeout(CancellationTokenSource.CreateLinkedTokenSource(outer), null);
        }

        if (time == TimeProvider.System)
        {
            if (outer.CanBeCanceled)
            {
                var linked = CancellationTokenSource.CreateLinkedTokenSource(outer);
                linked.CancelAfter(limit);
                return new AttemptTimeout(linked, null);
            }

            // A caller token that can never cancel needs no link: one cached source with a timer.
            var source = t_cached ?? new CancellationTokenSource();
            t_cached = null;
            source.CancelAfter(limit);
            return new AttemptTimeout(source, null, reusable: true);
        }

        var timer = new CancellationTokenSource(limit, time);
        return new AttemptTimeout(CancellationTokenSource.CreateLinkedTokenSource(outer, timer.Token), timer);
    }

    public void Dispose()
    {
        // TryReset stops the timer and fails once the source has cancelled: a fired source is never reused.
        if (_reusable && _linked.TryReset())
        {
            t_cached = _linked;
        }
        else
        {
            _linked.Dispose();
        }

        _timer?.Dispose();
    }
}
