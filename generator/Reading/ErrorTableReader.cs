using System.Collections.Generic;
using System.Globalization;
using FeishuGen.Generator.Model;

namespace FeishuGen.Generator.Reading;

/// <summary>
/// Reads the 错误码 table: HTTP状态码 | 错误码 | 描述 | 排查建议, columns found by their header
/// (older pages have no HTTP status column: 错误码 | 说明 | 排查建议).
/// </summary>
internal static class ErrorTableReader
{
    public static List<ErrorCodeModel> Read(PageTable table)
    {
        table.Use = Use.Read;
        var header = table.Header?.Cells ?? new List<string>();
        var status = Column(header, 0, "HTTP状态码", "HTTP 状态码", "状态码");
        var code = Column(header, status < 0 ? 0 : status + 1, "错误码", "code", "Code");
        status = status == code ? -1 : status;
        var description = Column(header, code + 1, "描述", "说明", "message", "错误信息");
        var hint = Column(header, description + 1, "排查建议", "解决方案", "说明");
        if (hint == description)
        {
            hint = -1;
        }

        var columns = System.Math.Max(header.Count, 4);
        var errors = new List<ErrorCodeModel>();
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var cells = PipeRow.Normalize(table.Rows[r].Cells, columns);
            string Cell(int column) => column >= 0 && column < cells.Count ? cells[column] : string.Empty;
            if (!long.TryParse(Cell(code).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }

            table.RowUses[r] = Use.Read;
            var httpStatus = 0;
            if (status >= 0)
            {
                int.TryParse(Cell(status).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out httpStatus);
            }

            errors.Add(new ErrorCodeModel(httpStatus, value, Clean(Cell(description)), Clean(Cell(hint))));
        }

        return errors;
    }

    // A header names its columns; a table without a known name keeps the cleaned form's order.
    private static int Column(IReadOnlyList<string> header, int fallback, params string[] names)
    {
        for (var i = 0; i < header.Count; i++)
        {
            foreach (var name in names)
            {
                if (header[i].Trim() == name)
                {
                    return i;
                }
            }
        }

        // Without an HTTP status column the code comes first.
        return header.Count > 0 && names[0] == "HTTP状态码" && header.Count < 4 ? -1 : fallback;
    }

    private static string Clean(string text) => LineBreaks.Tag.Replace(text, "\n").Trim();
}
