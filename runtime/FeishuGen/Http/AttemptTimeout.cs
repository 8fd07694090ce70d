using System;
using System.Threading;

namespace FeishuGen.Http;

/// <summary>
/// The cancellation of one attempt: the caller's token, plus a time limit measured on the
/// client's <see cref="TimeProvider"/> (so tests can move time instead of waiting for it).
/// </summary>
internal sealed class AttemptTimeout : IDisposable
{
    private readonly CancellationTokenSource _linked;
    private readonly CancellationTokenSource? _timer;

    private AttemptTimeout(CancellationTokenSource linked, CancellationTokenSource? timer)
    {
        _linked = linked;
        _timer = timer;
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
            // A caller token that can never cancel needs no link: one source with a timer.
            var linked = outer.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(outer) : new CancellationTokenSource();
            linked.CancelAfter(limit);
            return new AttemptTimeout(linked, null);
        }

        var timer = new CancellationTokenSource(limit, time);
        return new AttemptTimeout(CancellationTokenSource.CreateLinkedTokenSource(outer, timer.Token), timer);
    }

    public void Dispose()
    {
        _linked.Dispose();
        _timer?.Dispose();
    }
}
