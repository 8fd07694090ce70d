using System;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Telemetry;

namespace FeishuGen.Events;

/// <summary>The dispatching half: deduplication, the inline deadline and the queue.</summary>
public sealed partial class FeishuEventDispatcher
{
    private async Task<FeishuEventResponse> DispatchAsync(ReadOnlyMemory<byte> json, FeishuEventTransport transport, CancellationToken cancellationToken)
    {
        FeishuEventEnvelope? envelope;
        try
        {
            envelope = FeishuEventEnvelope.Read(json);
        }
        catch (System.Text.Json.JsonException)
        {
            envelope = null;
        }

        if (envelope is null)
        {
            FeishuEventLog.NotAnEvent(_logger);
            return new FeishuEventResponse(400, "{\"error\":\"MalformedBody\"}"u8.ToArray());
        }

        var header = envelope.Header;
        if (!_registrations.TryGetValue(header.EventType, out var registration))
        {
            // Types without a handler are tagged "other": the tag's values stay the app's own types.
            FeishuMetrics.Received("other", TransportName(transport));
            FeishuEventLog.Unhandled(_logger, header.EventType, header.EventId);
            return FeishuEventResponse.Ok;
        }

        FeishuMetrics.Received(header.EventType, TransportName(transport));

        if (registration.IsCallback)
        {
            return await RunInlineAsync(registration, envelope, claimed: false, cancellationToken).ConfigureAwait(false);
        }

        if (_durable is not null)
        {
            return await StoreAsync(header, json, cancellationToken).ConfigureAwait(false);
        }

        if (!await _deduplication.TryClaimAsync(header.EventId, cancellationToken).ConfigureAwait(false))
        {
            FeishuMetrics.Deduplicated(header.EventType);
            FeishuEventLog.Duplicate(_logger, header.EventType, header.EventId);
            return FeishuEventResponse.Ok;
        }

        if (_queue is null)
        {
            return await RunInlineAsync(registration, envelope, claimed: true, cancellationToken).ConfigureAwait(false);
        }

        if (_queue.TryEnqueue(registration, envelope))
        {
            FeishuMetrics.Queued(1);
            return FeishuEventResponse.Ok;
        }

        // Full: forget the claim so that Feishu's next delivery is handled, and say so.
        await _deduplication.ReleaseAsync(header.EventId, CancellationToken.None).ConfigureAwait(false);
        FeishuEventLog.QueueFull(_logger, Options.QueueCapacity, header.EventType, header.EventId);
        return FeishuEventResponse.Busy;
    }

    private async Task<FeishuEventResponse> RunInlineAsync(EventRegistration registration, FeishuEventEnvelope envelope, bool claimed, CancellationToken cancellationToken)
    {
        var header = envelope.Header;
        using var deadline = new CancellationTokenSource(Options.InlineDeadline, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var started = FeishuMetrics.EventsTimed ? _time.GetTimestamp() : 0;
        try
        {
            // The handler gets the deadline as its token; the answer does not wait for a handler that ignores it.
            var run = registration.RunAsync(envelope, linked.Token);
            var reply = await run.WaitAsync(Options.InlineDeadline, _time, cancellationToken).ConfigureAwait(false);
            FeishuMetrics.Handling(header.EventType, "inline", true, Seconds(started));
            return reply is null ? FeishuEventResponse.Ok : new FeishuEventResponse(200, reply) { IsCallbackReply = registration.IsCallback };
        }
        catch (Exception e) when (deadline.IsCancellationRequested || e is TimeoutException)
        {
            deadline.Cancel();
            FeishuMetrics.Handling(header.EventType, "inline", false, Seconds(started));
            await ForgetAsync(claimed, header.EventId).ConfigureAwait(false);
            FeishuEventLog.DeadlineExceeded(_logger, header.EventType, header.EventId, (long)Options.InlineDeadline.TotalMilliseconds);
            return FeishuEventResponse.Failed;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            FeishuMetrics.Handling(header.EventType, "inline", false, Seconds(started));
            await ForgetAsync(claimed, header.EventId).ConfigureAwait(false);
            FeishuEventLog.HandlerFailed(_logger, header.EventType, header.EventId, e);
            return FeishuEventResponse.Failed;
        }
        catch (OperationCanceledException)
        {
            await ForgetAsync(claimed, header.EventId).ConfigureAwait(false);
            throw;
        }
    }

    private async Task ForgetAsync(bool claimed, string eventId)
    {
        if (claimed)
        {
            await _deduplication.ReleaseAsync(eventId, CancellationToken.None).ConfigureAwait(false);
        }
    }

    // Runs a queued event; called by the queue's workers.
    private async Task RunQueuedAsync(EventRegistration registration, FeishuEventEnvelope envelope, CancellationToken stopping)
    {
        FeishuMetrics.Queued(-1);
        var started = FeishuMetrics.EventsTimed ? _time.GetTimestamp() : 0;
        try
        {
            await registration.RunAsync(envelope, stopping).ConfigureAwait(false);
            FeishuMetrics.Handling(envelope.Header.EventType, "queued", true, Seconds(started));
        }
        catch (Exception e)
        {
            FeishuMetrics.Handling(envelope.Header.EventType, "queued", false, Seconds(started));
            FeishuEventLog.QueuedHandlerFailed(_logger, envelope.Header.EventType, envelope.Header.EventId, e);
        }
    }

    // Negative when the clock was not read (nobody listens to the handling time).
    private double Seconds(long started) => started == 0 ? -1 : _time.GetElapsedTime(started).TotalSeconds;

    private static string TransportName(FeishuEventTransport transport) => transport == FeishuEventTransport.Webhook ? "webhook" : "long_connection";
}
