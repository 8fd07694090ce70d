using System.Collections.Generic;
using System.Text;

namespace FeishuGen.Generator.Reading;

/// <summary>
/// The pipe-table syntax at the level of one row's text, for rows Markdig could not read as a
/// table (see <see cref="TableRepair"/>): splitting into cells the way GFM does ('\|' and pipes in
/// code spans stay in the cell), counting a line's cell separators, and the delimiter row.
/// </summary>
internal static class PipeRow
{
    /// <summary>The cells of a row (outer pipes optional), trimmed, '\|' unescaped.</summary>
    public static List<string> Split(string row)
    {
        var cells = new List<string>();
        var current = new StringBuilder();
        var inCode = false;
        var text = row.Trim();
        var startIndex = text.StartsWith("|", System.StringComparison.Ordinal) ? 1 : 0;
        for (var i = startIndex; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length && text[i + 1] == '|')
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
            return SplitIgnoringCode(text);
        }

        var tail = current.ToString().Trim();
        if (tail.Length > 0)
        {
            cells.Add(tail);
        }

        return cells;
    }

    /// <summary>The row in one spelling: outer pipes, one space around each cell, the cells' own text (escapes kept).</summary>
    public static string Canonical(string row)
    {
        // Every row of every table is respelled: its cells are copied once, trimmed, into one builder of the thread.
        var text = row.Trim();
        var output = _canonical ??= new StringBuilder();
        output.Clear().Append("| ");
        var cells = 0;
        var inCode = false;
        var start = text.StartsWith("|", System.StringComparison.Ordinal) ? 1 : 0;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                i++;
                continue;
            }

            inCode ^= c == '`';
            if (c == '|' && !inCode)
            {
                AppendCell(output, text, start, i, ref cells);
                start = i + 1;
            }
        }

        if (Trimmed(text, ref start, text.Length) > 0)
        {
            AppendCell(output, text, start, text.Length, ref cells);
        }

        return output.Append(" |").ToString();
    }

    [System.ThreadStatic]
    private static StringBuilder? _canonical;

    private static void AppendCell(StringBuilder output, string text, int start, int end, ref int cells)
    {
        var length = Trimmed(text, ref start, end);
        output.Append(cells++ > 0 ? " | " : string.Empty).Append(text, start, length);
    }

    // The length of text[start, end) without white space at either end; start moves past the leading white space.
    private static int Trimmed(string text, ref int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end - start;
    }

    /// <summary>How many cell separators the line holds: pipes not escaped and not inside a code span.</summary>
    public static int Separators(string line)
    {
        var count = 0;
        var inCode = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\\')
            {
                i++;
            }
            else if (c == '`')
            {
                inCode = !inCode;
            }
            else if (c == '|' && !inCode)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Whether <paramref name="line"/> is a GFM delimiter row: '---', ':--:' cells between pipes, at least one pipe or two cells.</summary>
    public static bool IsDelimiter(string line)
    {
        var text = line.Trim();
        if (text.Length == 0 || text.IndexOf('-') < 0)
        {
            return false;
        }

        var pipes = 0;
        foreach (var c in text)
        {
            if (c == '|')
            {
                pipes++;
            }
            else if (c != '-' && c != ':' && c != ' ' && c != '\t')
            {
                return false;
            }
        }

        return pipes > 0;
    }

    /// <summary>Whether every cell of the row is made of '-', ':' and spaces (a delimiter row read as a row).</summary>
    public static bool IsSeparator(IReadOnlyList<string> cells)
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

    /// <summary>Whether the row's text ends with an unescaped '|' (a row with outer pipes is closed).</summary>
    public static bool EndsWithPipe(string text)
    {
        var i = text.Length - 1;
        while (i >= 0 && char.IsWhiteSpace(text[i]))
        {
            i--;
        }

        return i > 0 && text[i] == '|' && text[i - 1] != '\\';
    }

    /// <summary>Folds cells beyond <paramref name="columns"/> into the last column (a stray '|' in a description).</summary>
    public static IReadOnlyList<string> Normalize(IReadOnlyList<string> cells, int columns)
    {
        if (cells.Count == columns)
        {
            return cells;
        }

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

    private static List<string> SplitIgnoringCode(string row)
    {
        var parts = new List<string>();
        foreach (var part in row.Trim().Trim('|').Split('|'))
        {
            parts.Add(part.Trim());
        }

        return parts;
    }
}
