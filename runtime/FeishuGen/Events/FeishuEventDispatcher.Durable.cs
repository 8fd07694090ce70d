using System;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Telemetry;

namespace FeishuGen.Events;

/// <summary>The durable half: store before the answer, handle from the store.</summary>
public sealed partial class FeishuEventDispatcher
{
    /// <summary>
    /// Runs the handlers of an event that a durable queue stored earlier (<see cref="FeishuEventHandlingMode.Durable"/>).
    /// The queue calls this from its consumers and acknowledges the event in the store only when
    /// it returns; when it throws, the queue retries and, after its last try, dead-letters the event.
    /// </summary>
    /// <param name="json">The event as stored.</param>
    /// <param name="cancellationToken">Cancels the handlers (the queue stopping).</param>
    /// <returns>A task that completes when every handler has succeeded (at once when the type has none).</returns>
    /// <exception cref="FormatException">The stored JSON is not an event: retrying cannot help.</exception>
    public async Task HandleStoredAsync(ReadOnlyMemory<byte> json, CancellationToken cancellationToken = default)
    {
        var envelope = FeishuEventEnvelope.Read(json) ?? throw new FormatException("The stored event has no id or type.");
        if (!_registrations.TryGetValue(envelope.Header.EventType, out var registration))
        {
            // A handler removed since the event was stored: nothing to run, and nothing to keep.
            FeishuEventLog.Unhandled(_logger, envelope.Header.EventType, envelope.Header.EventId);
            return;
        }

        var started = FeishuMetrics.EventsTimed ? _time.GetTimestamp() : 0;
        try
        {
            await registration.RunAsync(envelope, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception)
        {
            FeishuMetrics.Handling(envelope.Header.EventType, "durable", false, Seconds(started));
            throw;
        }

        FeishuMetrics.Handling(envelope.Header.EventType, "durable", true, Seconds(started));
    }

    // Stored first, answered second: a 200 means the event is in the store.
    private async Task<FeishuEventResponse> StoreAsync(FeishuEventHeader header, ReadOnlyMemory<byte> json, CancellationToken cancellationToken)
    {
        bool stored;
        try
        {
            stored = await _durable!.AppendAsync(header, json, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            FeishuEventLog.StoreFailed(_logger, header.EventType, header.EventId, e);
            return FeishuEventResponse.NotStored;
        }

        if (!stored)
        {
            FeishuMetrics.Deduplicated(header.EventType);
            FeishuEventLog.Duplicate(_logger, header.EventType, header.EventId);
        }

        return FeishuEventResponse.Ok;
    }
}
