using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace FeishuGen.Bots;

/// <summary>
/// One lane per chat: messages of a chat run one at a time, in the order they were admitted; other
/// chats run in parallel, at most <c>maxConcurrentChats</c> at once. A lane holds at most
/// <c>maxPending</c> messages: past that, admission is refused (the event fails and Feishu delivers it
/// again later) rather than letting one busy chat grow without bound.
/// </summary>
internal sealed class ChatLanes
{
    private readonly Dictionary<string, Lane> _lanes = new(StringComparer.Ordinal);
    private readonly int _maxPending;
    private readonly SemaphoreSlim _concurrency;

    public ChatLanes(int maxPending, int maxConcurrentChats)
    {
        _maxPending = maxPending;
        _concurrency = new SemaphoreSlim(maxConcurrentChats, maxConcurrentChats);
    }

    /// <summary>Puts <paramref name="work"/> in the chat's lane; the task completes when the work has run.</summary>
    /// <exception cref="BotBusyException">The chat has too many messages waiting.</exception>
    public Task Admit(string chatId, Func<Task> work)
    {
        var item = new Work(work);
        bool start;
        lock (_lanes)
        {
            if (!_lanes.TryGetValue(chatId, out var lane))
            {
                lane = new Lane();
                _lanes[chatId] = lane;
            }

            if (lane.Queue.Count >= _maxPending)
            {
                throw new BotBusyException(chatId, _maxPending);
            }

            lane.Queue.Enqueue(item);
            start = !lane.Running;
            lane.Running = true;
        }

        if (start)
        {
            _ = Task.Run(() => DrainAsync(chatId));
        }

        return item.Done.Task;
    }

    private async Task DrainAsync(string chatId)
    {
        await _concurrency.WaitAsync().ConfigureAwait(false);
        try
        {
            while (true)
            {
                Work next;
                lock (_lanes)
                {
                    var lane = _lanes[chatId];
                    if (lane.Queue.Count == 0)
                    {
                        // An empty lane is removed in the same lock that would add to it: no message is stranded.
                        lane.Running = false;
                        _lanes.Remove(chatId);
                        return;
                    }

                    next = lane.Queue.Dequeue();
                }

                try
                {
                    await next.Run().ConfigureAwait(false);
                    next.Done.TrySetResult();
                }
                catch (Exception e)
                {
                    next.Done.TrySetException(e);
                }
            }
        }
        finally
        {
            _concurrency.Release();
        }
    }

    private sealed class Lane
    {
        public Queue<Work> Queue { get; } = new();

        public bool Running { get; set; }
    }

    private sealed class Work(Func<Task> run)
    {
        public Func<Task> Run { get; } = run;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>A chat has more messages waiting than <see cref="FeishuBotOptions.MaxPendingPerChat"/>: the event is refused so that Feishu delivers it again later.</summary>
public sealed class BotBusyException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="chatId">The chat.</param>
    /// <param name="limit">The limit.</param>
    public BotBusyException(string chatId, int limit)
        : base($"The chat {chatId} already has {limit} messages waiting (FeishuBotOptions.MaxPendingPerChat); this one is refused so that Feishu delivers it again later.")
    {
        ChatId = chatId;
    }

    /// <summary>The busy chat.</summary>
    public string ChatId { get; }
}
