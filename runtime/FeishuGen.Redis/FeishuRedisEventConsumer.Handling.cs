using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Telemetry;
using StackExchange.Redis;

namespace FeishuGen.Redis;

/// <summary>One event's handling (tries, acknowledgement, dead letter) and the claims of events left by dead instances.</summary>
public sealed partial class FeishuRedisEventConsumer
{
    private async Task ProcessAsync(StreamEntry entry, int deliveries)
    {
        var json = entry["json"];
        var eventId = entry["event_id"].ToString();
        var eventType = entry["event_type"].ToString();
        if (json.IsNull)
        {
            // Deleted meanwhile (handled by another instance after a claim race): nothing left to do.
            await Quietly(_stream.AcknowledgeAsync(entry.Id)).ConfigureAwait(false);
            return;
        }

        if (deliveries > _options.MaxDeliveries)
        {
            await DeadLetterAsync(entry, eventType, $"delivered {deliveries} times: every instance handling it stopped before it finished", 0).ConfigureAwait(false);
            return;
        }

        string reason = string.Empty;
        for (var attempt = 1; attempt <= _options.MaxAttempts; attempt++)
        {
            try
            {
                await _dispatcher.HandleStoredAsync((byte[])json!, _stopHandlers.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stopHandlers.IsCancellationRequested)
            {
                return; // Stopped past the drain time: the event stays in the stream.
            }
            catch (FormatException e)
            {
                await DeadLetterAsync(entry, eventType, "FormatException: " + e.Message, attempt).ConfigureAwait(false);
                return;
            }
            catch (Exception e)
            {
                reason = e.GetType().Name + ": " + e.Message;
                RedisLog.HandlerFailed(_logger, eventType, eventId, attempt, _options.MaxAttempts, e);
                if (attempt < _options.MaxAttempts)
                {
                    try
                    {
                        await Task.Delay(Backoff(attempt), _time, _stopHandlers.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }

                continue;
            }

            try
            {
                await _stream.AcknowledgeAsync(entry.Id).ConfigureAwait(false);
                Interlocked.Increment(ref _handled);
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                // Handled but not acknowledged: it is claimed and handled again later (at least once).
                RedisLog.AcknowledgeFailed(_logger, eventType, eventId, e.Message);
            }

            return;
        }

        await DeadLetterAsync(entry, eventType, reason, _options.MaxAttempts).ConfigureAwait(false);
    }

    private TimeSpan Backoff(int attempt)
    {
        var wait = _options.RetryBaseDelay * Math.Pow(2, attempt - 1);
        return wait > _options.RetryMaxDelay ? _options.RetryMaxDelay : wait;
    }

    private async Task DeadLetterAsync(StreamEntry entry, string eventType, string reason, int attempts)
    {
        try
        {
            await _stream.DeadLetterAsync(entry, reason, attempts, _time.GetUtcNow()).ConfigureAwait(false);
            FeishuMetrics.DeadLettered(eventType);
            RedisLog.DeadLettered(_logger, eventType, entry["event_id"].ToString(), attempts, reason);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            RedisLog.AcknowledgeFailed(_logger, eventType, entry["event_id"].ToString(), e.Message);
        }
    }

    // Every ClaimInterval (and at least three times per ClaimIdle): refresh the events in hand, so
    // that a long handler is not taken for a dead one; claim the events other instances left idle
    // for ClaimIdle; report the backlog.
    private async Task ClaimLoopAsync(CancellationToken stopping)
    {
        var every = TimeSpan.FromTicks(Math.Min(_options.ClaimInterval.Ticks, _options.ClaimIdle.Ticks / 3));
        RedisValue cursor = "0-0";
        while (!stopping.IsCancellationRequested)
        {
            await Pause(every, stopping).ConfigureAwait(false);
            if (stopping.IsCancellationRequested)
            {
                break;
            }

            try
            {
                await RefreshInHandAsync().ConfigureAwait(false);
                cursor = await ClaimAsync(cursor, stopping).ConfigureAwait(false);
                FeishuRedisMetrics.Backlog(await _stream.BacklogAsync().ConfigureAwait(false));
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                RedisLog.ReadFailed(_logger, e.Message);
            }
        }
    }

    private async Task RefreshInHandAsync()
    {
        var ids = _inHand.Keys.Select(k => (RedisValue)k).ToArray();
        if (ids.Length > 0)
        {
            await _stream.Database.StreamClaimIdsOnlyAsync(_options.StreamKey, _options.Group, _options.ConsumerName, 0, ids).ConfigureAwait(false);
        }
    }

    private async Task<RedisValue> ClaimAsync(RedisValue cursor, CancellationToken stopping)
    {
        var free = 0;
        while (free < _options.Concurrency && _slots.Wait(0))
        {
            free++;
        }

        if (free == 0)
        {
            return cursor;
        }

        var db = _stream.Database;
        StreamAutoClaimResult claimed;
        try
        {
            claimed = await db.StreamAutoClaimAsync(_options.StreamKey, _options.Group, _options.ConsumerName, (long)_options.ClaimIdle.TotalMilliseconds, cursor, free).ConfigureAwait(false);
        }
        catch
        {
            Release(free);
            throw;
        }

        var entries = claimed.ClaimedEntries ?? Array.Empty<StreamEntry>();
        Release(free - entries.Length);
        if (entries.Length > 0)
        {
            // How many times each was delivered: a poison event that brings down every instance stops somewhere.
            var pending = await db.StreamPendingMessagesAsync(_options.StreamKey, _options.Group, entries.Length, _options.ConsumerName, entries[0].Id, entries[^1].Id).ConfigureAwait(false);
            var deliveries = pending.ToDictionary(p => p.MessageId.ToString(), p => p.DeliveryCount, StringComparer.Ordinal);
            RedisLog.Claimed(_logger, entries.Length);
            foreach (var entry in entries)
            {
                Start(entry, deliveries.TryGetValue(entry.Id.ToString(), out var count) ? count : 2);
            }
        }

        foreach (var deleted in claimed.DeletedIds ?? Array.Empty<RedisValue>())
        {
            await _stream.AcknowledgeAsync(deleted).ConfigureAwait(false);
        }

        return claimed.NextStartId.IsNull ? (RedisValue)"0-0" : claimed.NextStartId;
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // Left for a later claim.
        }
    }
}
