using System;

namespace FeishuGen.Redis;

/// <summary>An event whose handlers failed on every try, kept in the dead-letter stream until it is replayed.</summary>
/// <param name="Id">The dead-letter entry's id in Redis (pass it to replay this one).</param>
/// <param name="EventId">The event's id.</param>
/// <param name="EventType">The event's type.</param>
/// <param name="Reason">The last failure: the exception's type and message.</param>
/// <param name="Attempts">How many tries it had.</param>
/// <param name="FailedAt">When it was given up.</param>
/// <param name="Json">The event as received.</param>
public sealed record FeishuDeadLetter(string Id, string EventId, string EventType, string Reason, int Attempts, DateTimeOffset FailedAt, string Json);
