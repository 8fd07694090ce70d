using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using FeishuGen.Generator.Diagnostics;
using FeishuGen.Generator.Json;
using FeishuGen.Generator.Model;

namespace FeishuGen.Generator.Reading;

/// <summary>
/// Reads an event page (<c>## 事件</c> with a 事件体 table) in any of the three forms into an
/// <see cref="EventModel"/>. The event type comes from the 事件 table's 事件类型 row (portal and
/// Markdown forms), else from its first cell shaped like an event type (the cleaned form drops
/// the row labels), else from the example; the 事件体 table and example are read like a
/// response's.
/// </summary>
internal static class EventPageReader
{
    // im.message.receive_v1, contact.user.created_v3, approval_instance, leave_approvalV2.
    private static readonly Regex EventTypeShape = new(@"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*(V\d+)?$", RegexOptions.Compiled);

    /// <summary>Whether <paramref name="outline"/> is an event page: a 事件 section and a 事件体 table.</summary>
    public static bool IsEventPage(PageOutline outline)
        => outline.Find("事件", 2, 2) is not null && BodyHeading(outline) is not null;

    public static PageReadResult Read(string filePath, string text, PageOutline outline)
    {
        var diagnostics = new DiagnosticCollector();
        diagnostics.AddRange(PageReader.NotesOf(outline, filePath));
        var section = outline.Find("事件", 2, 2)!;
        var body = BodyHeading(outline)!;
        var table = outline.TableIn(section.Line + 1, outline.Take(section));
        table?.ReadWhole();
        var allRows = table is null ? new List<TableRow>() : table.Header is null ? table.Rows.ToList() : new[] { table.Header }.Concat(table.Rows).ToList();

        var fields = FieldTableReader.Read(outline, filePath, "事件体", body.Line + 1, outline.Take(body), false, diagnostics);
        var fence = ExampleFence(outline);
        var example = fence?.Content;
        var exampleJson = string.IsNullOrWhiteSpace(example) ? null : LenientJsonParser.TryParse(example!, out _);
        if (example is not null && exampleJson is null)
        {
            diagnostics.Report(DiagnosticDescriptors.InvalidResponseExample, new Place(filePath, fence!.Line, 0, 0), "the 事件体示例 is not JSON");
        }

        if (fence is not null)
        {
            fence.Use = Use.Read;
            SectionAccounting.CheckExample(exampleJson, fence, "事件体示例", outline, filePath, diagnostics);
        }

        SectionAccounting.Close(outline, filePath, diagnostics);
        var eventType = FromTable(allRows) ?? FromExample(exampleJson);
        if (eventType is null)
        {
            diagnostics.Report(DiagnosticDescriptors.EventTypeMissing, new Place(filePath, section.Line, 0, outline.Lines[section.Line].Length));
            return new PageReadResult(null, diagnostics.ToEquatableArray()) { Accounting = SectionAccounting.Count(outline) };
        }

        var title = outline.Headings.FirstOrDefault(h => h.Level <= 2 && h.Line < section.Line);
        var description = title is null ? string.Empty : FirstParagraph(outline, title.Line + 1, section.Line);
        var model = new EventModel(
            filePath.Replace('\\', '/'),
            title?.Text ?? System.IO.Path.GetFileNameWithoutExtension(filePath),
            description,
            eventType,
            IsLegacy(exampleJson, fields),
            BasicTable.Read(allRows).Scopes.ToEquatableArray(),
            fields.ToEquatableArray(),
            example);
        return new PageReadResult(null, diagnostics.ToEquatableArray(), section.Line, model) { Accounting = SectionAccounting.Count(outline) };
    }

    // '### 事件体' on most pages, '## 事件体' on some older ones; never the example's heading.
    private static Heading? BodyHeading(PageOutline outline) => outline.Find("事件体", 2, 4);

    private static CodeFence? ExampleFence(PageOutline outline)
    {
        var heading = outline.Find("事件体示例", 2, 5) ?? outline.Headings.FirstOrDefault(h => h.Text.StartsWith("事件体示例", StringComparison.Ordinal) || h.Text == "事件示例");
        return heading is null ? null : outline.FenceIn(heading.Line, outline.Take(heading));
    }

    private static string? FromTable(IReadOnlyList<TableRow> rows)
    {
        foreach (var row in rows)
        {
            if (row.Cells.Count >= 2 && PortalMarkup.Cell(row.Cells[0]).Trim() == "事件类型")
            {
                return Clean(row.Cells[1]);
            }
        }

        foreach (var row in rows)
        {
            foreach (var cell in row.Cells)
            {
                if (Clean(cell) is { } type)
                {
                    return type;
                }
            }
        }

        return null;
    }

    private static string? Clean(string cell)
    {
        var text = PortalMarkup.Cell(cell).Replace("`", string.Empty).Trim();
        return text.Length > 2 && EventTypeShape.IsMatch(text) && text.IndexOf('_') + text.IndexOf('.') > -2 ? text : null;
    }

    private static string? FromExample(JsonValue? example)
    {
        if (example?.Kind != JsonKind.Object)
        {
            return null;
        }

        var declared = example.Get("header")?.Get("event_type") ?? example.Get("event")?.Get("type");
        return declared?.Kind == JsonKind.String && declared.Text is { Length: > 0 } text ? text : null;
    }

    // Schema 1.0 envelopes carry uuid/ts/type at the top; 2.0 ones schema and header.
    private static bool IsLegacy(JsonValue? example, List<FieldModel> fields)
    {
        if (example?.Kind == JsonKind.Object)
        {
            if (example.Get("schema") is not null || example.Get("header") is not null)
            {
                return false;
            }

            if (example.Get("uuid") is not null)
            {
                return true;
            }
        }

        return fields.Any(f => f.Name == "uuid") && !fields.Any(f => f.Name == "header");
    }

    private static string FirstParagraph(PageOutline outline, int start, int end)
    {
        var lines = new List<string>();
        foreach (var raw in outline.CanonicalLines(start, end))
        {
            var line = raw.Trim();
            if (line.Length == 0 && lines.Count > 0)
            {
                break;
            }

            if (line.Length > 0 && !line.StartsWith("<", StringComparison.Ordinal) && !line.StartsWith(":::", StringComparison.Ordinal))
            {
                lines.Add(line);
            }
        }

        return PortalMarkup.Prose(string.Join("\n", lines));
    }
}
