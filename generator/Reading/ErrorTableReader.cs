using System.Collections.Generic;
using System.Globalization;
using FeishuGen.Generator.Model;

namespace FeishuGen.Generator.Reading;

/// <summary>Reads the 错误码 table: HTTP状态码 | 错误码 | 描述 | 排查建议.</summary>
internal static class ErrorTableReader
{
    public static List<ErrorCodeModel> Read(IReadOnlyList<TableRow> rows)
    {
        var errors = new List<ErrorCodeModel>();
        foreach (var row in rows)
        {
            var cells = PipeTableReader.Normalize(row.Cells, 4);
            if (!long.TryParse(cells[1].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var code))
            {
                continue;
            }

            int.TryParse(cells[0].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var status);
            errors.Add(new ErrorCodeModel(status, code, Clean(cells[2]), Clean(cells[3])));
        }

        return errors;
    }

    private static string Clean(string text) => LineBreaks.Tag.Replace(text, "\n").Trim();
}
