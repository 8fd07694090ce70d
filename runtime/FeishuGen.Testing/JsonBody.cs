using System.Text.Json;
using System.Text.Json.Nodes;

namespace FeishuGen.Testing;

/// <summary>Request and reply bodies as the server sees them: a JSON object, or null for anything else.</summary>
internal static class JsonBody
{
    public static JsonObject? Object(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A string member, or null when it is missing or not a string.</summary>
    public static string? Text(JsonObject? json, string name)
        => json?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
