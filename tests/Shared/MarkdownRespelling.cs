using System;
using System.Collections.Generic;
using System.Linq;
using Markdig;
using Markdig.Extensions.CustomContainers;
using Markdig.Extensions.Tables;
using Markdig.Syntax;

namespace FeishuGen.TestSupport;

/// <summary>
/// Spells a page's Markdown another way without changing what it says, the way other tools and
/// copies do: tables without outer pipes, setext headings, '*' and '+' bullets, tildes for fences,
/// CRLF line ends, a byte order mark. Every change is found in Markdig's own reading of the page
/// and made only where Markdown reads it the same afterwards, so a reader that reads Markdown as
/// Markdig does must give the same model for both.
/// </summary>
internal static class MarkdownRespelling
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables().UseYamlFrontMatter().UseCustomContainers().Build();

    /// <summary>The re-spellings, each on its own; <see cref="All"/> applies them together.</summary>
    public static readonly IReadOnlyList<string> Kinds = new[] { "outer-pipes-dropped", "setext-headings", "star-and-plus-bullets", "tilde-fences", "crlf", "bom" };

    /// <summary>Every re-spelling at once, from one reading of the page.</summary>
    public static string All(string text, IDictionary<string, int>? counts = null) => Apply(text, counts, Kinds.ToArray());

    public static string Apply(string text, params string[] kinds) => Apply(text, null, kinds);

    /// <summary>Applies <paramref name="kinds"/>, counting in <paramref name="counts"/> how many places each changed.</summary>
    public static string Apply(string text, IDictionary<string, int>? counts, params string[] kinds)
    {
        var edited = kinds.Any(k => k is not ("crlf" or "bom")) ? Edit(text, new HashSet<string>(kinds), counts) : text;
        if (kinds.Contains("bom") && !edited.StartsWith("\uFEFF", StringComparison.Ordinal))
        {
            edited = "\uFEFF" + edited;
        }

        return kinds.Contains("crlf") ? edited.Replace("\r\n", "\n").Replace("\n", "\r\n") : edited;
    }

    private static string Edit(string text, HashSet<string> kinds, IDictionary<string, int>? counts)
    {
        void Counted(string kind)
        {
            if (counts is not null)
            {
                counts[kind] = counts.TryGetValue(kind, out var n) ? n + 1 : 1;
            }
        }

        var crlf = text.Contains("\r\n");
        var bom = text.StartsWith("\uFEFF", StringComparison.Ordinal);
        var clean = (bom ? text.Substring(1) : text).Replace("\r\n", "\n");
        var lines = clean.Split('\n').ToList();
        var starts = new int[lines.Count + 1];
        for (var i = 0; i < lines.Count; i++)
        {
            starts[i + 1] = starts[i] + lines[i].Length + 1;
        }

        int LineOf(int position)
        {
            var index = Array.BinarySearch(starts, position);
            return index >= 0 ? index : ~index - 1;
        }

        var document = Markdown.Parse(clean, Pipeline);
        var setext = new List<(int Line, int Level)>();
        var listIndex = 0;
        foreach (var block in document.Descendants())
        {
            switch (block)
            {
                case Table table when kinds.Contains("outer-pipes-dropped") && OuterPipesDroppable(table, lines, LineOf):
                    var (from, to) = (LineOf(table.Span.Start), LineOf(table.Span.End));
                    var dropped = lines.GetRange(from, to - from + 1).Select(l => l.Trim().Substring(1, l.Trim().Length - 2).Trim()).ToList();
                    if (Cells(string.Join("\n", dropped)).SequenceEqual(Cells(table, clean)))
                    {
                        for (var i = from; i <= to; i++)
                        {
                            lines[i] = dropped[i - from];
                        }

                        Counted("outer-pipes-dropped");
                    }

                    break;
                case HeadingBlock { Level: <= 2 } heading when kinds.Contains("setext-headings") && SetextLegal(heading, lines, LineOf):
                    setext.Add((LineOf(heading.Span.Start), heading.Level));
                    Counted("setext-headings");
                    break;
                case ListBlock { IsOrdered: false, BulletType: '-' } list when kinds.Contains("star-and-plus-bullets"):
                    var bullet = listIndex++ % 2 == 0 ? '*' : '+';
                    Counted("star-and-plus-bullets");
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        var line = LineOf(item.Span.Start);
                        var column = item.Span.Start - starts[line];
                        if (column < lines[line].Length && lines[line][column] == '-')
                        {
                            lines[line] = lines[line].Substring(0, column) + bullet + lines[line].Substring(column + 1);
                        }
                    }

                    break;
                // A fence whose info is a language (not '```' + ' |' closing a code span in a table cell, which Markdown takes for one).
                case FencedCodeBlock { FencedChar: '`' } fence when kinds.Contains("tilde-fences") && !fence.Lines.ToString().Contains("~~~")
                    && (fence.Info ?? string.Empty).All(c => char.IsLetterOrDigit(c) || c is '-' or '+' or '#' or '.' or '_'):
                    var open = LineOf(fence.Span.Start);
                    var close = LineOf(fence.Span.End);
                    if (close > open && lines[close].Trim().Trim('`').Length == 0 && lines[open].TrimStart().StartsWith("```", StringComparison.Ordinal))
                    {
                        lines[open] = lines[open].Replace(new string('`', fence.OpeningFencedCharCount), new string('~', fence.OpeningFencedCharCount));
                        lines[close] = lines[close].Replace('`', '~');
                        Counted("tilde-fences");
                    }

                    break;
            }
        }

        // Underlines go in from the bottom up, so that the lines above keep their numbers.
        foreach (var (line, level) in setext.OrderByDescending(h => h.Line))
        {
            lines[line] = lines[line].Trim().TrimStart('#').Trim();
            lines.Insert(line + 1, level == 1 ? "===" : "---");
        }

        return Join(lines, crlf, bom);
    }

    // A table whose every row is one line with outer pipes and whose first and last cells hold text:
    // without the outer pipes Markdown reads the same cells.
    private static bool OuterPipesDroppable(Table table, List<string> lines, Func<int, int> lineOf)
    {
        if (table.Parent is not MarkdownDocument || table.ColumnDefinitions.Count < 2)
        {
            return false;
        }

        for (var i = lineOf(table.Span.Start); i <= lineOf(table.Span.End); i++)
        {
            var line = lines[i].Trim();
            if (line.Length < 3 || line[0] != '|' || line[line.Length - 1] != '|' || line[line.Length - 2] == '\\')
            {
                return false;
            }

            var inner = line.Substring(1, line.Length - 2);
            if (inner.Trim().Length == 0 || inner.TrimStart().StartsWith("|", StringComparison.Ordinal) || inner.TrimEnd().EndsWith("|", StringComparison.Ordinal))
            {
                return false;
            }
        }

        // Every row a row of Markdig's with all its cells: a row continued on the next line is not one.
        foreach (var row in table.OfType<Markdig.Extensions.Tables.TableRow>())
        {
            if (row.OfType<TableCell>().Any(c => c.Count == 0 || c.Span.End < c.Span.Start))
            {
                return false;
            }
        }

        return true;
    }

    // An ATX heading of level 1 or 2 at the top level, after a blank line, whose text cannot be taken for anything else.
    private static bool SetextLegal(HeadingBlock heading, List<string> lines, Func<int, int> lineOf)
    {
        if (heading.IsSetext || heading.Parent is not MarkdownDocument)
        {
            return false;
        }

        var at = lineOf(heading.Span.Start);
        var content = lines[at].Trim().TrimStart('#').Trim();
        return content.Length > 0 && (at == 0 || lines[at - 1].Trim().Length == 0)
               && "-=|>#*+<`~".IndexOf(content[0]) < 0 && !char.IsDigit(content[0])
               && !content.EndsWith("#", StringComparison.Ordinal) && !content.EndsWith("\\", StringComparison.Ordinal);
    }

    // The cells Markdown reads in a table's text, row by row: a re-spelling must leave them as they are.
    private static IEnumerable<string> Cells(string table)
    {
        var parsed = Markdown.Parse(table, Pipeline).Descendants<Table>().FirstOrDefault();
        return parsed is null ? new[] { "(no table)" } : Cells(parsed, table);
    }

    private static IEnumerable<string> Cells(Table table, string text)
        => table.OfType<Markdig.Extensions.Tables.TableRow>()
            .Select(row => string.Join(" ¦ ", row.OfType<TableCell>().Select(c => c.Span.End < c.Span.Start ? string.Empty : text.Substring(c.Span.Start, c.Span.Length).Trim())));

    private static string Join(List<string> lines, bool crlf, bool bom) => Rejoin(string.Join("\n", lines), crlf, bom);

    private static string Rejoin(string text, bool crlf, bool bom)
        => (bom ? "\uFEFF" : string.Empty) + (crlf ? text.Replace("\n", "\r\n") : text);
}
