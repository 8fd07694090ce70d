using System.Collections.Generic;
using System.Text;

namespace FeishuGen.Generator.Reading;

/// <summary>
/// Reads the HTML-like &lt;md-dt-table&gt; tables of older pages into the same rows as pipe
/// tables. A row's nesting level (&lt;md-dt-tr level="1"&gt;) becomes '&amp;emsp;' prefixes on its
/// first cell, the way other older pages indent members, so one reader handles both.
/// </summary>
internal static class MdDtTableReader
{
    /// <summary>Reads the table opened on line <paramref name="start"/>, up to its closing tag or <paramref name="end"/> (exclusive).</summary>
    public static PageTable Read(string[] lines, int start, int end)
    {
        TableRow? header = null;
        var rows = new List<TableRow>();
        var last = end;
        var text = new StringBuilder();
        var rowLine = -1;
        var level = 0;
        for (var i = start; i < end; i++)
        {
            var line = lines[i];
            if (RowLevel(line) is { } rowLevel)
            {
                text.Clear();
                rowLine = i;
                level = rowLevel;
            }

            if (rowLine >= 0)
            {
                text.Append(line).Append('\n');
            }

            if (rowLine >= 0 && line.IndexOf("</md-dt-tr>", System.StringComparison.Ordinal) >= 0)
            {
                var row = text.ToString();
                var cells = Cells(row);

                var isHeader = row.IndexOf("<md-dt-th", System.StringComparison.Ordinal) >= 0;
                if (cells.Count > 0 && level > 0)
                {
                    cells[0] = string.Concat(System.Linq.Enumerable.Repeat("&emsp;", level)) + cells[0];
                }

                if (isHeader && header is null)
                {
                    header = new TableRow(cells, rowLine);
                }
                else if (cells.Count > 0)
                {
                    rows.Add(new TableRow(cells, rowLine));
                }

                rowLine = -1;
            }

            if (line.IndexOf("</md-dt-table>", System.StringComparison.Ordinal) >= 0)
            {
                last = i + 1;
                break;
            }
        }

        return new PageTable(header, rows, start, last, TableKind.Component);
    }

    // The nesting level of the row the line opens (<md-dt-tr level="1">, 0 without one), or null when it opens none.
    private static int? RowLevel(string line)
    {
        var at = line.IndexOf("<md-dt-tr", System.StringComparison.Ordinal);
        if (at < 0 || line.IndexOf('>', at + 9) < 0)
        {
            return null;
        }

        var i = at + 9;
        while (i < line.Length && char.IsWhiteSpace(line[i]))
        {
            i++;
        }

        if (i == at + 9 || string.CompareOrdinal(line, i, "level=\"", 0, 7) != 0)
        {
            return 0;
        }

        var digits = i + 7;
        var end = digits;
        while (end < line.Length && char.IsDigit(line[end]))
        {
            end++;
        }

        return end > digits && end < line.Length && line[end] == '"'
            ? int.Parse(line.Substring(digits, end - digits), System.Globalization.CultureInfo.InvariantCulture)
            : 0;
    }

    // What lies between each <md-dt-td …> (or <md-dt-th …>) of a row and the next closing </md-dt-td> (or th).
    private static List<string> Cells(string row)
    {
        var cells = new List<string>();
        var at = 0;
        while ((at = row.IndexOf("<md-dt-t", at, System.StringComparison.Ordinal)) >= 0)
        {
            if (at + 8 >= row.Length || (row[at + 8] != 'd' && row[at + 8] != 'h'))
            {
                at += 8;
                continue;
            }

            var open = row.IndexOf('>', at);
            var close = open < 0 ? -1 : Close(row, open + 1);
            if (close < 0)
            {
                break;
            }

            cells.Add(PortalMarkup.Cell(row, open + 1, close));
            at = close + 11;
        }

        return cells;
    }

    private static int Close(string row, int from)
    {
        for (var at = row.IndexOf("</md-dt-t", from, System.StringComparison.Ordinal); at >= 0; at = row.IndexOf("</md-dt-t", at + 9, System.StringComparison.Ordinal))
        {
            if (at + 10 < row.Length && (row[at + 9] == 'd' || row[at + 9] == 'h') && row[at + 10] == '>')
            {
                return at;
            }
        }

        return -1;
    }
}
