using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using FeishuGen.Json;

namespace FeishuGen.Http;

/// <summary>A parsed reply envelope: <c>{code, msg, data, error}</c>.</summary>
/// <typeparam name="T">The type of <c>data</c>.</typeparam>
/// <param name="IsJson">The body is a JSON object.</param>
/// <param name="HasCode">The object has Feishu's <c>code</c>: without it the reply is not Feishu's (a gateway's or proxy's JSON).</param>
/// <param name="Code">Feishu's code (0 when absent).</param>
/// <param name="Msg">Feishu's msg.</param>
/// <param name="Data">The reply's data.</param>
/// <param name="Error">The reply's error object.</param>
internal readonly record struct Envelope<T>(bool IsJson, bool HasCode, int Code, string Msg, T? Data, FeishuErrorDetails? Error)
{
    /// <summary>Feishu's own word that the call succeeded.</summary>
    public bool IsSuccess => HasCode && Code == 0;
}

/// <summary>
/// Reads the envelope in one pass over the bytes, whatever the HTTP status and whatever the
/// member order; <c>data</c> goes straight through the generated reader.
/// </summary>
internal static class EnvelopeReader
{
    public static Envelope<T> Read<T>(ReadOnlySpan<byte> body, FeishuJsonRead<T> readData, bool atTopLevel = false)
        where T : class
    {
        if (atTopLevel)
        {
            // The reply's members sit beside code and msg: the envelope is read for its status, then the
            // whole object as the data (code and msg land among the record's unknown members).
            var status = ReadStatus(body);
            if (!status.IsSuccess)
            {
                return new Envelope<T>(status.IsJson, status.HasCode, status.Code, status.Msg, null, status.Error);
            }

            var whole = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            whole.Read();
            return new Envelope<T>(true, true, 0, status.Msg, readData(ref whole), null);
        }

        if (!LooksLikeJsonObject(body))
        {
            return new Envelope<T>(false, false, 0, string.Empty, null, null);
        }

        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        reader.Read();
        var code = 0;
        var hasCode = false;
        var msg = string.Empty;
        T? data = null;
        FeishuErrorDetails? error = null;
        while (FeishuJsonReader.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("code"u8))
            {
                reader.Read();
                var value = FeishuJsonReader.ReadInt64(ref reader);
                hasCode = value is not null;
                code = (int)(value ?? 0);
            }
            else if (reader.ValueTextEquals("msg"u8))
            {
                reader.Read();
                msg = FeishuJsonReader.ReadString(ref reader) ?? string.Empty;
            }
            else if (reader.ValueTextEquals("data"u8))
            {
                reader.Read();
                data = reader.TokenType == JsonTokenType.Null ? null : readData(ref reader);
            }
            else if (reader.ValueTextEquals("error"u8))
            {
                reader.Read();
                error = ReadError(FeishuJsonReader.ReadNode(ref reader) as JsonObject);
            }
            else
            {
                FeishuJsonReader.SkipProperty(ref reader);
            }
        }

        return new Envelope<T>(true, hasCode, code, msg, data, error);
    }

    /// <summary>Reads only code, msg and error, skipping data (for failed replies whose data would not fit).</summary>
    public static Envelope<JsonNode> ReadStatus(ReadOnlySpan<byte> body) => Read<JsonNode>(body, static (ref Utf8JsonReader r) => { r.Skip(); return null!; });

    private static bool LooksLikeJsonObject(ReadOnlySpan<byte> body)
    {
        foreach (var b in body)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF)
            {
                continue;
            }

            return b == (byte)'{';
        }

        return false;
    }

    private static FeishuErrorDetails? ReadError(JsonObject? error)
    {
        if (error is null)
        {
            return null;
        }

        return new FeishuErrorDetails
        {
            LogId = Text(error["log_id"]),
            Troubleshooter = Text(error["troubleshooter"]),
            Details = Pairs(error["details"], "key", "value"),
            Helps = Pairs(error["helps"], "url", "description"),
            PermissionViolations = Violations(error["permission_violations"], "type", "subject"),
            FieldViolations = Violations(error["field_violations"], "field", "value"),
        };
    }

    private static string? Text(JsonNode? node) => node is JsonValue value ? value.ToString() : node?.ToJsonString();

    private static List<KeyValuePair<string, string>> Pairs(JsonNode? node, string key, string value)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                if (item is JsonObject entry)
                {
                    pairs.Add(new(Text(entry[key]) ?? string.Empty, Text(entry[value]) ?? string.Empty));
                }
            }
        }

        return pairs;
    }

    private static List<FeishuViolation> Violations(JsonNode? node, string kind, string subject)
    {
        var violations = new List<FeishuViolation>();
        if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                if (item is JsonObject entry)
                {
                    violations.Add(new FeishuViolation(Text(entry[kind]), Text(entry[subject]), Text(entry["description"])));
                }
            }
        }

        return violations;
    }
}
