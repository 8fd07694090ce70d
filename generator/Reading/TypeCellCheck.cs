using System.Collections.Generic;
using FeishuGen.Generator.Diagnostics;
using FeishuGen.Generator.Model;

namespace FeishuGen.Generator.Reading;

/// <summary>
/// Reports, at the row, a type cell that the vocabulary (<see cref="PageTypes"/>) cannot turn
/// into the type the page means, so that no field quietly becomes a string or a bare JSON value:
/// text that is no type, an empty cell with no members below it, and, on the URL (path and query
/// parameters), a type that is neither a scalar nor a list of scalars.
/// </summary>
internal static class TypeCellCheck
{
    /// <summary>The tables whose values travel on the URL as text.</summary>
    public static bool IsUrlTable(string table) => table is "路径参数" or "查询参数" or "请求参数";

    /// <summary>What the field is generated as when its cell is a fallback; null when the cell is understood.</summary>
    public static string? Fallback(string typeCell, bool onUrl, bool hasMembers)
    {
        var type = PageTypes.Parse(typeCell);
        if (onUrl)
        {
            var understood = type.IsScalar || (type.IsArray && (type.Item!.IsScalar || type.Item.Kind == PageTypeKind.Undefined));
            return understood ? null : type.IsArray ? "a list of strings" : "a string";
        }

        return type.Kind switch
        {
            PageTypeKind.Unknown => "a JSON value (JsonNode)",
            PageTypeKind.Empty when !hasMembers => "typed from the example where it shows the value, else a JSON value (JsonNode)",
            _ => null,
        };
    }

    public static void Report(string table, string name, string typeCell, bool hasMembers, int line, PageOutline outline, string filePath, DiagnosticCollector diagnostics)
    {
        if (Fallback(typeCell, IsUrlTable(table), hasMembers) is not { } generatedAs)
        {
            return;
        }

        var text = line < outline.Lines.Length ? outline.Lines[line] : string.Empty;
        var column = System.Math.Max(0, text.IndexOf(name, System.StringComparison.Ordinal));
        diagnostics.Report(DiagnosticDescriptors.UnknownType, new Place(filePath, line, column, name.Length), name, PageTypes.Clean(typeCell), generatedAs);
    }
}
