using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit.Sdk;

namespace FeishuGen.Tests.Support;

/// <summary>Semantic JSON comparison: key order is free, numbers compare by value.</summary>
internal static class JsonAssert
{
    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static void Equivalent(string expected, string actual)
    {
        var difference = Difference(JsonNode.Parse(expected, documentOptions: Lenient), JsonNode.Parse(actual, documentOptions: Lenient), "$");
        if (difference is not null)
        {
            throw new XunitException($"JSON differs at {difference}\nexpected: {expected}\nactual:   {actual}");
        }
    }

    /// <summary>The path of the first difference, or null when equal.</summary>
    public static string? Difference(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected)
        {
            case null:
                return actual is null ? null : path + " (expected null)";
            case JsonObject eo:
                if (actual is not JsonObject ao)
                {
                    return path + " (expected an object)";
                }

                foreach (var key in eo.Select(p => p.Key).Union(ao.Select(p => p.Key)))
                {
                    if (!eo.ContainsKey(key) || !ao.ContainsKey(key))
                    {
                        return path + "." + key + " (missing on one side)";
                    }

                    var inner = Difference(eo[key], ao[key], path + "." + key);
                    if (inner is not null)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonArray ea:
                if (actual is not JsonArray aa || aa.Count != ea.Count)
                {
                    return path + " (array length or kind)";
                }

                for (var i = 0; i < ea.Count; i++)
                {
                    var inner = Difference(ea[i], aa[i], path + "[" + i + "]");
                    if (inner is not null)
                    {
                        return inner;
                    }
                }

                return null;
            default:
                if (actual is not JsonValue av)
                {
                    return path + " (expected a value)";
                }

                var ev = (JsonValue)expected;
                if (ev.GetValueKind() == JsonValueKind.Number && av.GetValueKind() == JsonValueKind.Number)
                {
                    return decimal.Parse(ev.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
                        == decimal.Parse(av.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture) ? null : path;
                }

                return ev.ToJsonString() == av.ToJsonString() ? null : path + $" ({ev.ToJsonString()} vs {av.ToJsonString()})";
        }
    }
}
