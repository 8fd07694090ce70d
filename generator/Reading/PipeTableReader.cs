using System.Collections.Generic;
using System.Text;

namespace FeishuGen.Generator.Reading;

/// <summary>One logical table row: its cells (trimmed) and the 0-based line it starts on.</summary>
internal sealed record TableRow(IReadOnlyList<string> Cells, int Line);

/// <summary>
/// Reads Markdown pipe tables from raw lines the way Feishu writes them: a row may continue over
/// several physical lines (blank lines, lists and images inside a cell) until a line ends with
/// '|'; '\|' and pipes inside code spans are part of the cell. Extra cells caused by a stray '|'
/// are folded back into the last column, so no row is lost.
/// </summary>
internal static class PipeTableReader
{
    /// <summary>Reads the first table in [start, end). The header and separator rows are skipped.</summary>
    public static List<TableRow> ReadTable(string[] lines, int start, int end, out TableRow? header)
    {
        header = null;
        var rows = new List<TableRow>();
        var i = start;
        while (i < end && !lines[i].TrimStart().StartsWith("|", System.StringComparison.Ordinal))
        {
            if (MdDtTableReader.StartsTable(lines[i]))
            {
                return MdDtTableReader.Read(lines, i, end, out header);
            }

            if (MdTableReader.StartsTable(lines[i]))
            {
                return MdTableReader.Read(lines, i, end, out header);
            }

            i++;
        }

        while (i < end)
        {
            var first = lines[i].Trim();
            if (!first.StartsWith("|", System.StringComparison.Ordinal))
            {
                break;
            }

            var rowStart = i;
            var text = new StringBuilder(first);
            i++;
            while (!EndsRow(text) && i < end)
            {
                if (FenceInCell(lines, i, end) is { } fenceEnd)
                {
                    // A fenced block inside the cell (a JSON example of a query parameter): part of the row.
                    for (; i <= fenceEnd; i++)
                    {
                        text.Append('\n').Append(lines[i]);
                    }

                    continue;
                }

                if (StartsBlock(lines[i]))
                {
                    break;
                }

                text.Append('\n').Append(lines[i]);
                i++;
            }

            var cells = SplitCells(text.ToString().Trim());
            if (IsSeparator(cells))
            {
                continue;
            }

            var row = new TableRow(cells, rowStart);
            if (header is null && rows.Count == 0)
            {
                header = row;
                continue;
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Folds cells beyond <paramref name="columns"/> into the last column (a stray '|' in a description).</summary>
    public static List<string> Normalize(IReadOnlyList<string> cells, int columns)
    {
        var result = new List<string>(cells);
        while (result.Count > columns && columns > 0)
        {
            result[columns - 1] = result[columns - 1] + " | " + result[columns];
            result.RemoveAt(columns);
        }

        while (result.Count < columns)
        {
            result.Add(string.Empty);
        }

        return result;
    }

    private static bool EndsRow(StringBuilder text)
    {
        var i = text.Length - 1;
        while (i >= 0 && char.IsWhiteSpace(text[i]))
        {
            i--;
        }

        return i > 0 && text[i] == '|' && text[i - 1] != '\\';
    }

    // A fence that opens inside a row and whose closing fence is followed by the table going on (the
    // row's closing '|' or the next row) is part of the cell; the line where it closes, or null.
    private static int? FenceInCell(string[] lines, int start, int end)
    {
        if (!lines[start].TrimStart().StartsWith("```", System.StringComparison.Ordinal))
        {
            return null;
        }

        for (var i = start + 1; i < end; i++)
        {
            if (lines[i].TrimStart().StartsWith("```", System.StringComparison.Ordinal))
            {
                return i + 1 < end && lines[i + 1].TrimStart().StartsWith("|", System.StringComparison.Ordinal) || lines[i].TrimEnd().EndsWith("|", System.StringComparison.Ordinal) ? i : null;
            }
        }

        return null;
    }

    // A heading or a fence can never be inside a cell (FenceInCell aside): a row that reaches one was never closed.
    private static bool StartsBlock(string line)
    {
        var trimmed = line.TrimStart();
        return trimmed.StartsWith("#", System.StringComparison.Ordinal) || trimmed.StartsWith("```", System.StringComparison.Ordinal);
    }

    private static List<string> SplitCells(string row)
    {
        var cells = new List<string>();
        var current = new StringBuilder();
        var inCode = false;
        var startIndex = row.StartsWith("|", System.StringComparison.Ordinal) ? 1 : 0;
        for (var i = startIndex; i < row.Length; i++)
        {
            var c = row[i];
            if (c == '\\' && i + 1 < row.Length && row[i + 1] == '|')
            {
                current.Append('|');
                i++;
            }
            else if (c == '`')
            {
                inCode = !inCode;
                current.Append(c);
            }
            else if (c == '|' && !inCode)
            {
                cells.Add(current.ToString().Trim());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        // An unmatched backtick swallowed the rest: split again, ignoring code spans.
        if (inCode)
        {
            return SplitIgnoringCode(row);
        }

        var tail = current.ToString().Trim();
        if (tail.Length > 0)
        {
            cells.Add(tail);
        }

        return cells;
    }

    private static List<string> SplitIgnoringCode(string row)
    {
        var parts = new List<string>();
        foreach (var part in row.Trim().Trim('|').Split('|'))
        {
            parts.Add(part.Trim());
        }

        return parts;
    }

    private static bool IsSeparator(IReadOnlyList<string> cells)
    {
        if (cells.Count == 0)
        {
            return true;
        }

        foreach (var cell in cells)
        {
            foreach (var c in cell)
            {
                if (c != '-' && c != ':' && c != ' ')
                {
                    return false;
                }
            }
        }

        return true;
    }
}
