using System.Collections.Generic;
using System.Text.RegularExpressions;
using FeishuGen.Generator.Model;

namespace FeishuGen.Generator.Reading;

/// <summary>
/// Reads the 类型额外说明 tree: '- **name** 类型说明:' opens a type, '基本属性:' is followed by a
/// line of 'field: type &lt;br&gt;' pairs, '- **field** (object|array):' opens a complex property
/// whose one child is the next type definition. Nesting is by indentation alone, so the reader
/// keeps a stack of open definitions and properties keyed by indent.
/// </summary>
internal static class TypeTreeReader
{
    private static readonly Regex TypeLine = new(@"^(\s*)[-*+]\s+\*\*(.+?)\*\*\s*类型说明\s*[:：]?\s*$", RegexOptions.Compiled);
    private static readonly Regex PropertyLine = new(@"^(\s*)[-*+]\s+\*\*(.+?)\*\*\s*\((\w+)\)\s*[:：]?\s*$", RegexOptions.Compiled);
    private static readonly Regex PrimitivePair = new(@"([A-Za-z_$@][\w.\-$@]*)\s*:\s*([\w.\[\]]+)", RegexOptions.Compiled);

    /// <summary>The top-level definitions found in lines [start, end), in page order.</summary>
    public static List<TypeDefinition> Read(string[] lines, int start, int end)
    {
        var roots = new List<DefinitionBuilder>();
        var stack = new List<Frame>();
        for (var i = start; i < end; i++)
        {
            var line = lines[i].Replace("\t", "    ");
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var indent = line.Length - line.TrimStart().Length;
            var typeMatch = TypeLine.Match(line);
            if (typeMatch.Success)
            {
                PopTo(stack, indent);
                var definition = new DefinitionBuilder(typeMatch.Groups[2].Value.Trim());
                if (stack.Count > 0 && stack[stack.Count - 1].Property is { Child: null } open)
                {
                    open.Child = definition;
                }
                else
                {
                    roots.Add(definition);
                }

                stack.Add(new Frame(indent, definition, null));
                continue;
            }

            var propertyMatch = PropertyLine.Match(line);
            if (propertyMatch.Success)
            {
                PopTo(stack, indent);
                var owner = NearestDefinition(stack);
                if (owner is null)
                {
                    continue;
                }

                var property = new PropertyBuilder(propertyMatch.Groups[2].Value.Trim(), propertyMatch.Groups[3].Value);
                owner.Properties.Add(property);
                stack.Add(new Frame(indent, null, property));
                continue;
            }

            if (line.TrimStart().StartsWith("基本属性", System.StringComparison.Ordinal))
            {
                continue;
            }

            PopTo(stack, indent);
            var target = NearestDefinition(stack);
            if (target is null)
            {
                continue;
            }

            foreach (Match pair in PrimitivePair.Matches(line))
            {
                target.Properties.Add(new PropertyBuilder(pair.Groups[1].Value, pair.Groups[2].Value));
            }
        }

        var result = new List<TypeDefinition>(roots.Count);
        foreach (var root in roots)
        {
            result.Add(root.Build());
        }

        return result;
    }

    private static void PopTo(List<Frame> stack, int indent)
    {
        while (stack.Count > 0 && stack[stack.Count - 1].Indent >= indent)
        {
            stack.RemoveAt(stack.Count - 1);
        }
    }

    private static DefinitionBuilder? NearestDefinition(List<Frame> stack)
    {
        for (var i = stack.Count - 1; i >= 0; i--)
        {
            if (stack[i].Definition is { } definition)
            {
                return definition;
            }

            // A property's own child owns what is nested below it, not the property's parent.
            if (stack[i].Property is { Child: { } child })
            {
                return child;
            }
        }

        return null;
    }

    private sealed record Frame(int Indent, DefinitionBuilder? Definition, PropertyBuilder? Property);

    private sealed class DefinitionBuilder
    {
        public DefinitionBuilder(string name) => Name = name;

        public string Name { get; }

        public List<PropertyBuilder> Properties { get; } = new();

        public TypeDefinition Build()
        {
            var properties = new List<TypeProperty>(Properties.Count);
            var seen = new HashSet<string>();
            foreach (var property in Properties)
            {
                if (seen.Add(property.Name))
                {
                    properties.Add(new TypeProperty(property.Name, property.Type, property.Child?.Build()));
                }
            }

            return new TypeDefinition(Name, properties.ToEquatableArray());
        }
    }

    private sealed class PropertyBuilder
    {
        public PropertyBuilder(string name, string type)
        {
            Name = name;
            Type = type;
        }

        public string Name { get; }

        public string Type { get; }

        public DefinitionBuilder? Child { get; set; }
    }
}
