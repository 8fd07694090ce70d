using System.Collections.Generic;

namespace FeishuGen.Generator.Json;

/// <summary>The kinds of value a JSON example holds.</summary>
internal enum JsonKind
{
    Null,
    Boolean,
    Number,
    String,
    Array,
    Object,
}

/// <summary>
/// A parsed JSON example value. Numbers keep their text so that 1660123456789 and 1.5 are told
/// apart without precision loss; objects keep their key order.
/// </summary>
internal sealed class JsonValue
{
    private JsonValue(JsonKind kind, string? text, List<JsonValue>? items, List<KeyValuePair<string, JsonValue>>? members)
    {
        Kind = kind;
        Text = text;
        Items = items ?? new List<JsonValue>();
        Members = members ?? new List<KeyValuePair<string, JsonValue>>();
    }

    public JsonKind Kind { get; }

    /// <summary>String content, number text, or "true"/"false".</summary>
    public string? Text { get; }

    public List<JsonValue> Items { get; }

    public List<KeyValuePair<string, JsonValue>> Members { get; }

    public static readonly JsonValue Null = new(JsonKind.Null, null, null, null);

    public static JsonValue Bool(bool value) => new(JsonKind.Boolean, value ? "true" : "false", null, null);

    public static JsonValue Number(string text) => new(JsonKind.Number, text, null, null);

    public static JsonValue String(string text) => new(JsonKind.String, text, null, null);

    public static JsonValue Array(List<JsonValue> items) => new(JsonKind.Array, null, items, null);

    public static JsonValue Object(List<KeyValuePair<string, JsonValue>> members) => new(JsonKind.Object, null, null, members);

    /// <summary>The value of the first member called <paramref name="name"/>, or null.</summary>
    public JsonValue? Get(string name)
    {
        foreach (var member in Members)
        {
            if (member.Key == name)
            {
                return member.Value;
            }
        }

        return null;
    }

    /// <summary>True for numbers written without fraction or exponent.</summary>
    public bool IsInteger => Kind == JsonKind.Number && Text!.IndexOfAny(new[] { '.', 'e', 'E' }) < 0;
}
