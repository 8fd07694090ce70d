using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace FeishuGen.Generator.Reading;

/// <summary>
/// Reads the docs portal's <c>&lt;md-table&gt;</c> (the basic table, headers, errors) into the
/// same rows as pipe tables. Rows inside <c>&lt;md-thead&gt;</c> are the header, whatever their
/// cells are called; in the body a row label may be an <c>&lt;md-th&gt;</c>. A 权限要求 row becomes
/// the cleaned form's two rows, display names then keys, so one basic-table reader serves both.
/// </summary>
internal static class MdTableReader
{
    private static readonly Regex RowStart = new(@"<(md-tr|tr)[\s>]", RegexOptions.Compiled);
    private static readonly Regex OpenCell = new(@"<md-t[dh][^>]*>", RegexOptions.Compiled);


    /// <summary>Reads the table opened on line <paramref name="start"/>, up to its closing tag or <paramref name="end"/> (exclusive).</summary>
    public static PageTable Read(string[] lines, int start, int end)
    {
        TableRow? header = null;
        var rows = new List<TableRow>();
        var last = end;
        var text = new StringBuilder();
        var rowLine = -1;
        var inHead = false;
        var rowInHead = false;
        for (var i = start; i < end; i++)
        {
            var line = lines[i];
            inHead |= line.IndexOf("<md-thead", System.StringComparison.Ordinal) >= 0;
            if (line.IndexOf("</md-thead>", System.StringComparison.Ordinal) >= 0 || line.IndexOf("<md-tbody", System.StringComparison.Ordinal) >= 0)
            {
                inHead = false;
            }

            // A row ends at its </md-tr>; one the page forgot to close ends at the next row or the body's end.
            var endsBody = line.IndexOf("</md-tbody>", System.StringComparison.Ordinal) >= 0 || line.IndexOf("</md-table>", System.StringComparison.Ordinal) >= 0;
            var startsRow = line.IndexOf("tr", System.StringComparison.Ordinal) >= 0 && RowStart.IsMatch(line);
            if (rowLine >= 0 && (endsBody || (startsRow && i > rowLine)))
            {
                Flush(text, rowLine, header is null && rowInHead, rows, ref header);
                rowLine = -1;
            }

            if (rowLine < 0 && startsRow)
            {
                text.Clear();
                rowLine = i;
                rowInHead = inHead;
            }

            if (rowLine >= 0)
            {
                text.Append(line).Append('\n');
                if (line.IndexOf("</md-tr>", System.StringComparison.Ordinal) >= 0 || line.IndexOf("</tr>", System.StringComparison.Ordinal) >= 0)
                {
                    Flush(text, rowLine, header is null && (rowInHead || text.ToString().IndexOf("<md-thead", System.StringComparison.Ordinal) >= 0), rows, ref header);
                    rowLine = -1;
                }
            }

            if (line.IndexOf("</md-table>", System.StringComparison.Ordinal) >= 0)
            {
                last = i + 1;
                break;
            }
        }

        return new PageTable(header, rows, start, last, TableKind.Component);
    }

    private static void Flush(StringBuilder text, int line, bool isHeader, List<TableRow> rows, ref TableRow? header)
    {
        var row = text.ToString();
        var cells = new List<string>();
        string? second = null;
        var end = 0;
        for (var at = row.IndexOf("<md-t", System.StringComparison.Ordinal); at >= 0; at = row.IndexOf("<md-t", at, System.StringComparison.Ordinal))
        {
            if (NextCell(row, at) is not { } cell)
            {
                at++;
                continue;
            }

            Take(row, cell.From, cell.To, cells, ref second);
            at = end = cell.End;
        }

        // The last cell of a row the page forgot to close runs to the row's end.
        if (OpenCell.Match(row, end) is { Success: true } open)
        {
            var from = open.Index + open.Length;
            var close = row.IndexOf("</md-tr>", from, System.StringComparison.Ordinal);
            Take(row, from, close < 0 ? row.Length : close, cells, ref second);
        }

        if (cells.Count == 0)
        {
            return;
        }

        if (isHeader)
        {
            header = new TableRow(cells, line);
            return;
        }

        PortalMarkup.AddRow(rows, second, cells, line);
    }

    // A cell's text; the second cell's markup is kept too, for the scopes it may hold.
    private static void Take(string row, int from, int to, List<string> cells, ref string? second)
    {
        if (cells.Count == 1)
        {
            second = row.Substring(from, to - from);
        }

        cells.Add(PortalMarkup.Cell(row, from, to));
    }

    // The cell that starts at 'at' (an '<md-t…' there): what lies between an <md-td …> (or <md-th …>) and
    // the next closing </md-td> (or th), or a field type the page wrote between cells without its <md-td>
    // (<md-text type="field-type" …>…</md-text>, markup and all: it is the type column all the same).
    private static (int From, int To, int End)? NextCell(string row, int at)
    {
        if (at + 5 < row.Length && row[at + 5] is 'd' or 'h')
        {
            var open = row.IndexOf('>', at + 6);
            for (var close = open < 0 ? -1 : row.IndexOf("</md-t", open + 1, System.StringComparison.Ordinal); close >= 0; close = row.IndexOf("</md-t", close + 1, System.StringComparison.Ordinal))
            {
                if (close + 7 < row.Length && row[close + 6] is 'd' or 'h' && row[close + 7] == '>')
                {
                    return (open + 1, close, close + 8);
                }
            }

            return null;
        }

        if (string.CompareOrdinal(row, at, "<md-text", 0, 8) != 0)
        {
            return null;
        }

        var type = at + 8;
        while (type < row.Length && char.IsWhiteSpace(row[type]))
        {
            type++;
        }

        if (type == at + 8 || string.CompareOrdinal(row, type, "type=\"field-type\"", 0, 17) != 0)
        {
            return null;
        }

        var tagEnd = row.IndexOf('>', type + 17);
        var end = tagEnd < 0 ? -1 : row.IndexOf("</md-text>", tagEnd + 1, System.StringComparison.Ordinal);
        return end < 0 ? null : (at, end + 10, end + 10);
    }
}
