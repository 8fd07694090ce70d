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
        PageOutline outline, string filePath, string tableName, int start, int end, bool alwaysRequired, DiagnosticCollector diagnostics, List<int>? rowLines = null)
    {
        var rows = PipeTableReader.ReadTable(outline.Lines, start, end, out var header);
        var fields = new List<FieldModel>();
        if (header is null)
        {
            return fields;
        }

        var columns = header.Cells.Count;
        var nameColumn = Column(header, 0, "参数名", "参数", "名称", "字段");
        // 格式 names the type on a few older pages, where 类型 then says where the parameter goes.
        var typeColumn = Column(header, -1, "类型", "格式", "数据类型", "参数类型");
        typeColumn = typeColumn >= 0 ? typeColumn : columns > 2 ? 1 : -1;
        var requiredColumn = Column(header, -1, "必填", "是否必填", "必须");
        var descriptionColumn = Column(header, columns - 1, "描述", "说明");

        var nested = new List<NestedRow>();
        var lines = new List<int>();
        foreach (var row in rows)
        {
            if (row.Cells.Count < columns)
            {
                diagnostics.Add(Diagnose(outline, filePath, row.Line, tableName, row.Cells.Count, columns));
                if (row.Cells.Count < 2)
                {
                    continue;
                }
            }

            var cells = PipeTableReader.Normalize(row.Cells, columns);
            var depth = NestingDepth(cells[nameColumn]);
            var name = StripMarkup(cells[nameColumn].Replace("&emsp;", string.Empty).Replace("&nbsp;", string.Empty).Replace("∟", string.Empty).Replace("└", string.Empty));
            if (name.Length == 0)
            {
                continue;
            }

            // Older pages list members of an object field below it, indented with '&emsp;∟'.
            if (depth > 0)
            {
                var cell = CellParser.Parse(cells[descriptionColumn]);
                nested.Add(new NestedRow(depth, name, TypeCell(cells, typeColumn), cell.Description, cell.AllowedValues, row.Line, IsRequired(cells, requiredColumn)));
                continue;
            }

            FlushNested(fields, nested, tableName, outline, filePath, diagnostics);

            var type = TypeCell(cells, typeColumn);
            var required = alwaysRequired || IsRequired(cells, requiredColumn);
            var content = CellParser.Parse(cells[descriptionColumn]);
            lines.Add(row.Line);
            fields.Add(new FieldModel(
                name, type, required, content.Description, content.Example, content.Default,
                content.AllowedValues, content.Rules, null));
        }

        FlushNested(fields, nested, tableName, outline, filePath, diagnostics);
        for (var i = 0; i < fields.Count; i++)
        {
            TypeCellCheck.Report(tableName, fields[i].Name, fields[i].Type, fields[i].Shape is not null, lines[i], outline, filePath, diagnostics);
        }

        rowLines?.AddRange(lines);
        return fields;
    }

    private sealed record NestedRow(int Depth, string Name, string Type, string Description, EquatableArray<AllowedValue> AllowedValues, int Line, bool Required);

    // 必填: 是 on Chinese pages; yes or true on pages in English.
    private static bool IsRequired(IReadOnlyList<string> cells, int column)
        => column >= 0 && StripMarkup(cells[column]) is var cell && (cell == "是" || cell.Equals("yes", StringComparison.OrdinalIgnoreCase) || cell.Equals("true", StringComparison.OrdinalIgnoreCase));

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
    private static void FlushNested(List<FieldModel> fields, List<NestedRow> nested, string tableName, PageOutline outline, string filePath, DiagnosticCollector diagnostics)
    {
        if (nested.Count == 0)
        {
            return;
        }

        for (var i = 0; i < nested.Count; i++)
        {
            var hasMembers = i + 1 < nested.Count && nested[i + 1].Depth > nested[i].Depth;
            TypeCellCheck.Report("nested", nested[i].Name, nested[i].Type, hasMembers, nested[i].Line, outline, filePath, diagnostics);
        }

        if (fields.Count > 0)
        {
            var index = 0;
            var owner = fields[fields.Count - 1];
            fields[fields.Count - 1] = owner with { Shape = Build(DefinitionName(owner.Name, owner.Type), nested, ref index, 1) };
        }

        nested.Clear();
    }

    private static TypeDefinition Build(string name, List<NestedRow> rows, ref int index, int depth)
    {
        var properties = new List<TypeProperty>();
        while (index < rows.Count && rows[index].Depth >= depth)
        {
            var row = rows[index++];
            var child = index < rows.Count && rows[index].Depth > row.Depth ? Build(DefinitionName(row.Name, row.Type), rows, ref index, row.Depth + 1) : null;
            // A declared primitive stays one: rows nested below it are a fault of the table, not members.
            var declared = PageTypes.Parse(row.Type);
            var primitive = declared.IsScalar;
            var type = child is null || primitive ? row.Type : declared.IsArray ? "array" : "object";
            child = primitive ? null : child;
            properties.Add(new TypeProperty(row.Name, type, child, row.Description, row.AllowedValues, row.Required));
        }

        return new TypeDefinition(name, properties.ToEquatableArray());
    }

    // Nested records are named from the table's types (event_sender, tree_child[] → tree_child), as
    // the cleaned form's 类型额外说明 tree names them; a row typed only object, array or '-' lends its field name.
    // Only a plain name (tree_child, tree_child[]) lends its name: list<Item> keeps the field's, so
    // that a page's generic spelling does not merge its record with another page's 'Item'.
    private static string DefinitionName(string fieldName, string declaredType)
    {
        var type = declaredType.Replace("[]", string.Empty).Trim();
        var declared = PageTypes.Parse(type);
        return declared.Kind == PageTypeKind.Named && declared.Name == type && type.Length > 1 ? type : fieldName;
    }

    // A table without a type column (参数 | 说明) types nothing: the examples do.
    private static string TypeCell(IReadOnlyList<string> cells, int column) => column >= 0 ? StripMarkup(cells[column]) : string.Empty;

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
        => System.Net.WebUtility.HtmlDecode(cell).Replace("`", string.Empty).Replace("*", string.Empty).Replace("\\_", "_").Replace("\\[", "[").Replace("\\]", "]").Trim();

    private static DiagnosticInfo Diagnose(PageOutline outline, string filePath, int line, string table, int found, int expected)
        => DiagnosticCollector.Make(DiagnosticDescriptors.MalformedTableRow, new Place(filePath, line, 0, outline.Lines[line].Length),
            table, found.ToString(System.Globalization.CultureInfo.InvariantCulture), expected.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
