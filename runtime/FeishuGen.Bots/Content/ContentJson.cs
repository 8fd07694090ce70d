using System.Collections.Generic;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FeishuGen.Bots;

/// <summary>
/// Reading and writing the members of a content object. A member is taken into a typed property
/// only when its JSON kind fits; otherwise it stays among the object's unknown members, so that
/// reading then writing gives back what Feishu sent, and nothing a page does not describe throws.
/// </summary>
internal static class ContentJson
{
    // Chinese stays UTF-8 (as Feishu sends it) instead of \uXXXX, so sizes are measured as sent.
    internal static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    internal static readonly JsonDocumentOptions Lenient = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static JsonObject? ParseObject(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(json, documentOptions: Lenient) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string Serialize(JsonNode node) => node.ToJsonString(Relaxed);

    public static string? TakeString(JsonObject o, string name)
    {
        if (o[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            o.Remove(name);
            return value.GetValue<string>();
        }

        return null;
    }

    public static long? TakeInt64(JsonObject o, string name)
    {
        if (o[name] is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var number))
        {
            o.Remove(name);
            return number;
        }

        return null;
    }

    public static bool? TakeBoolean(JsonObject o, string name)
    {
        if (o[name] is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            o.Remove(name);
            return value.GetValueKind() == JsonValueKind.True;
        }

        return null;
    }

    public static IReadOnlyList<string>? TakeStrings(JsonObject o, string name)
    {
        if (o[name] is not JsonArray array)
        {
            return null;
        }

        var list = new List<string>(array.Count);
        foreach (var item in array)
        {
            if (item is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
            {
                return null;
            }

            list.Add(value.GetValue<string>());
        }

        o.Remove(name);
        return list;
    }

    public static JsonObject? TakeObject(JsonObject o, string name)
    {
        if (o[name] is JsonObject child)
        {
            o.Remove(name);
            return child;
        }

        return null;
    }

    public static IReadOnlyDictionary<string, string>? TakeStringMap(JsonObject o, string name)
    {
        if (o[name] is not JsonObject map)
        {
            return null;
        }

        var result = new Dictionary<string, string>();
        foreach (var pair in map)
        {
            if (pair.Value is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
            {
                return null;
            }

            result[pair.Key] = value.GetValue<string>();
        }

        o.Remove(name);
        return result;
    }

    /// <summary>What is left of an object after its known members were taken: null when nothing.</summary>
    public static JsonObject? Rest(JsonObject o) => o.Count == 0 ? null : o;

    public static void Put(JsonObject o, string name, string? value)
    {
        if (value is not null)
        {
            o[name] = value;
        }
    }

    public static void Put(JsonObject o, string name, long? value)
    {
        if (value is not null)
        {
            o[name] = value.Value;
        }
    }

    public static void Put(JsonObject o, string name, bool? value)
    {
        if (value is not null)
        {
            o[name] = value.Value;
        }
    }

    public static void Put(JsonObject o, string name, IReadOnlyList<string>? values)
    {
        if (values is not null)
        {
            var array = new JsonArray();
            foreach (var value in values)
            {
                array.Add((JsonNode)value);
            }

            o[name] = array;
        }
    }

    public static void Put(JsonObject o, string name, IReadOnlyDictionary<string, string>? map)
    {
        if (map is not null)
        {
            var target = new JsonObject();
            foreach (var pair in map)
            {
                target[pair.Key] = pair.Value;
            }

            o[name] = target;
        }
    }

    /// <summary>
    /// Adds the unknown members back, after the known ones. A member of a known name is there only
    /// when it came in a kind the typed property could not take (a number for a string, say): the
    /// original wins over the typed default.
    /// </summary>
    public static void PutRest(JsonObject o, JsonObject? rest)
    {
        if (rest is null)
        {
            return;
        }

        foreach (var pair in rest)
        {
            o[pair.Key] = pair.Value?.DeepClone();
        }
    }
}
