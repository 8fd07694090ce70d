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
    // A cell, or a field type the page wrote between cells without its <md-td> (it is the type column all the same).
    private static readonly Regex Cell = new(@"<md-t[dh][^>]*>(.*?)</md-t[dh]>|(<md-text\s+type=""field-type""[^>]*>.*?</md-text>)", RegexOptions.Compiled | RegexOptions.Singleline);
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
        var raw = new List<string>();
        var row = text.ToString();
        var end = 0;
        foreach (Match cell in Cell.Matches(row))
        {
            raw.Add(cell.Groups[1].Success ? cell.Groups[1].Value : cell.Groups[2].Value);
            end = cell.Index + cell.Length;
        }

        // The last cell of a row the page forgot to close runs to the row's end.
        if (OpenCell.Match(row, end) is { Success: true } open)
        {
            var from = open.Index + open.Length;
            var close = row.IndexOf("</md-tr>", from, System.StringComparison.Ordinal);
            raw.Add(row.Substring(from, (close < 0 ? row.Length : close) - from));
        }

        Add(raw, line, isHeader, rows, ref header);
    }

    private static void Add(List<string> raw, int line, bool isHeader, List<TableRow> rows, ref TableRow? header)
    {
        if (raw.Count == 0)
        {
            return;
        }

        var cells = raw.ConvertAll(PortalMarkup.Cell);
        if (isHeader)
        {
            header = new TableRow(cells, line);
            return;
        }

        PortalMarkup.AddRow(rows, raw, cells, line);
    }
}
