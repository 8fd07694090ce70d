using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace FeishuGen.Bots;

/// <summary>
/// A rate gate that holds however late the calls arrive: a call takes a slot when it starts and
/// gives it back one window after it finished. At most <c>limit</c> slots are taken at once, so at
/// most <c>limit</c> calls can arrive at the server within any window, whatever the network or a busy
/// machine does to them on the way (a call arrives after it started and before it finished).
/// Callers are served in the order they came. On the injected clock, so tests can use fake time.
/// </summary>
internal sealed class RateGate
{
    private readonly int _limit;
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;
    private readonly List<Lease> _slots = new();
    private readonly SemaphoreSlim _turn = new(1, 1);
    private TaskCompletionSource _freed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public RateGate(int limit, TimeSpan window, TimeProvider time)
    {
        _limit = limit;
        _window = window;
        _time = time;
    }

    /// <summary>How many times a caller had to wait (for figures).</summary>
    public long Waits { get; private set; }

    /// <summary>Waits for a slot; dispose the lease when the call has finished.</summary>
    public async Task<IDisposable> WaitAsync(CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                Task freed;
                DateTimeOffset? earliest = null;
                lock (_slots)
                {
                    var now = _time.GetUtcNow();
                    _slots.RemoveAll(s => s.FinishedAt is { } f && now - f >= _window);
                    if (_slots.Count < _limit)
                    {
                        var lease = new Lease(this);
                        _slots.Add(lease);
                        return lease;
                    }

                    foreach (var slot in _slots)
                    {
                        if (slot.FinishedAt is { } f && (earliest is null || f < earliest))
                        {
                            earliest = f;
                        }
                    }

                    freed = _freed.Task;
                }

                Waits++;
                if (earliest is { } first)
                {
                    var delay = first + _window - _time.GetUtcNow();
                    await Task.WhenAny(freed, Task.Delay(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, _time, cancellationToken)).ConfigureAwait(false);
                }
                else
                {
                    await freed.WaitAsync(cancellationToken).ConfigureAwait(false);
                }

                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        finally
        {
            _turn.Release();
        }
    }

    private void Finish(Lease lease)
    {
        TaskCompletionSource freed;
        lock (_slots)
        {
            lease.FinishedAt = _time.GetUtcNow();
            freed = _freed;
            _freed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        freed.TrySetResult();
    }

    private sealed class Lease(RateGate gate) : IDisposable
    {
        public DateTimeOffset? FinishedAt { get; set; }

        public void Dispose()
        {
            if (FinishedAt is null)
            {
                gate.Finish(this);
            }
        }
    }
}
