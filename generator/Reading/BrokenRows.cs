using System;
using System.Collections.Generic;
using System.Linq;
using FeishuGen.Generator.Model;

namespace FeishuGen.Generator.Reading;

/// <summary>
/// Judges a parameter-table row that has fewer cells than its header: does the field it gives
/// differ from the one the row's own text gives when read intact? Its text after the name, split
/// at spaces, is what the row meant (<c>| result | string 是 背调结果 |</c>: the type string,
/// required, then the description). A difference in the API (the type falls back or changes, the
/// required flag is lost, the field is lost) is a warning (FSG0026); a row that only lost its prose
/// keeps the note FSG0004.
/// </summary>
internal static class BrokenRows
{
    /// <summary>What the short row changes in the API, in words; null when it changes only prose.</summary>
    public static string? ApiChange(
        IReadOnlyList<string> cells, int nameColumn, int typeColumn, int requiredColumn, bool onUrl, bool hasMembers, string type, bool required)
    {
        var words = Words(cells, nameColumn);
        var intactType = typeColumn >= 0 && words.Count > 0 ? words[0] : null;
        // Read intact, the word after the type is the 必填 cell, judged as the reader judges that cell.
        var intactRequired = requiredColumn >= 0 && words.Count > 1 && FieldCells.IsRequiredMark(words[1]);

        var changes = new List<string>();
        if (TypeCellCheck.Fallback(type, onUrl, hasMembers) is { } fallback)
        {
            changes.Add(intactType is not null && TypeCellCheck.Fallback(intactType, onUrl, hasMembers) is null
                ? $"its type reads as '{PageTypes.Clean(type)}' and falls back to {fallback}, where the row's text gives the type '{intactType}'"
                : $"its type falls back to {fallback}");
        }
        else if (intactType is not null && TypeCellCheck.Fallback(intactType, onUrl, hasMembers) is null
            && PageTypes.Parse(intactType).Kind != PageTypes.Parse(type).Kind)
        {
            changes.Add($"it is typed '{PageTypes.Clean(type)}' where the row's text gives the type '{intactType}'");
        }

        if (intactRequired && !required)
        {
            changes.Add($"it is optional where the row's text says '{words[1]}'");
        }

        return changes.Count == 0 ? null : string.Join("; ", changes);
    }

    /// <summary>What a row too short to name a field loses: the field itself.</summary>
    public const string FieldLost = "no field is generated from it";

    // The row's words after its name, as the row would read with its separators in place.
    private static List<string> Words(IReadOnlyList<string> cells, int nameColumn)
    {
        var text = string.Join(" ", cells.Where((_, i) => i != nameColumn));
        return LineBreaks.Tag.Replace(text, " ")
            .Split(new[] { ' ', '\t', '\u00a0' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(FieldCells.StripMarkup)
            .Where(w => w.Length > 0)
            .ToList();
    }
}
