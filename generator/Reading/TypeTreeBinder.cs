using System.Collections.Generic;
using FeishuGen.Generator.Json;
using FeishuGen.Generator.Model;

namespace FeishuGen.Generator.Reading;

/// <summary>
/// Pairs top-level body fields with the top-level definitions of the 类型额外说明 tree. A
/// 'name[]' field takes the definition called 'name'. An 'object' field has no name to go by:
/// the page lists definitions in field order, but not always, so when the request example shows
/// the field's keys the definition that shares most of them wins, and order decides otherwise.
/// </summary>
internal static class TypeTreeBinder
{
    public static List<FieldModel> Bind(IReadOnlyList<FieldModel> fields, IReadOnlyList<TypeDefinition> roots, JsonValue? example)
    {
        var claimed = new bool[roots.Count];
        var shapes = new TypeDefinition?[fields.Count];

        for (var f = 0; f < fields.Count; f++)
        {
            if (fields[f].Shape is not null)
            {
                continue;
            }

            var declared = PageTypes.Parse(fields[f].Type);
            if (declared.IsArray && !declared.Item!.IsScalar)
            {
                var index = FindByName(roots, claimed, declared.Item.Name ?? declared.Item.Spelling);
                if (index >= 0)
                {
                    claimed[index] = true;
                    shapes[f] = roots[index];
                }
            }
        }

        for (var f = 0; f < fields.Count; f++)
        {
            if (shapes[f] is not null || fields[f].Shape is not null || !NeedsShape(fields[f].Type))
            {
                continue;
            }

            var index = BestByExample(roots, claimed, ExampleObject(example, fields[f].Name));
            if (index < 0)
            {
                index = FindByName(roots, claimed, fields[f].Name);
            }

            if (index < 0)
            {
                index = FirstUnclaimed(claimed);
            }

            if (index >= 0)
            {
                claimed[index] = true;
                shapes[f] = roots[index];
            }
        }

        var result = new List<FieldModel>(fields.Count);
        for (var f = 0; f < fields.Count; f++)
        {
            result.Add(shapes[f] is null ? fields[f] : fields[f] with { Shape = shapes[f] });
        }

        return result;
    }

    private static bool NeedsShape(string type)
    {
        var declared = PageTypes.Parse(type);
        return declared.Kind == PageTypeKind.Object || (declared.IsArray && !declared.Item!.IsScalar && declared.Item.Kind != PageTypeKind.Undefined);
    }

    private static int FindByName(IReadOnlyList<TypeDefinition> roots, bool[] claimed, string name)
    {
        for (var i = 0; i < roots.Count; i++)
        {
            if (!claimed[i] && roots[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }

    private static int FirstUnclaimed(bool[] claimed)
    {
        for (var i = 0; i < claimed.Length; i++)
        {
            if (!claimed[i])
            {
                return i;
            }
        }

        return -1;
    }

    private static int BestByExample(IReadOnlyList<TypeDefinition> roots, bool[] claimed, JsonValue? value)
    {
        if (value is null || value.Kind != JsonKind.Object || value.Members.Count == 0)
        {
            return -1;
        }

        var best = -1;
        var bestScore = 0;
        for (var i = 0; i < roots.Count; i++)
        {
            if (claimed[i])
            {
                continue;
            }

            var score = 0;
            foreach (var member in value.Members)
            {
                foreach (var property in roots[i].Properties)
                {
                    if (property.Name == member.Key)
                    {
                        score++;
                        break;
                    }
                }
            }

            if (score > bestScore)
            {
                best = i;
                bestScore = score;
            }
        }

        return best;
    }

    private static JsonValue? ExampleObject(JsonValue? example, string field)
    {
        var value = example?.Kind == JsonKind.Object ? example.Get(field) : null;
        while (value is { Kind: JsonKind.Array, Items.Count: > 0 })
        {
            value = value.Items[0];
        }

        return value;
    }
}
