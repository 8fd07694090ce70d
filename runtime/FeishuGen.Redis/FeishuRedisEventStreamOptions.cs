using System;

namespace FeishuGen.Redis;

/// <summary>How the durable event stream is laid out in Redis and how its consumers behave.</summary>
public sealed class FeishuRedisEventStreamOptions
{
    /// <summary>
    /// Prefixed to every key ("feishugen:{events}" by default; the braces are a cluster hash tag, so
    /// the stream, its dead letters and its markers live on one node). Give each app its own.
    /// </summary>
    public string KeyPrefix { get; set; } = "feishugen:{events}";

    /// <summary>The consumer group every instance of the app joins ("feishugen").</summary>
    public string Group { get; set; } = "feishugen";

    /// <summary>
    /// This instance's name in the group. A stable name (a pod or host name) lets a restarted
    /// instance take up its own unfinished events at once; the default (host name and a random
    /// suffix) leaves them to be claimed after <see cref="ClaimIdle"/>.
    /// </summary>
    public string ConsumerName { get; set; } = Environment.MachineName + "-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>How many events this instance handles at once (8).</summary>
    public int Concurrency { get; set; } = 8;

    /// <summary>How many tries one delivery of an event gets before it is dead-lettered (5).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait before the second try; each later wait doubles, up to <see cref="RetryMaxDelay"/> (1 s).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between tries (30 s).</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long an event may sit with an instance that stopped answering for it before another
    /// instance claims it (30 s). Instances refresh the events they are handling, so a long
    /// handler is not mistaken for a dead one.
    /// </summary>
    public TimeSpan ClaimIdle { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often an instance looks for events to claim from dead instances (5 s).</summary>
    public TimeSpan ClaimInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many deliveries (this one and claims after instances died) an event gets before it is dead-lettered as a poison event (5).</summary>
    public int MaxDeliveries { get; set; } = 5;

    /// <summary>The wait before reading again when the stream was empty (50 ms).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How long a stop lets events in hand finish before cancelling them; what is left stays in the stream (10 s).</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an event id is remembered to refuse Feishu's repeats (7 hours, past Feishu's last retry at 6 h).</summary>
    public TimeSpan DeduplicationWindow { get; set; } = TimeSpan.FromHours(7);

    internal string StreamKey => KeyPrefix + ":stream";

    internal string DeadLetterKey => KeyPrefix + ":dead";

    internal string SeenKey(string eventId) => KeyPrefix + ":seen:" + eventId;

    internal void Validate()
    {
        Require(!string.IsNullOrWhiteSpace(KeyPrefix) && !string.IsNullOrWhiteSpace(Group) && !string.IsNullOrWhiteSpace(ConsumerName), "KeyPrefix, Group and ConsumerName must be set.");
        Require(Concurrency > 0 && MaxAttempts > 0 && MaxDeliveries > 0, "Concurrency, MaxAttempts and MaxDeliveries must be positive.");
        Require(RetryBaseDelay >= TimeSpan.Zero && RetryMaxDelay >= RetryBaseDelay, "RetryBaseDelay must be at most RetryMaxDelay.");
        Require(ClaimIdle > TimeSpan.Zero && ClaimInterval > TimeSpan.Zero && PollInterval > TimeSpan.Zero && DrainTimeout >= TimeSpan.Zero, "ClaimIdle, ClaimInterval and PollInterval must be positive.");
        Require(DeduplicationWindow > TimeSpan.Zero, "DeduplicationWindow must be positive.");
    }

    private static void Require(bool condition, string rule)
    {
        if (!condition)
        {
            throw new FeishuConfigurationException(rule + " (FeishuRedisEventStreamOptions)");
        }
    }
}
