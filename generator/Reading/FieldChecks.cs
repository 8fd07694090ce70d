using System.Collections.Generic;
using FeishuGen.Generator.Diagnostics;
using FeishuGen.Generator.Json;
using FeishuGen.Generator.Model;

namespace FeishuGen.Generator.Reading;

/// <summary>
/// Reports, at the field's row, body fields whose type the page leaves open: 'undefined[]' with
/// no example showing the items, and 'object' with neither a definition nor an example.
/// </summary>
internal static class FieldChecks
{
    public static void Report(IReadOnlyList<FieldModel> fields, IReadOnlyList<int> lines, JsonValue? example, string filePath, PageOutline outline, DiagnosticCollector diagnostics)
    {
        for (var i = 0; i < fields.Count && i < lines.Count; i++)
        {
            var field = fields[i];
            var value = example?.Kind == JsonKind.Object ? example.Get(field.Name) : null;
            var line = lines[i];
            var column = System.Math.Max(0, outline.Lines[line].IndexOf(field.Name, System.StringComparison.Ordinal));
            if (field.Type == "undefined[]" && value is not { Kind: JsonKind.Array, Items.Count: > 0 } && !CellShowsItems(field.Example))
            {
                diagnostics.Report(DiagnosticDescriptors.UnknownItemType, new Place(filePath, line, column, field.Name.Length), field.Name, field.Type);
            }
            else if (field.Type == "object" && field.Shape is null && value is not { Kind: JsonKind.Object, Members.Count: > 0 })
            {
                diagnostics.Report(DiagnosticDescriptors.MissingTypeDefinition, new Place(filePath, line, column, field.Name.Length), field.Name, field.Type);
            }
        }
    }

    private static bool CellShowsItems(string? example) => example is { Length: > 0 } && example.Trim() != "[]";
}
