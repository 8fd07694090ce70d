using System;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace FeishuGen.Events;

public sealed partial class FeishuEventDispatcher
{
    /// <summary>
    /// The bounded queue of acknowledged events and the workers that handle them. A full queue
    /// refuses (the event is answered 503 and delivered again), so nothing is dropped unseen.
    /// </summary>
    private sealed class EventQueue
    {
        private readonly Channel<(EventRegistration Registration, FeishuEventEnvelope Envelope)> _channel;
        private readonly CancellationTokenSource _stopping = new();
        private readonly Task[] _workers;

        public EventQueue(int capacity, int concurrency, FeishuEventDispatcher owner)
        {
            _channel = Channel.CreateBounded<(EventRegistration, FeishuEventEnvelope)>(new BoundedChannelOptions(capacity)
            {
                FullMode = BoundedChannelFullMode.Wait,
                SingleWriter = false,
                SingleReader = concurrency == 1,
            });
            _workers = new Task[concurrency];
            for (var i = 0; i < concurrency; i++)
            {
                _workers[i] = Task.Run(async () =>
                {
                    while (await _channel.Reader.WaitToReadAsync().ConfigureAwait(false))
                    {
                        while (_channel.Reader.TryRead(out var item))
                        {
                            await owner.RunQueuedAsync(item.Item1, item.Item2, _stopping.Token).ConfigureAwait(false);
                        }
                    }
                });
            }
        }

        public bool TryEnqueue(EventRegistration registration, FeishuEventEnvelope envelope) => _channel.Writer.TryWrite((registration, envelope));

        public async Task StopAsync(TimeSpan drain)
        {
            if (!_channel.Writer.TryComplete())
            {
                return;
            }

            var all = Task.WhenAll(_workers);
            if (await Task.WhenAny(all, Task.Delay(drain)).ConfigureAwait(false) != all)
            {
                // Past the drain time the handlers still running are told to stop.
                _stopping.Cancel();
                await all.ConfigureAwait(false);
            }
        }
    }
}
