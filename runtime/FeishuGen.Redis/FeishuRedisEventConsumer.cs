using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Events;
using FeishuGen.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace FeishuGen.Redis;

/// <summary>
/// One instance's consumer of the durable event stream: reads events through the consumer group,
/// runs their handlers (<see cref="FeishuEventDispatcher.HandleStoredAsync"/>), acknowledges an
/// event only when they succeed, retries with doubling waits, dead-letters after the last try,
/// claims the events of instances that stopped answering for them, and on stop lets the events in
/// hand finish within <see cref="FeishuRedisEventStreamOptions.DrainTimeout"/>; the rest stays in
/// the stream for the others or the next start.
/// </summary>
public sealed partial class FeishuRedisEventConsumer : IHostedService, IAsyncDisposable
{
    private readonly FeishuRedisEventStream _stream;
    private readonly FeishuEventDispatcher _dispatcher;
    private readonly FeishuRedisEventStreamOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, Task> _inHand = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopReading = new();
    private readonly CancellationTokenSource _stopHandlers = new();
    private readonly SemaphoreSlim _slots;
    private Task _reading = Task.CompletedTask;
    private Task _claiming = Task.CompletedTask;
    private long _handled;

    /// <summary>Creates the consumer (it starts in <see cref="StartAsync"/>).</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="dispatcher">Runs the handlers.</param>
    /// <param name="logger">Logs failures, dead letters and claims (ids and types, never bodies).</param>
    /// <param name="timeProvider">The clock for retry waits.</param>
    public FeishuRedisEventConsumer(FeishuRedisEventStream stream, FeishuEventDispatcher dispatcher, ILogger<FeishuRedisEventConsumer>? logger = null, TimeProvider? timeProvider = null)
    {
        _stream = stream ?? throw new ArgumentNullException(nameof(stream));
        _dispatcher = dispatcher ?? throw new ArgumentNullException(nameof(dispatcher));
        _options = stream.Options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _slots = new SemaphoreSlim(_options.Concurrency, _options.Concurrency);
    }

    /// <summary>How many events this consumer has handled and acknowledged.</summary>
    public long Handled => Interlocked.Read(ref _handled);

    /// <summary>How many events this consumer has in hand right now.</summary>
    public int InHand => _inHand.Count;

    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Redis may be down at start: the loops wait for it, and the host starts regardless.
        _reading = Task.Run(() => ReadLoopAsync(_stopReading.Token), CancellationToken.None);
        _claiming = Task.Run(() => ClaimLoopAsync(_stopReading.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopReading.IsCancellationRequested)
        {
            return;
        }

        _stopReading.Cancel();
        await Task.WhenAll(_reading, _claiming).ConfigureAwait(false);
        var inHand = Task.WhenAll(_inHand.Values.ToArray());
        var drained = await Task.WhenAny(inHand, Task.Delay(_options.DrainTimeout, _time, cancellationToken)).ConfigureAwait(false) == inHand;
        if (!drained)
        {
            // Past the drain time the handlers are told to stop; their events stay in the stream.
            _stopHandlers.Cancel();
            await Task.WhenAll(_inHand.Values.ToArray()).ConfigureAwait(false);
        }

        RedisLog.Stopped(_logger, _inHand.Count, drained);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _stopReading.Dispose();
        _stopHandlers.Dispose();
    }

    private async Task ReadLoopAsync(CancellationToken stopping)
    {
        var db = _stream.Database;

        // First the events this consumer name had in hand before a restart, then new ones.
        RedisValue position = "0";
        var grouped = false;
        while (!stopping.IsCancellationRequested)
        {
            if (!grouped)
            {
                try
                {
                    await _stream.EnsureGroupAsync().ConfigureAwait(false);
                    grouped = true;
                }
                catch (Exception e) when (e is RedisException or TimeoutException)
                {
                    RedisLog.ReadFailed(_logger, e.Message);
                    await Pause(TimeSpan.FromSeconds(1), stopping).ConfigureAwait(false);
                    continue;
                }
            }

            var free = await TakeSlotsAsync(stopping).ConfigureAwait(false);
            if (free == 0)
            {
                break;
            }

            StreamEntry[] entries;
            try
            {
                entries = await db.StreamReadGroupAsync(_options.StreamKey, _options.Group, _options.ConsumerName, position, free).ConfigureAwait(false);
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                Release(free);
                grouped &= !e.Message.Contains("NOGROUP", StringComparison.Ordinal);
                RedisLog.ReadFailed(_logger, e.Message);
                await Pause(TimeSpan.FromSeconds(1), stopping).ConfigureAwait(false);
                continue;
            }

            Release(free - entries.Length);
            if (entries.Length == 0)
            {
                if (position == "0")
                {
                    position = StreamPosition.NewMessages;
                    continue;
                }

                await Pause(_options.PollInterval, stopping).ConfigureAwait(false);
                continue;
            }

            foreach (var entry in entries)
            {
                Start(entry, deliveries: 1);
            }
        }
    }

    // Takes one slot (waiting), then as many more as are free, up to the concurrency.
    private async Task<int> TakeSlotsAsync(CancellationToken stopping)
    {
        try
        {
            await _slots.WaitAsync(stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return 0;
        }

        var taken = 1;
        while (taken < _options.Concurrency && _slots.Wait(0))
        {
            taken++;
        }

        return taken;
    }

    private void Start(StreamEntry entry, int deliveries)
    {
        var id = entry.Id.ToString();
        var task = Task.Run(async () =>
        {
            try
            {
                await ProcessAsync(entry, deliveries).ConfigureAwait(false);
            }
            finally
            {
                _inHand.TryRemove(id, out _);
                _slots.Release();
            }
        });
        _inHand[id] = task;
    }

    private void Release(int slots)
    {
        if (slots > 0)
        {
            _slots.Release(slots);
        }
    }

    private static async Task Pause(TimeSpan wait, CancellationToken stopping)
    {
        try
        {
            await Task.Delay(wait, stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
