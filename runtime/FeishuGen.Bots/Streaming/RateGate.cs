using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace FeishuGen.Bots;

/// <summary>
/// A sliding-window rate gate: at most <c>limit</c> passes in any window, callers served in the order
/// they came (one per card, and one for the whole app shared by every stream). On the injected clock,
/// so tests can run it on fake time.
/// </summary>
internal sealed class RateGate
{
    private readonly int _limit;
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;
    private readonly Queue<DateTimeOffset> _passes = new();
    private readonly SemaphoreSlim _turn = new(1, 1);

    public RateGate(int limit, TimeSpan window, TimeProvider time)
    {
        _limit = limit;
        _window = window;
        _time = time;
    }

    /// <summary>How many waited so far (for tests and figures).</summary>
    public long Waits { get; private set; }

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                var now = _time.GetUtcNow();
                while (_passes.Count > 0 && now - _passes.Peek() >= _window)
                {
                    _passes.Dequeue();
                }

                if (_passes.Count < _limit)
                {
                    _passes.Enqueue(now);
                    return;
                }

                Waits++;
                await Task.Delay(_passes.Peek() + _window - now, _time, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _turn.Release();
        }
    }
}
