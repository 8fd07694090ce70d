using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FeishuGen.Testing;

/// <summary>
/// Compares JSON by meaning: object key order is free and numbers compare by value (1.0 equals 1),
/// as Feishu reads them. Use it to check that what a client sent matches a documented example.
/// </summary>
public static class JsonSemantics
{
    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Parses JSON that may hold comments and trailing commas, as documentation examples do.</summary>
    /// <param name="json">The JSON text.</param>
    public static JsonNode? Parse(string json) => JsonNode.Parse(json, documentOptions: Lenient);

    /// <summary>Whether the two JSON texts mean the same.</summary>
    /// <param name="expected">The first JSON text.</param>
    /// <param name="actual">The second JSON text.</param>
    public static bool AreEquivalent(string expected, string actual) => Difference(Parse(expected), Parse(actual)) is null;

    /// <summary>The JSON path of the first difference, with a short reason, or null when the two mean the same.</summary>
    /// <param name="expected">The expected value.</param>
    /// <param name="actual">The actual value.</param>
    /// <param name="path">The path of the values, for the report.</param>
    public static string? Difference(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        switch (expected)
        {
            case null:
                return actual is null ? null : path + ": expected null, got " + actual.ToJsonString();
            case JsonObject expectedObject:
                if (actual is not JsonObject actualObject)
                {
                    return path + ": expected an object";
                }

                foreach (var key in expectedObject.Select(p => p.Key).Union(actualObject.Select(p => p.Key)))
                {
                    if (!actualObject.ContainsKey(key))
                    {
                        return path + "." + key + ": missing";
                    }

                    if (!expectedObject.ContainsKey(key))
                    {
                        return path + "." + key + ": unexpected";
                    }

                    var inner = Difference(expectedObject[key], actualObject[key], path + "." + key);
                    if (inner is not null)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonArray expectedArray:
                if (actual is not JsonArray actualArray)
                {
                    return path + ": expected an array";
                }

                if (actualArray.Count != expectedArray.Count)
                {
                    return path + $": expected {expectedArray.Count} items, got {actualArray.Count}";
                }

                for (var i = 0; i < expectedArray.Count; i++)
                {
                    var inner = Difference(expectedArray[i], actualArray[i], path + "[" + i + "]");
                    if (inner is not null)
                    {
                        return inner;
                    }
                }

                return null;
            default:
                if (actual is not JsonValue actualValue)
                {
                    return path + ": expected a value";
                }

                var expectedValue = (JsonValue)expected;
                if (expectedValue.GetValueKind() == JsonValueKind.Number && actualValue.GetValueKind() == JsonValueKind.Number)
                {
                    return NumbersEqual(expectedValue.ToJsonString(), actualValue.ToJsonString()) ? null : path + $": {expectedValue.ToJsonString()} vs {actualValue.ToJsonString()}";
                }

                return Canonical(expectedValue) == Canonical(actualValue) ? null : path + $": {expectedValue.ToJsonString()} vs {actualValue.ToJsonString()}";
        }
    }

    private static string Canonical(JsonValue value)
        => value.GetValueKind() == JsonValueKind.String ? "s:" + value.GetValue<string>() : value.ToJsonString();

    private static bool NumbersEqual(string a, string b)
    {
        if (decimal.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && decimal.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var y))
        {
            return x == y;
        }

        return double.Parse(a, NumberStyles.Float, CultureInfo.InvariantCulture).Equals(double.Parse(b, NumberStyles.Float, CultureInfo.InvariantCulture));
    }
}
