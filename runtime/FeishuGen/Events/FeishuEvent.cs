using System;

namespace FeishuGen.Events;

/// <summary>
/// The envelope of an event, the same for both schemas: 2.0 sends <c>header{event_id,
/// event_type, create_time, app_id, tenant_key}</c>; 1.0 sends <c>uuid</c>, <c>ts</c> and
/// <c>event.type</c>, which land here as <see cref="EventId"/>, <see cref="CreateTime"/> and
/// <see cref="EventType"/>. The verification token is checked and never kept.
/// </summary>
public sealed class FeishuEventHeader
{
    /// <summary>"2.0", or "1.0" for the older events.</summary>
    public required string Schema { get; init; }

    /// <summary>The event's id (1.0: uuid); Feishu sends it again with every retry.</summary>
    public required string EventId { get; init; }

    /// <summary>The event type, e.g. <c>im.message.receive_v1</c>.</summary>
    public required string EventType { get; init; }

    /// <summary>When the event was created, as sent: a string, because the docs mix milliseconds, microseconds and (1.0) fractional seconds.</summary>
    public string? CreateTime { get; init; }

    /// <summary>The app the event is for.</summary>
    public string? AppId { get; init; }

    /// <summary>The tenant the event comes from.</summary>
    public string? TenantKey { get; init; }
}

/// <summary>A typed event: its envelope, its body, and the JSON as it arrived (decrypted).</summary>
/// <typeparam name="TEvent">The generated record of the event's body.</typeparam>
public sealed class FeishuEvent<TEvent>
    where TEvent : class
{
    /// <summary>The envelope.</summary>
    public required FeishuEventHeader Header { get; init; }

    /// <summary>The body (the envelope's <c>event</c> member); members the pages do not describe are kept in its AdditionalProperties.</summary>
    public required TEvent Event { get; init; }

    /// <summary>The whole event as JSON (UTF-8), for logging or storage; it includes the verification token.</summary>
    public required ReadOnlyMemory<byte> Json { get; init; }
}
