using System;

namespace FeishuGen.Events;

/// <summary>One event of the generated catalogue: what its page says, for tooling and tests.</summary>
public sealed class FeishuEventInfo
{
    /// <summary>The event type, e.g. <c>im.message.receive_v1</c>.</summary>
    public required string EventType { get; init; }

    /// <summary>The page title, e.g. 接收消息.</summary>
    public required string Title { get; init; }

    /// <summary>"2.0", or "1.0" for the older events.</summary>
    public required string Schema { get; init; }

    /// <summary>The generated record of the body (the envelope's <c>event</c> member).</summary>
    public required Type BodyType { get; init; }

    /// <summary>The page this event was generated from, relative to the project.</summary>
    public required string SpecPath { get; init; }
}
