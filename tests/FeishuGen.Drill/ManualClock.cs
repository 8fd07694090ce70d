using System;

namespace FeishuGen.Drill;

/// <summary>A clock the drill moves by hand, to cross a token's expiry without waiting two hours. Timers still run in real time.</summary>
internal sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow()
    {
        lock (this)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (this)
        {
            _now += by;
        }
    }
}
