using System;
using System.Collections.Generic;
using System.Linq;
using FeishuGen.Generator.Diagnostics;
using FeishuGen.Generator.Model;

namespace FeishuGen.Generator.Reading;

/// <summary>
/// Reads a parameter table (路径参数, 查询参数 or 请求体) into fields. Columns are found by their
/// header (参数名, 类型, 必填, 描述) because path tables have no 必填 column. Every row is either read
/// or reported (<see cref="ReportRowsNotRead"/>), so the section accounting can close the table.
/// </summary>
internal static class FieldTableReader
{
    public static List<FieldModel> Read(
        PageOutline outline, string filePath, string tableName, int start, int end, bool alwaysRequired, DiagnosticCollector diagnostics, List<int>? rowLines = null)
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
        // 格式 names the type on a few older pages, where 类型 then says where the parameter goes. A
        // table of names and descriptions only (参数 | 说明) has no type column: the example types its members.
        var typeColumn = Column(header, -1, "类型", "格式", "数据类型", "参数类型");
        typeColumn = typeColumn >= 0 ? typeColumn : columns > 2 ? 1 : -1;
        var requiredColumn = Column(header, -1, "必填", "是否必填", "必须");
        var descriptionColumn = Column(header, columns - 1, "描述", "说明");
        var layout = new Layout(columns, nameColumn, typeColumn, requiredColumn, TypeCellCheck.IsUrlTable(tableName));

        var nested = new List<NestedRow>();
        var lines = new List<int>();
        var fieldRows = new List<int>();
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            var brokenCells = row.Cells.Count < columns ? row.Cells : null;
            if (brokenCells is not null && brokenCells.Count < 2)
            {
                // Too short to give a field: lost, unless the row holds no name (prose written across the table).
                var lost = brokenCells.Count == 1 && FieldCells.IsFieldName(FieldCells.Name(brokenCells[0]).Name);
                ReportBrokenRow(outline, filePath, tableName, row, columns, lost ? BrokenRows.FieldLost : null, diagnostics);
                table.RowUses[r] = Use.Reported;
                continue;
            }

            var cells = PipeRow.Normalize(row.Cells, columns);
            var depth = FieldCells.NestingDepth(cells[nameColumn]);
            var (name, requiredInName) = FieldCells.Name(cells[nameColumn]);
            if (name.Length == 0 || !FieldCells.IsFieldName(name))
            {
                // A row of all empty cells holds nothing to lose; any other is counted as not read.
                if (cells.All(c => c.Trim().Length == 0))
                {
                    table.RowUses[r] = Use.Read;
                }

                continue;
            }

            var type = typeColumn >= 0 ? FieldCells.StripMarkup(cells[typeColumn]) : string.Empty;

            // Older pages list members of an object field below it, indented with '&emsp;∟'.
            if (depth > 0)
            {
                var cell = CellParser.Parse(cells[descriptionColumn]);
                var nestedRequired = requiredInName || IsRequired(cells, requiredColumn);
                nested.Add(new NestedRow(depth, name, type, cell.Description, cell.AllowedValues, r, row.Line, nestedRequired, brokenCells));
                continue;
            }

            FlushNested(fields, nested, table, layout, tableName, outline, filePath, diagnostics);

