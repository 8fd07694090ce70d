using System.Collections.Generic;
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
        var rows = PipeTableReader.ReadTable(outline.Lines, start, end, out var header);
        var fields = new List<FieldModel>();
        if (header is null)
        {
            return fields;
        }

        var columns = header.Cells.Count;
        var nameColumn = Column(header, 0, "参数名", "参数", "名称", "字段");
        var typeColumn = Column(header, 1, "类型");
        var requiredColumn = Column(header, -1, "必填", "是否必填", "必须");
        var descriptionColumn = Column(header, columns - 1, "描述", "说明");

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
            var name = StripMarkup(cells[nameColumn]);
            if (name.Length == 0)
            {
                continue;
            }

            var type = StripMarkup(cells[typeColumn]);
            var required = alwaysRequired || (requiredColumn >= 0 && cells[requiredColumn].Trim() == "是");
            var content = CellParser.Parse(cells[descriptionColumn]);
            rowLines?.Add(row.Line);
            fields.Add(new FieldModel(
                name, type.Length == 0 ? "string" : type, required, content.Description, content.Example, content.Default,
                content.AllowedValues, content.Rules, null));
        }

        return fields;
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

    private static string StripMarkup(string cell) => cell.Replace("`", string.Empty).Replace("*", string.Empty).Replace("\\_", "_").Trim();

    private static DiagnosticInfo Diagnose(PageOutline outline, string filePath, int line, string table, int found, int expected)
        => new(DiagnosticDescriptors.MalformedTableRow.Id, filePath, line, 0, outline.Lines[line].Length,
            new[] { table, found.ToString(System.Globalization.CultureInfo.InvariantCulture), expected.ToString(System.Globalization.CultureInfo.InvariantCulture) }.ToEquatableArray());
}
