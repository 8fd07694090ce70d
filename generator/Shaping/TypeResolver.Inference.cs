using System.Collections.Generic;
using FeishuGen.Generator.Json;
using FeishuGen.Generator.Naming;

namespace FeishuGen.Generator.Shaping;

/// <summary>
/// The types that examples show, where the page gives none (responses, bare 'object', items of
/// 'undefined[]'): objects become records named after their member, arrays of objects merge their
/// keys, items that disagree become JSON values, objects keyed by IDs are dictionaries.
/// </summary>
internal sealed partial class TypeResolver
{
    /// <summary>The type a JSON example value shows: objects become records named after <paramref name="nameHint"/>.</summary>
    public TypeRef Inferred(JsonValue value, string nameHint)
    {
        switch (value.Kind)
        {
            case JsonKind.String:
                return TypeRef.String;
            case JsonKind.Boolean:
                return TypeRef.Boolean;
            case JsonKind.Number:
                return value.IsInteger ? TypeRef.Int64 : TypeRef.Double;
            case JsonKind.Object:
                return value.Members.Count == 0 || IsKeyedByIds(value) ? TypeRef.Map : InferredRecord(value, Identifiers.Pascal(nameHint));
            case JsonKind.Array:
                return TypeRef.ListOf(InferredItem(value.Items, nameHint));
            default:
                return TypeRef.Node;
        }
    }

    /// <summary>The properties of an object example, each typed by inference.</summary>
    public List<PropertySpec> InferredProperties(JsonValue value, string owner)
    {
        var properties = new List<PropertySpec>();
        var taken = new HashSet<string>();
        var seen = new HashSet<string>();
        foreach (var member in value.Members)
        {
            // A key written twice in an example is one member.
            if (seen.Add(member.Key))
            {
                properties.Add(Property(member.Key, owner, taken, Inferred(member.Value, member.Key), member.Value));
            }
        }

        return properties;
    }

    private TypeRef InferredRecord(JsonValue value, string name)
        => _registry.Register(_namespace, name, _context, InferredProperties(value, name));

    private TypeRef InferredItem(List<JsonValue> items, string nameHint)
    {
        var singular = Identifiers.Singular(Identifiers.Pascal(nameHint));
        if (items.Count == 0)
        {
            return TypeRef.Node;
        }

        if (items.TrueForAll(i => i.Kind == JsonKind.Object))
        {
            return Inferred(MergeObjects(items), singular);
        }

        TypeRef? result = null;
        foreach (var item in items)
        {
            if (item.Kind == JsonKind.Null)
            {
                continue;
            }

            var type = Inferred(item, singular);
            result = result is null ? type : TypeRegistry.UnifyOrNode(result, type);
        }

        return result ?? TypeRef.Node;
    }

    // Arrays of objects in examples often show different keys per item: the record has them all.
    // Where items disagree on a member's kind, the member stays untyped JSON.
    private static JsonValue MergeObjects(List<JsonValue> items)
    {
        var members = new List<KeyValuePair<string, JsonValue>>();
        var index = new Dictionary<string, int>();
        var conflicted = new HashSet<string>();
        foreach (var item in items)
        {
            foreach (var member in item.Members)
            {
                if (!index.TryGetValue(member.Key, out var at))
                {
                    index[member.Key] = members.Count;
                    members.Add(member);
                    continue;
                }

                var merged = Merge(members[at].Value, member.Value);
                if (merged is null)
                {
                    conflicted.Add(member.Key);
                }

                members[at] = new KeyValuePair<string, JsonValue>(member.Key, conflicted.Contains(member.Key) ? Mixed : merged!);
            }
        }

        return JsonValue.Object(members);
    }

    // A value no kind fits: inferred as JsonNode.
    private static readonly JsonValue Mixed = JsonValue.Null;

    private static JsonValue? Merge(JsonValue a, JsonValue b)
    {
        if (a.Kind == JsonKind.Null)
        {
            return b;
        }

        if (b.Kind == JsonKind.Null)
        {
            return a;
        }

        if (a.Kind == JsonKind.Object && b.Kind == JsonKind.Object)
        {
            return MergeObjects(new List<JsonValue> { a, b });
        }

        if (a.Kind == JsonKind.Array && b.Kind == JsonKind.Array)
        {
            var items = new List<JsonValue>(a.Items);
            items.AddRange(b.Items);
            return JsonValue.Array(items);
        }

        if (a.Kind == JsonKind.Number && b.Kind == JsonKind.Number)
        {
            return a.IsInteger ? b : a;
        }

        return a.Kind == b.Kind ? a : null;
    }

    // {"18gee666": {...}, "7011x": {...}}: a dictionary keyed by IDs, not a record with those names.
    private static bool IsKeyedByIds(JsonValue value)
        => value.Members.TrueForAll(m => m.Key.Length > 0 && (char.IsDigit(m.Key[0]) || m.Key.StartsWith("ou_", System.StringComparison.Ordinal) || m.Key.StartsWith("oc_", System.StringComparison.Ordinal)));
}