            var required = alwaysRequired || requiredInName || IsRequired(cells, requiredColumn);
            var content = CellParser.Parse(cells[descriptionColumn]);
            lines.Add(row.Line);
            fieldRows.Add(r);
            table.RowUses[r] = Use.Read;
            fields.Add(new FieldModel(
                name, type, required, content.Description, content.Example, content.Default,
                content.AllowedValues, content.Rules, null));
        }

        FlushNested(fields, nested, table, layout, tableName, outline, filePath, diagnostics);
        ReportRowsNotRead(outline, filePath, tableName, table, diagnostics);

        for (var i = 0; i < fields.Count; i++)
        {
            // A row without a type whose members follow it is an object; without members the example types it.
            if (fields[i].Type.Length == 0 && fields[i].Shape is not null)
            {
                fields[i] = fields[i] with { Type = "object" };
            }

            TypeCellCheck.Report(tableName, fields[i].Name, fields[i].Type, fields[i].Shape is not null, lines[i], outline, filePath, diagnostics);
            if (rows[fieldRows[i]].Cells is { } cells && cells.Count < columns)
            {
                var change = BrokenRows.ApiChange(cells, layout.Name, layout.Type, layout.Required, layout.OnUrl, fields[i].Shape is not null, fields[i].Type, fields[i].Required);
                ReportBrokenRow(outline, filePath, tableName, rows[fieldRows[i]], columns, change, diagnostics);
            }
        }

        rowLines?.AddRange(lines);
        return fields;
    }

    private static bool IsRequired(IReadOnlyList<string> cells, int column) => column >= 0 && FieldCells.IsRequiredMark(cells[column]);

    // A table that reads fewer rows than it has says which, at its first line.
    private static void ReportRowsNotRead(PageOutline outline, string filePath, string tableName, PageTable table, DiagnosticCollector diagnostics)
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

        var lines = string.Join(", ", missed.Take(5).Select(r => "line " + Number(table.Rows[r].Line + 1))) + (missed.Count > 5 ? ", …" : string.Empty);
        var line = table.Rows[missed[0]].Line;
        diagnostics.Report(DiagnosticDescriptors.RowsNotRead, new Place(filePath, line, 0, outline.Lines[line].Length),
            tableName, Number(table.Rows.Count), Number(table.Rows.Count - missed.Count), lines);
    }

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private sealed record NestedRow(
        int Depth, string Name, string Type, string Description, EquatableArray<AllowedValue> AllowedValues, int Row, int Line, bool Required, IReadOnlyList<string>? BrokenCells);

    // Where the table keeps what: the columns a broken row is judged by.
    private sealed record Layout(int Columns, int Name, int Type, int Required, bool OnUrl);

    // A row with fewer cells than the header: a warning when it changes the API (change), else a note.
    private static void ReportBrokenRow(PageOutline outline, string filePath, string tableName, TableRow row, int columns, string? change, DiagnosticCollector diagnostics)
    {
        var place = new Place(filePath, row.Line, 0, outline.Lines[row.Line].Length);
        if (change is null)
        {
            diagnostics.Report(DiagnosticDescriptors.MalformedTableRow, place, tableName, Number(row.Cells.Count), Number(columns));
        }
        else
        {
            diagnostics.Report(DiagnosticDescriptors.BrokenRowChangesApi, place, tableName, Number(row.Cells.Count), Number(columns), change);
        }
    }

    // Gives the last top-level field the shape its indented rows describe.
    private static void FlushNested(
        List<FieldModel> fields, List<NestedRow> nested, PageTable table, Layout layout, string tableName, PageOutline outline, string filePath, DiagnosticCollector diagnostics)
    {
        if (nested.Count == 0)
        {
            return;
        }

        for (var i = 0; i < nested.Count; i++)
        {
            var row = nested[i];
            var hasMembers = i + 1 < nested.Count && nested[i + 1].Depth > row.Depth;
            TypeCellCheck.Report("nested", row.Name, row.Type, hasMembers, row.Line, outline, filePath, diagnostics);
            if (row.BrokenCells is { } cells)
            {
                var change = BrokenRows.ApiChange(cells, layout.Name, layout.Type, layout.Required, layout.OnUrl, hasMembers, row.Type, row.Required);
                ReportBrokenRow(outline, filePath, tableName, table.Rows[row.Row], layout.Columns, change, diagnostics);
            }
        }

        // Rows nested below a field declared as a primitive are a fault of the table: counted as not read.
        if (fields.Count > 0 && !PageTypes.Parse(fields[fields.Count - 1].Type).IsScalar)
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
            var declared = PageTypes.Parse(row.Type);
            var primitive = declared.IsScalar;
            var type = child is null || primitive ? row.Type : declared.IsArray ? "array" : "object";
            if (primitive && child is not null)
            {
                // Not members: counted as rows not read.
                for (var i = first; i < index; i++)
                {
                    table.RowUses[rows[i].Row] = Use.None;
                }

                child = null;
            }

            properties.Add(new TypeProperty(row.Name, type, child, row.Description, row.AllowedValues, row.Required));
        }

        return new TypeDefinition(name, properties.ToEquatableArray());
    }

    /// <summary>
    /// The name of a nested record: from the table's types (event_sender, tree_child[] → tree_child),
    /// as the cleaned form's 类型额外说明 tree names them; a row typed only object, array or '-' lends its
    /// field name. Only a plain name lends its name: list&lt;Item&gt; keeps the field's, so that a page's
    /// generic spelling does not merge its record with another page's 'Item'.
    /// </summary>
    internal static string DefinitionName(string fieldName, string declaredType)
    {
        var type = declaredType.Replace("[]", string.Empty).Trim();
        var declared = PageTypes.Parse(type);
        return declared.Kind == PageTypeKind.Named && declared.Name == type && type.Length > 1 ? type : fieldName;
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
}
