using System;
using System.Collections.Generic;
using System.Linq;
using FeishuGen.Generator.Diagnostics;
using FeishuGen.Generator.Model;

namespace FeishuGen.Generator.Reading;

/// <summary>
/// Reads a parameter table (路径参数, 查询参数 or 请求体) into fields. Columns are found by their
/// header (参数名, 类型, 必填, 描述) because path tables have no 必填 column.
/// </summary>
internal static class FieldTableReader
{
    public static List<FieldModel> Read(
        PageOutline outline, string filePath, string tableName, int start, int end, bool alwaysRequired, List<DiagnosticInfo> diagnostics, List<int>? rowLines = null)
    {
        var table = outline.TableIn(start, end);
        var fields = new List<FieldModel>();
        if (table?.Header is not { } header)
        {
            return fields;
        }

        var rows = table.Rows;
        table.Use = Use.Read;
        var columns = header.Cells.Count;
        var nameColumn = Column(header, 0, "参数名", "参数", "名称", "字段");
        // A table of names and descriptions only (参数 | 说明) has no type column: the example types its members.
        var typeColumn = Column(header, columns > 2 ? 1 : -1, "类型");
        var requiredColumn = Column(header, -1, "必填", "是否必填", "必须");
        var descriptionColumn = Column(header, columns - 1, "描述", "说明");
        var owners = new List<int>();

        var nested = new List<NestedRow>();
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            if (row.Cells.Count < columns)
            {
                diagnostics.Add(Diagnose(outline, filePath, row.Line, tableName, row.Cells.Count, columns));
                if (row.Cells.Count < 2)
                {
                    table.RowUses[r] = Use.Reported;
                    continue;
                }
            }

            var cells = PipeRow.Normalize(row.Cells, columns);
            var depth = NestingDepth(cells[nameColumn]);
            var (name, requiredInName) = NameCell(cells[nameColumn]);
            if (name.Length == 0 || !IsFieldName(name))
            {
                // A row of all empty cells holds nothing to lose; any other is counted as not read.
                if (cells.All(c => c.Trim().Length == 0))
                {
                    table.RowUses[r] = Use.Read;
                }

                continue;
            }

            var type = typeColumn >= 0 ? StripMarkup(cells[typeColumn]) : string.Empty;

            // Older pages list members of an object field below it, indented with '&emsp;∟'.
            if (depth > 0)
            {
                var cell = CellParser.Parse(cells[descriptionColumn]);
                nested.Add(new NestedRow(depth, name, type, cell.Description, cell.AllowedValues, r));
                continue;
            }

            FlushNested(fields, nested, table);

            var required = alwaysRequired || requiredInName || (requiredColumn >= 0 && cells[requiredColumn].Trim() == "是");
            var content = CellParser.Parse(cells[descriptionColumn]);
            rowLines?.Add(row.Line);
            table.RowUses[r] = Use.Read;
            fields.Add(new FieldModel(
                name, type, required, content.Description, content.Example, content.Default,
                content.AllowedValues, content.Rules, null));
        }

        FlushNested(fields, nested, table);
        ReportRowsNotRead(outline, filePath, tableName, table, diagnostics);

