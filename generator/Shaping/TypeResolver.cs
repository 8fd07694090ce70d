using System.Collections.Generic;
using System.Linq;
using FeishuGen.Generator.Json;
using FeishuGen.Generator.Model;
using FeishuGen.Generator.Naming;
using FeishuGen.Generator.Reading;

namespace FeishuGen.Generator.Shaping;

/// <summary>
/// Chooses the C# type of each field: from the page's declared type, the 类型额外说明 shape, and
/// the examples where the page lost the detail ('undefined[]', bare 'array' or 'object', and
/// responses, which the page gives only as an example).
/// </summary>
internal sealed class TypeResolver
{
    private readonly TypeRegistry _registry;
    private readonly string _namespace;
    private readonly string _context;

    private readonly bool _contradictionsAsNode;

    /// <param name="registry">The nested records of the compilation.</param>
    /// <param name="ns">The namespace records are declared in.</param>
    /// <param name="context">The prefix that tells a contradicting record apart.</param>
    /// <param name="contradictionsAsNode">
    /// Events: a scalar the table types one way and the example another (a timestamp documented as
    /// a string and sent as a number) is a field of more than one type, kept as a JSON value.
    /// </param>
    public TypeResolver(TypeRegistry registry, string ns, string context, bool contradictionsAsNode = false)
    {
        _registry = registry;
        _namespace = ns;
        _context = context;
        _contradictionsAsNode = contradictionsAsNode;
    }

    /// <summary>The type of a multipart field declared as <paramref name="type"/>: a file part for <c>file</c>/<c>binary</c>.</summary>
    public TypeRef DeclaredPart(string type, string nameHint)
        => type.Trim().ToLowerInvariant() is "file" or "binary" ? TypeRef.File : Declared(type, null, null, nameHint);

    /// <summary>
    /// The type of a JSON field declared as <paramref name="type"/>, shaped by <paramref name="shape"/>
    /// and <paramref name="example"/>. JSON has no file parts: a type named <c>file</c> there is a
    /// record the page calls file (a document's file block), or a value the example shows.
    /// </summary>
    public TypeRef Declared(string type, TypeDefinition? shape, JsonValue? example, string nameHint)
    {
        var lowered = type.Trim().ToLowerInvariant();

        // A table without a type column (参数 | 说明) leaves the type to the example.
        if (lowered.Length == 0 && shape is null && example is not null)
        {
            return Inferred(example, nameHint);
        }

        if (Primitive(lowered) is { } primitive)
        {
            return _contradictionsAsNode && Contradicts(primitive, example) ? TypeRef.Node : primitive;
        }

        if (lowered is "array" or "list" || TypeNames.ArrayItem(lowered) is not null)
        {
            var item = TypeNames.ArrayItem(lowered) ?? "undefined";
            var itemExample = FirstItem(example);
            if (shape is not null)
            {
                // A few pages nest the documented items one array deeper ("二维数组"): the example says so.
                var depth = 1;
                while (itemExample is { Kind: JsonKind.Array })
                {
                    depth++;
                    itemExample = FirstItem(itemExample);
                }

                // ...and a few say array where both the example and the curl sample send one object.
                if (example is { Kind: JsonKind.Object })
                {
                    return Shape(shape, example);
                }

                var list = Shape(shape, itemExample);
                for (var i = 0; i < depth; i++)
                {
                    list = TypeRef.ListOf(list);
                }

                return list;
            }

            if (Primitive(item) is { } itemPrimitive)
            {
                return TypeRef.ListOf(itemPrimitive);
            }

            if (example is { Kind: JsonKind.Array, Items.Count: > 0 })
            {
                return Inferred(example, nameHint);
            }

            if (item is "undefined" or "array" or "string")
            {
                return TypeRef.ListOf(TypeRef.String);
            }

            return TypeRef.ListOf(item is "object" or "map" ? TypeRef.Map : TypeRef.Node);
        }

        if (shape is not null)
        {
            // Some older tables say object where the example (rightly) sends a list of them.
            return example is { Kind: JsonKind.Array }
                ? TypeRef.ListOf(Shape(shape, FirstItem(example)))
                : Shape(shape, example);
        }

        if (lowered == "object" && example is { Kind: JsonKind.Object, Members.Count: > 0 })
        {
            return Inferred(example, nameHint);
        }

        return lowered is "object" or "map" or "struct" || lowered.StartsWith("map<", System.StringComparison.Ordinal) ? TypeRef.Map : TypeRef.Node;
    }

    private static bool Contradicts(TypeRef declared, JsonValue? example) => example?.Kind switch
    {
        JsonKind.String => declared.Kind != TypeKind.String,
        JsonKind.Number => declared.Kind is not (TypeKind.Int64 or TypeKind.Double),
        JsonKind.Boolean => declared.Kind != TypeKind.Boolean,
        JsonKind.Object or JsonKind.Array => true,
        _ => false,
    };

    /// <summary>The record for a 类型额外说明 definition, with its properties typed from the tree and the example.</summary>
    public TypeRef Shape(TypeDefinition definition, JsonValue? example)
    {
        var typeName = Identifiers.Pascal(definition.Name);
        return _registry.Register(_namespace, typeName, _context, ShapedProperties(definition, example, typeName));
    }

    /// <summary>The properties a definition and its example give: declared members typed from the tree, then members only the example shows.</summary>
    public List<PropertySpec> ShapedProperties(TypeDefinition definition, JsonValue? example, string typeName)
    {
        var properties = new List<PropertySpec>();
        var taken = new HashSet<string>();
        foreach (var property in definition.Properties)
        {
            var value = example?.Kind == JsonKind.Object ? example.Get(property.Name) : null;
            var type = Declared(property.Type, property.Child, value, property.Name);
            properties.Add(Property(property.Name, typeName, taken, type, value) with { Description = property.Description, AllowedValues = property.AllowedValues });
        }

        // The tree lists only some members on some pages; the example shows the rest.
        if (example?.Kind == JsonKind.Object)
        {
            foreach (var member in example.Members)
            {
                if (!definition.Properties.Any(p => p.Name == member.Key))
                {
                    properties.Add(Property(member.Key, typeName, taken, Inferred(member.Value, member.Key), member.Value));
                }
            }
        }

        return properties;
    }

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
            result = result is null ? type : TypeRegistry.Unify(result, type) ?? TypeRef.Node;
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

    private static PropertySpec Property(string wireName, string owner, HashSet<string> taken, TypeRef type, JsonValue? example)
        => new(
            Identifiers.Unique(Identifiers.Property(wireName, owner), taken),
            wireName,
            type,
            Required: false,
            ParameterLocation.Body,
            string.Empty,
            ExampleText(example),
            null,
            EquatableArray<AllowedValue>.Empty,
            EquatableArray<ValidationRule>.Empty);

    private static string? ExampleText(JsonValue? example)
        => example is { Kind: JsonKind.String or JsonKind.Number or JsonKind.Boolean } ? example.Text : null;

    private static JsonValue? FirstItem(JsonValue? value)
        => value is { Kind: JsonKind.Array, Items.Count: > 0 } ? value.Items[0] : null;

    private static TypeRef? Primitive(string type) => type switch
    {
        "string" => TypeRef.String,
        "integer" or "int" or "int32" or "int64" or "i32" or "i64" or "long" => TypeRef.Int64,
        "number" or "float" or "double" or "float64" => TypeRef.Double,
        "boolean" or "bool" => TypeRef.Boolean,
        _ => null,
    };
}
