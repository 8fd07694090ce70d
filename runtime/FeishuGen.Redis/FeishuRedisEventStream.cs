using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Events;
using StackExchange.Redis;

namespace FeishuGen.Redis;

/// <summary>
/// Feishu events kept in a Redis Stream until their handlers succeed (the
/// <see cref="FeishuEventHandlingMode.Durable"/> mode). The dispatcher appends each event before
/// Feishu gets its answer, refusing repeats of a stored event id; the
/// <see cref="FeishuRedisEventConsumer"/> of every instance handles them through one consumer
/// group. Events that failed every try wait in the dead-letter stream, to be read and replayed.
/// </summary>
public sealed class FeishuRedisEventStream : IFeishuDurableEventQueue
{
    private readonly IConnectionMultiplexer _redis;

    /// <summary>Creates the stream over a connection.</summary>
    /// <param name="redis">The connection (StackExchange.Redis).</param>
    /// <param name="options">Keys, group and limits.</param>
    public FeishuRedisEventStream(IConnectionMultiplexer redis, FeishuRedisEventStreamOptions? options = null)
    {
        _redis = redis ?? throw new ArgumentNullException(nameof(redis));
        Options = options ?? new FeishuRedisEventStreamOptions();
        Options.Validate();
    }

    /// <summary>The options in use.</summary>
    public FeishuRedisEventStreamOptions Options { get; }

    internal IDatabase Database => _redis.GetDatabase();

    /// <inheritdoc/>
    public async ValueTask<bool> AppendAsync(FeishuEventHeader header, ReadOnlyMemory<byte> json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(header);
        var result = await Database.ScriptEvaluateAsync(
            RedisScripts.Append,
            new RedisKey[] { Options.StreamKey, Options.SeenKey(header.EventId) },
            new RedisValue[] { (long)Options.DeduplicationWindow.TotalSeconds, header.EventId, header.EventType, json }).ConfigureAwait(false);
        return !result.IsNull;
    }

    /// <summary>How many events wait in the stream, handled by no one yet or in hand (handled ones are deleted).</summary>
    public async Task<long> BacklogAsync() => await Database.StreamLengthAsync(Options.StreamKey).ConfigureAwait(false);

    /// <summary>Reads the dead letters, oldest first.</summary>
    /// <param name="count">At most this many.</param>
    public async Task<IReadOnlyList<FeishuDeadLetter>> ReadDeadLettersAsync(int count = 100)
    {
        var entries = await Database.StreamRangeAsync(Options.DeadLetterKey, "-", "+", count).ConfigureAwait(false);
        var letters = new List<FeishuDeadLetter>(entries.Length);
        foreach (var entry in entries)
        {
            letters.Add(new FeishuDeadLetter(
                entry.Id.ToString(),
                entry["event_id"].ToString(),
                entry["event_type"].ToString(),
                entry["reason"].ToString(),
                (int)entry["attempts"],
                DateTimeOffset.FromUnixTimeMilliseconds((long)entry["failed_at"]),
                Encoding.UTF8.GetString((byte[])entry["json"]!)));
        }

        return letters;
    }

    /// <summary>
    /// Puts dead letters back in the stream (after a fix), each moved in one atomic step: the
    /// consumers handle them again, with fresh tries.
    /// </summary>
    /// <param name="ids">The dead-letter ids to replay; every one (up to 10,000) when null.</param>
    /// <returns>How many were replayed.</returns>
    public async Task<int> ReplayDeadLettersAsync(IEnumerable<string>? ids = null)
    {
        var chosen = new List<string>();
        if (ids is null)
        {
            foreach (var letter in await ReadDeadLettersAsync(10_000).ConfigureAwait(false))
            {
                chosen.Add(letter.Id);
            }
        }
        else
        {
            chosen.AddRange(ids);
        }

        var replayed = 0;
        foreach (var id in chosen)
        {
            var moved = await Database.ScriptEvaluateAsync(RedisScripts.Replay, new RedisKey[] { Options.DeadLetterKey, Options.StreamKey }, new RedisValue[] { id }).ConfigureAwait(false);
            if (!moved.IsNull && (long)moved > 0)
            {
                replayed++;
            }
        }

        return replayed;
    }

    internal async Task EnsureGroupAsync()
    {
        try
        {
            // From the beginning: events stored before the group existed are handled too.
            await Database.StreamCreateConsumerGroupAsync(Options.StreamKey, Options.Group, StreamPosition.Beginning, createStream: true).ConfigureAwait(false);
        }
        catch (RedisServerException e) when (e.Message.Contains("BUSYGROUP", StringComparison.Ordinal))
        {
            // Another instance made it.
        }
    }

    internal Task AcknowledgeAsync(RedisValue entryId)
        => Database.ScriptEvaluateAsync(RedisScripts.Acknowledge, new RedisKey[] { Options.StreamKey }, new RedisValue[] { Options.Group, entryId });

    internal Task DeadLetterAsync(StreamEntry entry, string reason, int attempts, DateTimeOffset at)
        => Database.ScriptEvaluateAsync(
            RedisScripts.DeadLetter,
            new RedisKey[] { Options.StreamKey, Options.DeadLetterKey },
            new RedisValue[] { Options.Group, entry.Id, entry["event_id"], entry["event_type"], entry["json"], reason, attempts, at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) });
}
