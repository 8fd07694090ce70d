using System;

namespace FeishuGen.Events;

/// <summary>When handlers run, relative to the answer Feishu waits for (3 s).</summary>
public enum FeishuEventHandlingMode
{
    /// <summary>
    /// Handlers run before the answer, under <see cref="FeishuEventOptions.InlineDeadline"/>: a
    /// handler that fails or runs out of time is cancelled and answered 500, so Feishu delivers the
    /// event again.
    /// </summary>
    Inline,

    /// <summary>
    /// The event is acknowledged at once and handled from a bounded background queue in this
    /// process's memory; when the queue is full the event is answered 503, so Feishu delivers it
    /// again later. Card callbacks, whose reply is the handler's result, always run inline.
    /// <b>A crash, a kill or a deploy loses every event still in the queue</b>: Feishu was told 200
    /// and does not send them again, and a queued handler that fails is only logged. Use
    /// <see cref="Durable"/> where that matters.
    /// </summary>
    Queued,

    /// <summary>
    /// The event is stored in a durable queue (FeishuGen.Redis's stream) before Feishu gets its 200
    /// or its ack, and handled from there by whichever instance is free: a handler that fails is
    /// retried with backoff and then dead-lettered (replayable), and the events of an instance that
    /// dies are claimed by the others. A store that fails answers 500, so Feishu sends again.
    /// Card callbacks always run inline.
    /// </summary>
    Durable,
}

/// <summary>How events are verified and handled.</summary>
public sealed class FeishuEventOptions : FeishuEventSecurityOptions
{
    /// <summary>Inline (default), queued in memory, or durable (FeishuGen.Redis).</summary>
    public FeishuEventHandlingMode Mode { get; set; } = FeishuEventHandlingMode.Inline;

    /// <summary>How long inline handlers may run (2.5 s): the answer must reach Feishu within 3 s.</summary>
    public TimeSpan InlineDeadline { get; set; } = TimeSpan.FromMilliseconds(2500);

    /// <summary>How many acknowledged events may wait in the queue (1,024).</summary>
    public int QueueCapacity { get; set; } = 1024;

    /// <summary>How many queued events are handled at once (4).</summary>
    public int QueueConcurrency { get; set; } = 4;

    // The token and key are checked when the first webhook request needs them: a long-connection app has none.
    internal void ValidateHandling()
    {
        FeishuClientOptions.Require(InlineDeadline > TimeSpan.Zero && InlineDeadline < TimeSpan.FromSeconds(3), "InlineDeadline must be between 0 and 3 s (Feishu waits 3 s for the answer).", nameof(FeishuEventOptions));
        FeishuClientOptions.Require(QueueCapacity > 0, "QueueCapacity must be positive.", nameof(FeishuEventOptions));
        FeishuClientOptions.Require(QueueConcurrency > 0, "QueueConcurrency must be positive.", nameof(FeishuEventOptions));
    }
}

/// <summary>What to answer Feishu: the HTTP status and the JSON body (a challenge, a card callback's reply, or an acknowledgement).</summary>
/// <param name="StatusCode">200 when the event was taken (or is a repeat); 4xx for a request that fails verification; 500/503 to have Feishu deliver it again.</param>
/// <param name="Body">The JSON body, UTF-8.</param>
public sealed record FeishuEventResponse(int StatusCode, ReadOnlyMemory<byte> Body)
{
    /// <summary>
    /// Whether <see cref="Body"/> is a callback's reply (card.action.trigger, url.preview.get): the
    /// long connection then returns it in the ack's <c>data</c>, whatever the frame type.
    /// </summary>
    public bool IsCallbackReply { get; init; }

    internal static readonly FeishuEventResponse Ok = new(200, "{}"u8.ToArray());
    internal static readonly FeishuEventResponse Failed = new(500, "{\"error\":\"the handler failed; Feishu will deliver the event again\"}"u8.ToArray());
    internal static readonly FeishuEventResponse NotStored = new(500, "{\"error\":\"the event could not be stored; Feishu will deliver it again\"}"u8.ToArray());
    internal static readonly FeishuEventResponse Busy = new(503, "{\"error\":\"the event queue is full; Feishu will deliver the event again\"}"u8.ToArray());
}
