using System.Collections.Generic;
using System.Text;

namespace FeishuGen.Generator.Reading;

/// <summary>
/// Puts back together a pipe table that a converter broke and Markdown therefore ends early or
/// not at all: a row continued over several physical lines (Feishu's cleaned pages, with blank
/// lines, lists, images and fenced blocks inside a cell), cells continued after a hard break,
/// <c>- key：description</c> lists inside a cell with the rows after them left as paragraphs
/// (converters that drop the outer pipes). Only tables that need it come here (see
/// <see cref="MarkdigTables"/>); the page gets a note that its table was repaired.
/// </summary>
internal static class TableRepair
{
    /// <summary>Reads the table whose header row is on line <paramref name="start"/>, not past <paramref name="limit"/> (exclusive).</summary>
    public static PageTable Read(string[] lines, int start, int limit)
    {
        var found = lines[start].TrimStart().StartsWith("|", System.StringComparison.Ordinal)
            ? ReadOuter(lines, start, limit)
            : ReadPipeless(lines, start, limit);
        var (rows, end) = found;
        TableRow? header = null;
        if (rows.Count > 0)
        {
            header = rows[0];
            rows.RemoveAt(0);
        }

        return new PageTable(header, rows, start, end, TableKind.Repaired);
    }

    // Rows with outer pipes: a row starts with '|' and runs until a line ends with '|'. A heading or a
    // fence inside a row that is still open means it was never closed, unless the fence is part of the cell.
    private static (List<TableRow> Rows, int End) ReadOuter(string[] lines, int start, int limit)
    {
        var rows = new List<TableRow>();
        var i = start;
        while (i < limit)
        {
            var first = lines[i].Trim();
            if (!first.StartsWith("|", System.StringComparison.Ordinal))
            {
                break;
            }

            // The delimiter row is a row of its own, closed or not.
            if (PipeRow.IsDelimiter(first))
            {
                i++;
                continue;
            }

            var rowStart = i;
            var text = new StringBuilder(first);
            var previous = lines[i];
            i++;
            while (!PipeRow.EndsWithPipe(text.ToString()) && i < limit)
            {
                if (!FenceOpen(text) && FenceInCell(lines, i, limit) is { } fenceEnd)
                {
                    for (; i <= fenceEnd; i++)
                    {
                        text.Append('\n').Append(lines[i]);
                    }

                    continue;
                }

                if (!FenceOpen(text) && StartsBlock(lines[i]))
                {
                    break;
                }

                Append(text, previous, lines[i]);
                previous = lines[i];
                i++;
            }

            Add(rows, text, rowStart);
        }

        return (rows, i);
    }

    // Rows without outer pipes: a line with the table's cell separators starts a row; any other line
    // continues the row before it (a hard break, a list item, a fenced block). A blank line ends the
    // table unless a row follows it: converters leave the rows after a list inside a cell as paragraphs.
    private static (List<TableRow> Rows, int End) ReadPipeless(string[] lines, int start, int limit)
    {
        var rows = new List<TableRow>();
        var columns = System.Math.Max(2, PipeRow.Split(lines[start]).Count);
        StringBuilder? text = null;
        var rowStart = start;
        var previous = string.Empty;
        var i = start;
        for (; i < limit; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            if (text is not null && FenceOpen(text))
            {
                text.Append('\n').Append(line);
                previous = line;
                continue;
            }

            if (i == start + 1 && PipeRow.IsDelimiter(trimmed))
            {
                previous = string.Empty;
                continue;
            }

            if (trimmed.Length == 0)
            {
                var next = i + 1;
                while (next < limit && lines[next].Trim().Length == 0)
                {
                    next++;
                }

                if (text is not null && rows.Count > 0 && next < limit && StartsRow(lines[next], columns, string.Empty)
                    && !(next + 1 < limit && PipeRow.IsDelimiter(lines[next + 1])))
                {
                    i = next - 1;
                    previous = string.Empty;
                    continue;
                }

                break;
            }

            if (IsHeading(trimmed))
            {
                break;
            }

            if (StartsRow(line, columns, previous))
            {
                // A row followed by a delimiter row is the header of the next table.
                if (i > start + 1 && i + 1 < limit && PipeRow.IsDelimiter(lines[i + 1]))
                {
                    break;
                }

                if (text is not null)
                {
                    Add(rows, text, rowStart);
                }

                text = new StringBuilder(trimmed);
                rowStart = i;
            }
            else if (text is not null)
            {
                Append(text, previous, line);
            }
            else
            {
                break;
            }

            previous = line;
        }

        if (text is not null)
        {
            Add(rows, text, rowStart);
        }

        return (rows, i);
    }