        // A row without a type is an object when rows are nested below it, a string otherwise.
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i].Type.Length == 0)
            {
                fields[i] = fields[i] with { Type = fields[i].Shape is null ? "string" : "object" };
            }
        }

        return fields;
    }

    // The name cell may carry the required mark after a break ('approval_code<br>必选', 'content 必选').
    private static (string Name, bool Required) NameCell(string cell)
    {
        var name = StripMarkup(cell.Replace("&emsp;", string.Empty).Replace("&nbsp;", string.Empty).Replace("∟", string.Empty).Replace("└", string.Empty));
        name = name.IndexOf("<br", StringComparison.OrdinalIgnoreCase) >= 0 ? Break.Replace(name, " ").Trim() : name;
        var space = name.IndexOfAny(new[] { ' ', '\t', '\u00a0' });
        if (space < 0)
        {
            return (name, false);
        }

        var rest = name.Substring(space).Trim();
        return rest is "必选" or "必填" or "required" or "可选" or "选填" or "optional"
            ? (name.Substring(0, space), rest is "必选" or "必填" or "required")
            : (name, false);
    }

    // A name starts like an identifier: rows such as '================ | 以下字段适用于…' are prose inside the table.
    private static bool IsFieldName(string name) => FieldName.IsMatch(name);

    private static readonly System.Text.RegularExpressions.Regex FieldName = new(@"^[A-Za-z_$@][^=<>|]*$", System.Text.RegularExpressions.RegexOptions.Compiled);

    private static readonly System.Text.RegularExpressions.Regex Break = new(@"<br\s*/?>", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.Compiled);

    // A table that reads fewer rows than it has says which, at its first line.
    private static void ReportRowsNotRead(PageOutline outline, string filePath, string tableName, PageTable table, List<DiagnosticInfo> diagnostics)
    {
        var missed = new List<int>();
        for (var r = 0; r < table.Rows.Count; r++)
        {
            if (table.RowUses[r] == Use.None)
            {
                missed.Add(r);
                table.RowUses[r] = Use.Reported;
            }
        }

        if (missed.Count == 0)
        {
            return;
        }

        var lines = string.Join(", ", missed.Take(5).Select(r => "line " + (table.Rows[r].Line + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)))
            + (missed.Count > 5 ? ", …" : string.Empty);
        var line = table.Rows[missed[0]].Line;
        diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.RowsNotRead.Id, filePath, line, 0, outline.Lines[line].Length, new[]
        {
            tableName, Number(table.Rows.Count), Number(table.Rows.Count - missed.Count), lines,
        }.ToEquatableArray()));
    }

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private sealed record NestedRow(int Depth, string Name, string Type, string Description, EquatableArray<AllowedValue> AllowedValues, int Row);

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    // Older pages indent with '&emsp;' per level or a '∟'; standard Markdown writes '&nbsp;&nbsp;' per
    // level before a '└' ('└└' on a few rows without spaces).
    private static int NestingDepth(string cell)
    {
        var corner = cell.IndexOf('└');
        if (corner >= 0)
        {
            var spaces = Count(cell.Substring(0, corner), "&nbsp;") / 2;
            var corners = cell.Length - cell.Replace("└", string.Empty).Length;
            return System.Math.Max(spaces, corners);
        }

        var depth = 0;
        for (var at = cell.IndexOf("&emsp;", StringComparison.Ordinal); at >= 0; at = cell.IndexOf("&emsp;", at + 1, StringComparison.Ordinal))
        {
            depth++;
        }

        return depth == 0 && cell.IndexOf('∟') >= 0 ? 1 : depth;
    }

    // Gives the last top-level field the shape its indented rows describe.
    private static void FlushNested(List<FieldModel> fields, List<NestedRow> nested, PageTable table)
    {
        if (nested.Count == 0)
        {
            return;
        }

        // Rows nested below a field declared as a primitive are a fault of the table: counted as not read.
        if (fields.Count > 0 && !IsPrimitive(fields[fields.Count - 1].Type))
        {
            var index = 0;
            var owner = fields[fields.Count - 1];
            fields[fields.Count - 1] = owner with { Shape = Build(DefinitionName(owner.Name, owner.Type), nested, ref index, 1, table) };
        }

        nested.Clear();
    }

    private static TypeDefinition Build(string name, List<NestedRow> rows, ref int index, int depth, PageTable table)
    {
        var properties = new List<TypeProperty>();
        while (index < rows.Count && rows[index].Depth >= depth)
        {
            var row = rows[index++];
            table.RowUses[row.Row] = Use.Read;
            var first = index;
            var child = index < rows.Count && rows[index].Depth > row.Depth ? Build(DefinitionName(row.Name, row.Type), rows, ref index, row.Depth + 1, table) : null;
            // A declared primitive stays one: rows nested below it are a fault of the table, not members.
            var primitive = IsPrimitive(row.Type);
            var type = child is null || primitive ? row.Type : row.Type.IndexOf("[]", StringComparison.Ordinal) >= 0 || row.Type is "list" or "array" ? "array" : "object";
            if (primitive && child is not null)
            {
                // Not members: counted as rows not read.
                for (var i = first; i < index; i++)
                {
                    table.RowUses[rows[i].Row] = Use.None;
                }

                child = null;
            }

            properties.Add(new TypeProperty(row.Name, type, child, row.Description, row.AllowedValues));
        }

        return new TypeDefinition(name, properties.ToEquatableArray());
    }

    private static bool IsPrimitive(string type)
        => type.ToLowerInvariant() is "string" or "int" or "integer" or "int32" or "int64" or "long" or "boolean" or "bool" or "number" or "float" or "double";

    // Nested records are named from the table's types (event_sender, tree_child[] → tree_child), as
    // the cleaned form's 类型额外说明 tree names them; a row typed only object, array or '-' lends its field name.
    internal static string DefinitionName(string fieldName, string declaredType)
    {
        var type = declaredType.Replace("[]", string.Empty).Trim();
        var named = type.Length > 1 && char.IsLetter(type[0]) && type.All(c => char.IsLetterOrDigit(c) || c == '_' || c == '.')
            && !(type.ToLowerInvariant() is "object" or "array" or "list" or "map" or "struct" or "json" or "string" or "int" or "integer"
                or "int32" or "int64" or "long" or "boolean" or "bool" or "number" or "float" or "double" or "undefined");
        return named ? type : fieldName;
    }

    private static int Column(TableRow header, int fallback, params string[] names)
    {
        for (var i = 0; i < header.Cells.Count; i++)
        {
            foreach (var name in names)
            {
                if (header.Cells[i].Trim() == name)
                {
                    return i;
                }
            }
        }

        return fallback;
    }

    // Cells may escape Markdown punctuation: string\[\] is string[], page\_size is page_size.
    private static string StripMarkup(string cell)
    {
        var text = cell.IndexOf('&') >= 0 ? System.Net.WebUtility.HtmlDecode(cell) : cell;
        text = text.IndexOf('`') >= 0 ? text.Replace("`", string.Empty) : text;
        text = text.IndexOf('*') >= 0 ? text.Replace("*", string.Empty) : text;
        return (text.IndexOf('\\') >= 0 ? text.Replace("\\_", "_").Replace("\\[", "[").Replace("\\]", "]") : text).Trim();
    }

    private static DiagnosticInfo Diagnose(PageOutline outline, string filePath, int line, string table, int found, int expected)
        => new(DiagnosticDescriptors.MalformedTableRow.Id, filePath, line, 0, outline.Lines[line].Length,
            new[] { table, found.ToString(System.Globalization.CultureInfo.InvariantCulture), expected.ToString(System.Globalization.CultureInfo.InvariantCulture) }.ToEquatableArray());
}
