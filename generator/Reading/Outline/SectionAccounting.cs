using System.Collections.Generic;
using System.Globalization;
using FeishuGen.Generator.Diagnostics;
using FeishuGen.Generator.Json;
using FeishuGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace FeishuGen.Generator.Reading;

/// <summary>
/// Nothing in a section the reader takes goes missing without a word. The readers mark the
/// tables, rows and fenced blocks they read, and report the ones they leave with their own
/// diagnostic; the closing check reports whatever is left in a section read (FSG0025, FSG0023)
/// and counts it as unexplained, which the corpus check holds at zero. Tables and blocks outside
/// the sections read are prose (guides, notes, code samples).
/// </summary>
internal static class SectionAccounting
{
    public static void Close(PageOutline outline, string filePath, DiagnosticCollector diagnostics)
    {
        foreach (var table in outline.Tables)
        {
            if (SectionOf(outline, table.Line) is not { } section)
            {
                continue;
            }

            if (table.Use == Use.None)
            {
                // The readers take a section's first table; one after it is reported as such, anything else is unexplained.
                table.Use = Use.Reported;
                outline.Unexplained += Taken(outline, section, table.Line, tables: true) ? 0 : 1;
                diagnostics.Add(At(outline, filePath, DiagnosticDescriptors.BlockNotRead, table.Line, "table", section, "table"));
                for (var r = 0; r < table.RowUses.Length; r++)
                {
                    table.RowUses[r] = Use.Reported;
                }

                continue;
            }

            var missed = new List<int>();
            for (var r = 0; r < table.RowUses.Length; r++)
            {
                if (table.RowUses[r] == Use.None)
                {
                    table.RowUses[r] = Use.Reported;
                    missed.Add(table.Rows[r].Line + 1);
                }
            }

            if (missed.Count > 0)
            {
                outline.Unexplained++;
                diagnostics.Add(At(outline, filePath, DiagnosticDescriptors.RowsNotRead, missed[0] - 1,
                    section, Number(table.Rows.Count), Number(table.Rows.Count - missed.Count), "line " + string.Join(", line ", missed)));
            }
        }

        foreach (var fence in outline.Fences)
        {
            if (fence.Use == Use.None && !IsSample(fence) && SectionOf(outline, fence.Line) is { } section)
            {
                // The readers take a section's first example, or its table: a block beside either is reported as such, anything else is unexplained.
                fence.Use = Use.Reported;
                outline.Unexplained += Taken(outline, section, fence.Line, tables: false) || Taken(outline, section, int.MaxValue, tables: true) ? 0 : 1;
                diagnostics.Add(At(outline, filePath, DiagnosticDescriptors.BlockNotRead, fence.Line, "fenced block", section, "example"));
            }
        }
    }

    /// <summary>Reports an example that parsed (or is empty) but gives the model no member: it cannot be the page's reply.</summary>
    public static void CheckExample(JsonValue? json, CodeFence fence, string what, PageOutline outline, string filePath, DiagnosticCollector diagnostics)
    {
        var why = string.IsNullOrWhiteSpace(fence.Content) ? "it is empty"
            : json is null ? null
            : json.Kind != JsonKind.Object ? "it is not a JSON object"
            : json.Members.Count == 0 ? "it is an empty object"
            : null;
        if (why is not null)
        {
            diagnostics.Add(At(outline, filePath, DiagnosticDescriptors.ExampleWithoutMembers, fence.Line, what, why));
        }
    }

    public static PageAccounting Count(PageOutline outline)
    {
        int tablesRead = 0, tablesReported = 0, rows = 0, rowsRead = 0, rowsReported = 0, fencesRead = 0, fencesReported = 0;
        foreach (var table in outline.Tables)
        {
            tablesRead += table.Use == Use.Read ? 1 : 0;
            tablesReported += table.Use == Use.Reported ? 1 : 0;
            if (table.Use == Use.None)
            {
                continue;
            }

            foreach (var use in table.RowUses)
            {
                rows++;
                rowsRead += use == Use.Read ? 1 : 0;
                rowsReported += use == Use.Reported ? 1 : 0;
            }
        }

        foreach (var fence in outline.Fences)
        {
            fencesRead += fence.Use == Use.Read ? 1 : 0;
            fencesReported += fence.Use == Use.Reported ? 1 : 0;
        }

        return new PageAccounting(outline.Tables.Count, tablesRead, tablesReported, rows, rowsRead, rowsReported,
            outline.Fences.Count, fencesRead, fencesReported, outline.Unexplained);
    }

    // Code samples (Go, Java, curl...) name the SDK and show the wire; they are no example of the section they sit in.
    private static bool IsSample(CodeFence fence)
    {
        if (fence.Content.TrimStart().StartsWith("curl", System.StringComparison.Ordinal))
        {
            return true;
        }

        var info = fence.Info.Split(' ')[0].ToLowerInvariant();
        return info is not ("" or "json" or "json5" or "jsonc" or "text" or "plain");
    }

    // Whether a reader took a table (or a fence) of the same section before line.
    private static bool Taken(PageOutline outline, string section, int line, bool tables)
    {
        if (tables)
        {
            return outline.Tables.Exists(t => t.Line < line && t.Use == Use.Read && SectionOf(outline, t.Line) == section);
        }

        return outline.Fences.Exists(f => f.Line < line && f.Use == Use.Read && SectionOf(outline, f.Line) == section);
    }

    private static string? SectionOf(PageOutline outline, int line)
    {
        foreach (var (name, start, end) in outline.SectionsRead)
        {
            if (line >= start && line < end)
            {
                return name;
            }
        }

        return null;
    }

    private static DiagnosticInfo At(PageOutline outline, string filePath, DiagnosticDescriptor descriptor, int line, params string[] args)
        => DiagnosticCollector.Make(descriptor, new Place(filePath, line, 0, outline.Lines[line].Length), args);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
