using System;
using System.Buffers;
using System.Text.Json;

namespace FeishuGen.Events;

/// <summary>
/// Reads an event's envelope without building a document: the header values and where the
/// <c>event</c> member's JSON lies, so that the generated reader reads the body straight from
/// the received bytes.
/// </summary>
internal sealed class FeishuEventEnvelope
{
    private FeishuEventEnvelope(FeishuEventHeader header, ReadOnlyMemory<byte> json, int eventStart, int eventLength)
    {
        Header = header;
        Json = json;
        EventStart = eventStart;
        EventLength = eventLength;
    }

    public FeishuEventHeader Header { get; }

    public ReadOnlyMemory<byte> Json { get; }

    public int EventStart { get; }

    public int EventLength { get; }

    /// <summary>The <c>event</c> member's JSON, or an empty object when the envelope has none.</summary>
    public ReadOnlySpan<byte> EventJson => EventLength == 0 ? "{}"u8 : Json.Span.Slice(EventStart, EventLength);

    /// <summary>Reads the envelope; null when the JSON is not an event (no id or no type).</summary>
    public static FeishuEventEnvelope? Read(ReadOnlyMemory<byte> json)
    {
        string? schema = null, eventId = null, eventType = null, createTime = null, appId = null, tenantKey = null, uuid = null, ts = null, legacyType = null;
        int start = 0, length = 0;
        var reader = new Utf8JsonReader(json.Span);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("header"u8))
            {
                reader.Read();
                ReadHeader(ref reader, ref eventId, ref eventType, ref createTime, ref appId, ref tenantKey);
            }
            else if (reader.ValueTextEquals("event"u8))
            {
                reader.Read();
                start = (int)reader.TokenStartIndex;
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    legacyType = ReadLegacyEvent(ref reader, ref appId, ref tenantKey);
                }
                else
                {
                    reader.Skip();
                }

                length = (int)reader.BytesConsumed - start;
            }
            else if (reader.ValueTextEquals("schema"u8))
            {
                schema = Text(ref reader);
            }
            else if (reader.ValueTextEquals("uuid"u8))
            {
                uuid = Text(ref reader);
            }
            else if (reader.ValueTextEquals("ts"u8))
            {
                ts = Text(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        var legacy = schema is null;
        var id = legacy ? uuid : eventId;
        var type = legacy ? legacyType : eventType;
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(type))
        {
            return null;
        }

        var header = new FeishuEventHeader
        {
            Schema = schema ?? "1.0",
            EventId = id,
            EventType = type,
            CreateTime = legacy ? ts : createTime,
            AppId = appId,
            TenantKey = tenantKey,
        };
        return new FeishuEventEnvelope(header, json, start, length);
    }

    private static void ReadHeader(ref Utf8JsonReader reader, ref string? eventId, ref string? eventType, ref string? createTime, ref string? appId, ref string? tenantKey)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("event_id"u8)) eventId = Text(ref reader);
            else if (reader.ValueTextEquals("event_type"u8)) eventType = Text(ref reader);
            else if (reader.ValueTextEquals("create_time"u8)) createTime = Text(ref reader);
            else if (reader.ValueTextEquals("app_id"u8)) appId = Text(ref reader);
            else if (reader.ValueTextEquals("tenant_key"u8)) tenantKey = Text(ref reader);
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    // Schema 1.0 keeps the type, app and tenant inside the event object.
    private static string? ReadLegacyEvent(ref Utf8JsonReader reader, ref string? appId, ref string? tenantKey)
    {
        string? type = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8)) type = Text(ref reader);
            else if (reader.ValueTextEquals("app_id"u8)) appId ??= Text(ref reader);
            else if (reader.ValueTextEquals("tenant_key"u8)) tenantKey ??= Text(ref reader);
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return type;
    }

    // Strings as sent; numbers (a 1.0 ts, a create_time written as a number) as their text.
    private static string? Text(ref Utf8JsonReader reader)
    {
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                return System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray());
            default:
                reader.Skip();
                return null;
        }
    }
}
