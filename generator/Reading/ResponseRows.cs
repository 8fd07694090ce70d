using System.Collections.Generic;
using System.Linq;
using FeishuGen.Generator.Json;
using FeishuGen.Generator.Model;

namespace FeishuGen.Generator.Reading;

/// <summary>
/// Some converters flatten the 响应体 table: <c>data</c>'s members follow it as rows of their own,
/// with no nesting marker. They are data's members all the same; the response example, where the
/// page has one, says how deep each sits (a row belongs to the innermost object above it in the
/// example that has its name).
/// </summary>
internal static class ResponseRows
{
    private static readonly HashSet<string> Envelope = new() { "code", "msg", "error" };

    public static List<FieldModel> Nest(List<FieldModel> fields, JsonValue? example)
    {
        var dataIndex = fields.FindIndex(f => f.Name == "data");
        if (dataIndex < 0 || fields[dataIndex].Shape is not null || dataIndex == fields.Count - 1)
        {
            return fields;
        }

        var top = example?.Kind == JsonKind.Object ? example : null;
        var after = fields.Skip(dataIndex + 1).ToList();
        var members = after.Where(f => !(Envelope.Contains(f.Name) && top?.Get(f.Name) is not null)).ToList();
        if (members.Count == 0)
        {
            return fields;
        }

        var data = fields[dataIndex];
        var root = new Node(data.Name, data.Type, string.Empty, default, Container(top?.Get("data")));
        var open = new List<Node> { root };
        foreach (var member in members)
        {
            var level = open.Count - 1;
            while (level >= 0 && open[level].Json?.Get(member.Name) is null)
            {
                level--;
            }

            // A row the example does not show stays beside the row before it.
            level = level < 0 ? open.Count - 1 : level;
            open.RemoveRange(level + 1, open.Count - level - 1);
            var node = new Node(member.Name, member.Type, member.Description, member.AllowedValues, Container(open[level].Json?.Get(member.Name)));
            open[level].Children.Add(node);
            if (node.Json is not null)
            {
                open.Add(node);
            }
        }

        var result = fields.Take(dataIndex).ToList();
        result.Add(data with { Type = data.Type is "" or "-" or "string" ? "object" : data.Type, Shape = root.Definition() });
        result.AddRange(after.Where(f => !members.Contains(f)));
        return result;
    }

    // The object whose members a row's children are: the value itself, or an array's first object.
    private static JsonValue? Container(JsonValue? value)
    {
        while (value?.Kind == JsonKind.Array)
        {
            value = value.Items.Count > 0 ? value.Items[0] : null;
        }

        return value?.Kind == JsonKind.Object && value.Members.Count > 0 ? value : null;
    }

    private sealed class Node
    {
        public Node(string name, string type, string description, EquatableArray<AllowedValue> allowed, JsonValue? json)
        {
            Name = name;
            Type = type;
            Description = description;
            Allowed = allowed;
            Json = json;
        }

        public string Name { get; }

        public string Type { get; }

        public string Description { get; }

        public EquatableArray<AllowedValue> Allowed { get; }

        public JsonValue? Json { get; }

        public List<Node> Children { get; } = new();

        public TypeDefinition Definition()
            => new(FieldTableReader.DefinitionName(Name, Type), Children.Select(Property).ToEquatableArray());

        private static TypeProperty Property(Node node)
        {
            if (node.Children.Count == 0)
            {
                return new TypeProperty(node.Name, node.Type, null, node.Description, node.Allowed);
            }

            var array = node.Type.EndsWith("[]", System.StringComparison.Ordinal) || node.Type is "list" or "array";
            return new TypeProperty(node.Name, array ? "array" : "object", node.Definition(), node.Description, node.Allowed);
        }
    }
}