    private static void Add(List<TableRow> rows, StringBuilder text, int line)
    {
        var cells = PipeRow.Split(text.ToString());
        if (!PipeRow.IsSeparator(cells))
        {
            PortalMarkup.AddPipeRow(rows, cells, line);
        }
    }

    // A hard break (two trailing spaces or a backslash) is a line break inside the cell.
    private static void Append(StringBuilder text, string previous, string line)
    {
        if (previous.EndsWith("  ", System.StringComparison.Ordinal) && previous.Trim().Length > 0)
        {
            TrimEnd(text);
            text.Append("<br>").Append(line.Trim());
        }
        else if (previous.EndsWith("\\", System.StringComparison.Ordinal) && !previous.EndsWith("\\\\", System.StringComparison.Ordinal))
        {
            TrimEnd(text);
            text.Length--;
            text.Append("<br>").Append(line.Trim());
        }
        else
        {
            text.Append('\n').Append(line);
        }
    }

    private static void TrimEnd(StringBuilder text)
    {
        while (text.Length > 0 && char.IsWhiteSpace(text[text.Length - 1]))
        {
            text.Length--;
        }
    }

    // A line starts a row when it holds the table's separators; with fewer, only when no hard break
    // or list item makes it the continuation of a cell.
    private static bool StartsRow(string line, int columns, string previous)
    {
        var trimmed = line.Trim();
        if (trimmed.Length == 0 || PipeRow.IsDelimiter(trimmed) || IsFence(trimmed))
        {
            return false;
        }

        var separators = PipeRow.Separators(trimmed);
        if (separators >= columns - 1)
        {
            return true;
        }

        var continued = previous.EndsWith("  ", System.StringComparison.Ordinal) || previous.EndsWith("\\", System.StringComparison.Ordinal);
        return separators > 0 && !continued && !IsListItem(trimmed);
    }

    // A fence that opens on a line of its own inside a row, and whose closing fence is followed by the
    // table going on (the row's closing '|' or the next row), is part of the cell; the line where it closes, or null.
    private static int? FenceInCell(string[] lines, int start, int end)
    {
        if (!IsFence(lines[start].TrimStart()))
        {
            return null;
        }

        for (var i = start + 1; i < end; i++)
        {
            if (IsFence(lines[i].TrimStart()))
            {
                return (i + 1 < end && lines[i + 1].TrimStart().StartsWith("|", System.StringComparison.Ordinal)) || PipeRow.EndsWithPipe(lines[i]) ? i : null;
            }
        }

        return null;
    }

    // A fence opened inside the row's text ("<br>```json" in the middle of a cell) is still open: its lines belong to the cell.
    private static bool FenceOpen(StringBuilder text)
    {
        var count = 0;
        for (var i = 0; i + 2 < text.Length; i++)
        {
            if (text[i] == '`' && text[i + 1] == '`' && text[i + 2] == '`')
            {
                count++;
                i += 2;
                while (i + 1 < text.Length && text[i + 1] == '`')
                {
                    i++;
                }
            }
        }

        return count % 2 == 1;
    }

    // A heading or a fence can never be inside a cell (FenceInCell aside): a row that reaches one was never closed.
    private static bool StartsBlock(string line)
    {
        var trimmed = line.TrimStart();
        return trimmed.StartsWith("#", System.StringComparison.Ordinal) || IsFence(trimmed);
    }

    private static bool IsFence(string trimmed)
        => trimmed.StartsWith("```", System.StringComparison.Ordinal) || trimmed.StartsWith("~~~", System.StringComparison.Ordinal);

    private static bool IsHeading(string trimmed)
    {
        var hashes = 0;
        while (hashes < trimmed.Length && trimmed[hashes] == '#')
        {
            hashes++;
        }

        return hashes is > 0 and <= 6 && (hashes == trimmed.Length || trimmed[hashes] == ' ' || trimmed[hashes] == '\t');
    }

    private static bool IsListItem(string trimmed)
        => trimmed.Length > 1 && (trimmed[0] is '-' or '*' or '+') && trimmed[1] == ' ';
}
