using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FeishuGen.Json;

/// <summary>
/// The JSON values of the page types: the lenient readers of <see cref="FeishuJsonReader"/> (a number
/// sent as a string still reads) paired with their writers. The <c>…Item</c> values are the non-null
/// forms used for list items and required request members.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class FeishuJsonValues
{
    /// <summary>An optional string.</summary>
    public static FeishuJsonValue<string?> String { get; } = new Scalar<string?>(FeishuJsonReader.ReadString, static (w, v) => w.WriteStringValue(v));

    /// <summary>An optional integer.</summary>
    public static FeishuJsonValue<long?> Int64 { get; } = new Scalar<long?>(FeishuJsonReader.ReadInt64, static (w, v) => w.WriteNumberValue(v!.Value));

    /// <summary>An optional number.</summary>
    public static FeishuJsonValue<double?> Double { get; } = new Scalar<double?>(FeishuJsonReader.ReadDouble, static (w, v) => w.WriteNumberValue(v!.Value));

    /// <summary>An optional boolean.</summary>
    public static FeishuJsonValue<bool?> Boolean { get; } = new Scalar<bool?>(FeishuJsonReader.ReadBoolean, static (w, v) => w.WriteBooleanValue(v!.Value));

    /// <summary>Any JSON value, kept as written.</summary>
    public static FeishuJsonValue<JsonNode?> Node { get; } = new Scalar<JsonNode?>(FeishuJsonReader.ReadNode, FeishuJsonWriter.WriteNode);

    /// <summary>A free-form JSON object.</summary>
    public static FeishuJsonValue<JsonObject?> Map { get; } = new Scalar<JsonObject?>(FeishuJsonReader.ReadObject, FeishuJsonWriter.WriteNode);

    /// <summary>A string that is never null (JSON null reads as empty).</summary>
    public static FeishuJsonValue<string> StringItem { get; } = new Scalar<string>(FeishuJsonReader.ReadStringItem, FeishuJsonWriter.WriteStringItem);

    /// <summary>An integer that is never null (JSON null reads as 0).</summary>
    public static FeishuJsonValue<long> Int64Item { get; } = new Scalar<long>(FeishuJsonReader.ReadInt64Item, FeishuJsonWriter.WriteInt64Item);

    /// <summary>A number that is never null (JSON null reads as 0).</summary>
    public static FeishuJsonValue<double> DoubleItem { get; } = new Scalar<double>(FeishuJsonReader.ReadDoubleItem, FeishuJsonWriter.WriteDoubleItem);

    /// <summary>A boolean that is never null (JSON null reads as false).</summary>
    public static FeishuJsonValue<bool> BooleanItem { get; } = new Scalar<bool>(FeishuJsonReader.ReadBooleanItem, FeishuJsonWriter.WriteBooleanItem);

    /// <summary>A JSON object that is never null (JSON null reads as an empty object).</summary>
    public static FeishuJsonValue<JsonObject> MapItem { get; } = new Scalar<JsonObject>(FeishuJsonReader.ReadObjectItem, FeishuJsonWriter.WriteNode);

    /// <summary>An optional list of <paramref name="item"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="item">How one item reads and writes.</param>
    /// <returns>The list's value.</returns>
    public static FeishuJsonValue<IReadOnlyList<T>?> ListOf<T>(FeishuJsonValue<T> item) => new ListValue<T>(item);

    /// <summary>A list of <paramref name="item"/> that is never null (a list inside a list).</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="item">How one item reads and writes.</param>
    /// <returns>The list's value.</returns>
    public static FeishuJsonValue<IReadOnlyList<T>> ListItemOf<T>(FeishuJsonValue<T> item) => new ListItemValue<T>(item);

    /// <summary>An optional list of records, whose items are never null.</summary>
    /// <typeparam name="T">The record.</typeparam>
    /// <param name="item">The record's shape.</param>
    /// <returns>The list's value.</returns>
    public static FeishuJsonValue<IReadOnlyList<T>?> ListOf<T>(FeishuJsonShape<T> item)
        where T : class
        => new ListValue<T>(new Required<T>(item));

    /// <summary>A list of records that is never null (a list inside a list).</summary>
    /// <typeparam name="T">The record.</typeparam>
    /// <param name="item">The record's shape.</param>
    /// <returns>The list's value.</returns>
    public static FeishuJsonValue<IReadOnlyList<T>> ListItemOf<T>(FeishuJsonShape<T> item)
        where T : class
        => new ListItemValue<T>(new Required<T>(item));

    // A record inside a list: a null item is a JSON error, as an object was expected.
    private sealed class Required<T>(FeishuJsonShape<T> shape) : FeishuJsonValue<T>
        where T : class
    {
        public override T Read(ref Utf8JsonReader reader)
        {
            FeishuJsonReader.ExpectObject(ref reader);
            return shape.Read(ref reader)!;
        }

        public override void Write(Utf8JsonWriter writer, T value) => shape.Write(writer, value);
    }

    private sealed class Scalar<T>(FeishuJsonRead<T> read, System.Action<Utf8JsonWriter, T> write) : FeishuJsonValue<T>
    {
        public override T Read(ref Utf8JsonReader reader) => read(ref reader);

        public override void Write(Utf8JsonWriter writer, T value) => write(writer, value);
    }

    private sealed class ListValue<T>(FeishuJsonValue<T> item) : FeishuJsonValue<IReadOnlyList<T>?>
    {
        public override IReadOnlyList<T>? Read(ref Utf8JsonReader reader) => ReadItems(ref reader, item);

        public override void Write(Utf8JsonWriter writer, IReadOnlyList<T>? value) => WriteItems(writer, value!, item);
    }

    private sealed class ListItemValue<T>(FeishuJsonValue<T> item) : FeishuJsonValue<IReadOnlyList<T>>
    {
        public override IReadOnlyList<T> Read(ref Utf8JsonReader reader) => ReadItems(ref reader, item) ?? new List<T>();

        public override void Write(Utf8JsonWriter writer, IReadOnlyList<T> value) => WriteItems(writer, value, item);
    }

    private static List<T>? ReadItems<T>(ref Utf8JsonReader reader, FeishuJsonValue<T> item)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Expected an array but found {reader.TokenType} at byte {reader.TokenStartIndex}.");
        }

        var list = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            list.Add(item.Read(ref reader));
        }

        return list;
    }

    private static void WriteItems<T>(Utf8JsonWriter writer, IReadOnlyList<T> items, FeishuJsonValue<T> item)
    {
        writer.WriteStartArray();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is { } value)
            {
                item.Write(writer, value);
            }
            else
            {
                writer.WriteNullValue();
            }
        }

        writer.WriteEndArray();
    }
}
