using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Caching.Distributed;

namespace FeishuGen.Events;

/// <summary>
/// Remembers which events were handled. Feishu delivers at least once and pushes a failed event
/// again after 15 s, 5 min, 1 h and 6 h, so an event id is remembered for <see cref="Window"/>
/// (7 hours by default) and a repeat is acknowledged without running handlers again.
/// </summary>
public interface IFeishuEventDeduplication
{
    /// <summary>How long a handled event id is remembered.</summary>
    TimeSpan Window { get; }

    /// <summary>Claims <paramref name="eventId"/> for this delivery: true the first time, false for a repeat.</summary>
    /// <param name="eventId">The event's id (schema 2.0 event_id, 1.0 uuid).</param>
    /// <param name="cancellationToken">Cancels the claim.</param>
    ValueTask<bool> TryClaimAsync(string eventId, CancellationToken cancellationToken);

    /// <summary>Forgets a claim whose handling failed, so that Feishu's next delivery of the event runs the handlers again.</summary>
    /// <param name="eventId">The event's id.</param>
    /// <param name="cancellationToken">Cancels the release.</param>
    ValueTask ReleaseAsync(string eventId, CancellationToken cancellationToken);
}

/// <summary>Deduplication in this process: enough for one instance.</summary>
public sealed class InMemoryFeishuEventDeduplication : IFeishuEventDeduplication
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private int _claims;

    /// <summary>Creates the store.</summary>
    /// <param name="window">How long ids are remembered; 7 hours when null.</param>
    /// <param name="timeProvider">The clock; the system clock when null.</param>
    public InMemoryFeishuEventDeduplication(TimeSpan? window = null, TimeProvider? timeProvider = null)
    {
        Window = window ?? TimeSpan.FromHours(7);
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc/>
    public TimeSpan Window { get; }

    /// <inheritdoc/>
    public ValueTask<bool> TryClaimAsync(string eventId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        var now = _time.GetUtcNow();
        if (Interlocked.Increment(ref _claims) % 1024 == 0)
        {
            foreach (var entry in _seen)
            {
                if (now - entry.Value > Window)
                {
                    _seen.TryRemove(entry);
                }
            }
        }

        // First delivery, or a delivery so late that the earlier one has been forgotten.
        var claimed = _seen.TryAdd(eventId, now)
            || (_seen.TryGetValue(eventId, out var at) && now - at > Window && _seen.TryUpdate(eventId, now, at));
        return new ValueTask<bool>(claimed);
    }

    /// <inheritdoc/>
    public ValueTask ReleaseAsync(string eventId, CancellationToken cancellationToken)
    {
        _seen.TryRemove(eventId, out _);
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// Deduplication shared by every instance of an app through an <see cref="IDistributedCache"/>
/// (Redis): an event delivered to one instance and retried to another is handled once, by a
/// settled claim on its id (see SettledClaim). When the shared cache
/// fails, this instance's own memory decides, so events are still handled (at least once).
/// </summary>
public sealed class DistributedFeishuEventDeduplication : IFeishuEventDeduplication
{
    private readonly IDistributedCache _shared;
    private readonly InMemoryFeishuEventDeduplication _local;
    private readonly TimeProvider _time;

    /// <summary>Creates the store.</summary>
    /// <param name="shared">The shared cache.</param>
    /// <param name="window">How long ids are remembered; 7 hours when null.</param>
    /// <param name="timeProvider">The clock; the system clock when null.</param>
    public DistributedFeishuEventDeduplication(IDistributedCache shared, TimeSpan? window = null, TimeProvider? timeProvider = null)
    {
        _shared = shared ?? throw new ArgumentNullException(nameof(shared));
        _time = timeProvider ?? TimeProvider.System;
        _local = new InMemoryFeishuEventDeduplication(window, _time);
    }

    /// <summary>Prefixed to every key in the shared cache.</summary>
    public string KeyPrefix { get; init; } = "feishugen:event:";

    /// <summary>How long a claim settles before it is read back (50 ms, or twice the claimant's own read and write when longer): longer than the gap between one instance's read and write.</summary>
    public TimeSpan SettleTime { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The longest wait for the shared cache before this instance decides alone (1 s).</summary>
    public TimeSpan OperationTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <inheritdoc/>
    public TimeSpan Window => _local.Window;

    /// <inheritdoc/>
    public async ValueTask<bool> TryClaimAsync(string eventId, CancellationToken cancellationToken)
    {
        if (!await _local.TryClaimAsync(eventId, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        try
        {
            var claim = Caching.SettledClaim.TryAsync(_shared, KeyPrefix + eventId, Guid.NewGuid().ToString("N"), Window, SettleTime, _time, cancellationToken);
            return await claim.WaitAsync(OperationTimeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return true;
        }
    }

    /// <inheritdoc/>
    public async ValueTask ReleaseAsync(string eventId, CancellationToken cancellationToken)
    {
        await _local.ReleaseAsync(eventId, cancellationToken).ConfigureAwait(false);
        try
        {
            await _shared.RemoveAsync(KeyPrefix + eventId, cancellationToken).WaitAsync(OperationTimeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The shared claim expires on its own; a retry landing on another instance meanwhile is acknowledged as a repeat.
        }
    }
}
