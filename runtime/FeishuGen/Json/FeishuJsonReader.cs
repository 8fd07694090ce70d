using System;
using System.Buffers;
using System.Buffers.Text;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FeishuGen.Json;

/// <summary>Reads one value at the reader's current token; generated code passes these as method groups.</summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="reader">The reader, positioned on the value's first token.</param>
public delegate T FeishuJsonRead<out T>(ref Utf8JsonReader reader);

/// <summary>
/// The reading half of generated JSON code. Lenient where Feishu is inconsistent: integers and
/// booleans may arrive as strings, strings as numbers; a null is a missing value.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class FeishuJsonReader
{
    /// <summary>Throws unless the reader is on the start of an object.</summary>
    /// <param name="reader">The reader.</param>
    public static void ExpectObject(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a JSON object but found {reader.TokenType}.");
        }
    }

    /// <summary>Moves to the next property name of the current object; false at its end.</summary>
    /// <param name="reader">The reader.</param>
    public static bool NextProperty(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonException("The JSON ended inside an object.");
        }

        return reader.TokenType == JsonTokenType.PropertyName;
    }

    /// <summary>Skips the value of the property the reader is on.</summary>
    /// <param name="reader">The reader, on a property name.</param>
    public static void SkipProperty(ref Utf8JsonReader reader)
    {
        reader.Read();
        reader.Skip();
    }

    /// <summary>Keeps a property the generated type does not know, so that a round trip loses nothing.</summary>
    /// <param name="reader">The reader, on a property name.</param>
    /// <param name="unknown">The members kept so far.</param>
    public static JsonObject ReadUnknown(ref Utf8JsonReader reader, JsonObject? unknown)
    {
        var name = reader.GetString()!;
        reader.Read();
        unknown ??= new JsonObject();
        unknown[name] = JsonNode.Parse(ref reader);
        return unknown;
    }

    /// <summary>A string; numbers and booleans are kept as their text.</summary>
    /// <param name="reader">The reader.</param>
    public static string? ReadString(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => RawText(ref reader),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => throw Mismatch(ref reader, "a string"),
    };

    /// <summary>An integer; a string holding digits is accepted.</summary>
    /// <param name="reader">The reader.</param>
    public static long? ReadInt64(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number when reader.TryGetInt64(out var value):
                return value;
            case JsonTokenType.Number when reader.TryGetDouble(out var real) && real == Math.Floor(real) && Math.Abs(real) < 9e15:
                return (long)real;
            case JsonTokenType.String when long.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed):
                return parsed;
            case JsonTokenType.String when reader.ValueSpan.Length == 0 && !reader.ValueIsEscaped:
                return null;
            default:
                throw Mismatch(ref reader, "an integer");
        }
    }

    /// <summary>A number; a string holding one is accepted.</summary>
    /// <param name="reader">The reader.</param>
    public static double? ReadDouble(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.Number => reader.GetDouble(),
        JsonTokenType.String when double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => throw Mismatch(ref reader, "a number"),
    };

    /// <summary>A boolean; "true"/"false" strings and 0/1 are accepted.</summary>
    /// <param name="reader">The reader.</param>
    public static bool? ReadBoolean(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.String when bool.TryParse(reader.GetString(), out var parsed) => parsed,
        JsonTokenType.Number when reader.TryGetInt64(out var number) && number is 0 or 1 => number == 1,
        _ => throw Mismatch(ref reader, "a boolean"),
    };

    /// <summary>Any JSON value, kept as a node (null for JSON null).</summary>
    /// <param name="reader">The reader.</param>
    public static JsonNode? ReadNode(ref Utf8JsonReader reader) => JsonNode.Parse(ref reader);

    /// <summary>A free-form JSON object.</summary>
    /// <param name="reader">The reader.</param>
    public static JsonObject? ReadObject(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.StartObject => (JsonObject?)JsonNode.Parse(ref reader),
        _ => throw Mismatch(ref reader, "an object"),
    };

    /// <summary>A list item string (a JSON null becomes an empty string).</summary>
    /// <param name="reader">The reader.</param>
    public static string ReadStringItem(ref Utf8JsonReader reader) => ReadString(ref reader) ?? string.Empty;

    /// <summary>A list item integer.</summary>
    /// <param name="reader">The reader.</param>
    public static long ReadInt64Item(ref Utf8JsonReader reader) => ReadInt64(ref reader) ?? 0;

    /// <summary>A list item number.</summary>
    /// <param name="reader">The reader.</param>
    public static double ReadDoubleItem(ref Utf8JsonReader reader) => ReadDouble(ref reader) ?? 0;

    /// <summary>A list item boolean.</summary>
    /// <param name="reader">The reader.</param>
    public static bool ReadBooleanItem(ref Utf8JsonReader reader) => ReadBoolean(ref reader) ?? false;

    /// <summary>A list item object (a JSON null becomes an empty object).</summary>
    /// <param name="reader">The reader.</param>
    public static JsonObject ReadObjectItem(ref Utf8JsonReader reader) => ReadObject(ref reader) ?? new JsonObject();

    private static string RawText(ref Utf8JsonReader reader)
    {
        var span = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray();
        return System.Text.Encoding.UTF8.GetString(span);
    }

    private static JsonException Mismatch(ref Utf8JsonReader reader, string expected)
        => new($"Expected {expected} but found {reader.TokenType} at byte {reader.TokenStartIndex}.");
}
