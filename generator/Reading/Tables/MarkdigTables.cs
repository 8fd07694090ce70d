using System.Collections.Generic;
using Markdig.Extensions.Tables;
using Markdig.Syntax;

namespace FeishuGen.Generator.Reading;

/// <summary>
/// Rows from the tables in Markdig's tree, and the test of whether Markdig read a table whole. A
/// table is whole unless a row with outer pipes is left open (its line does not end with '|', so
/// the row goes on below, where Markdig no longer sees it) or a block right under it continues its
/// last cell (a list or fence after a hard break). A paragraph that opens with a header row and a
/// delimiter row is a table Markdig refused (a line of it has no pipe): both go to <see cref="TableRepair"/>.
/// </summary>
internal static class MarkdigTables
{
    /// <summary>The table's rows, or null when Markdig did not read it whole.</summary>
    public static PageTable? Read(Table table, Block? next, PageSource source)
    {
        var first = source.LineOf(table.Span.Start);
        var last = source.LineOf(table.Span.End);
        var outer = source.Lines[first].TrimStart().StartsWith("|", System.StringComparison.Ordinal);
        TableRow? header = null;
        var rows = new List<TableRow>(table.Count);
        foreach (var block in table)
        {
            var row = (Markdig.Extensions.Tables.TableRow)block;
            var line = source.LineOf(row.Span.Start);
            var text = source.Lines[line];
            if (outer && !(text.TrimStart().StartsWith("|", System.StringComparison.Ordinal) && PipeRow.EndsWithPipe(text)))
            {
                return null;
            }

            var cells = Cells(row, source, line);
            if (row.IsHeader && header is null)
            {
                header = new TableRow(cells.ConvertAll(PortalMarkup.InlineComponents), line);
            }
            else
            {
                PortalMarkup.AddPipeRow(rows, cells, line);
            }
        }

        if (!outer && ContinuesBelow(source, last, next))
        {
            return null;
        }

        return new PageTable(header, rows, first, last + 1, TableKind.Pipe);
    }

    // A cell runs from where Markdig starts it to where the next one starts (or the line ends), less the
    // separator: Markdig's own end of a cell stops short at an unclosed '[' in it. Markdig pads short rows
    // with empty cells of its own, without the paragraph a cell of the page has.
    private static List<string> Cells(Markdig.Extensions.Tables.TableRow row, PageSource source, int line)
    {
        var cells = new List<string>(row.Count);
        var lineEnd = source.StartOf(line) + source.Lines[line].Length;
        for (var i = 0; i < row.Count; i++)
        {
            var cell = (TableCell)row[i];
            if (cell.Count == 0)
            {
                continue;
            }

            if (cell.Span.End < cell.Span.Start)
            {
                cells.Add(string.Empty);
                continue;
            }

            var start = cell.Span.Start + source.Offset;
            var end = lineEnd;
            for (var j = i + 1; j < row.Count; j++)
            {
                if (row[j] is TableCell { Count: > 0 } next && next.Span.End >= next.Span.Start)
                {
                    end = next.Span.Start + source.Offset;
                    break;
                }
            }

            cells.Add(WithoutSeparators(source.Text.Substring(start, System.Math.Max(0, end - start))).Replace("\\|", "|"));
        }

        return cells;
    }

    private static string WithoutSeparators(string text)
    {
        var end = text.Length;
        while (end > 0 && (char.IsWhiteSpace(text[end - 1]) || (text[end - 1] == '|' && (end < 2 || text[end - 2] != '\\'))))
        {
            end--;
        }

        return text.Substring(0, end).Trim();
    }

    /// <summary>Whether <paramref name="paragraph"/> opens with a header row and a delimiter row: a table Markdig did not take.</summary>
    public static bool IsRefusedTable(ParagraphBlock paragraph, PageSource source)
    {
        var line = source.LineOf(paragraph.Span.Start);
        return line + 1 < source.Lines.Length
               && source.LineOf(paragraph.Span.End) > line
               && PipeRow.IsDelimiter(source.Lines[line + 1])
               && PipeRow.Separators(source.Lines[line]) > 0;
    }

    // A table without outer pipes has no closing mark: its last cell goes on when its line ends with a
    // hard break, or when a list or a fence follows on the very next line.
    private static bool ContinuesBelow(PageSource source, int last, Block? next)
    {
        var text = source.Lines[last];
        if (text.EndsWith("  ", System.StringComparison.Ordinal) || text.EndsWith("\\", System.StringComparison.Ordinal))
        {
            return true;
        }

        return next is ListBlock or FencedCodeBlock && source.LineOf(next.Span.Start) == last + 1;
    }
}
