using System.Collections.Generic;
using System.Globalization;
using FeishuGen.Generator.Diagnostics;
using FeishuGen.Generator.Model;
using Markdig;
using Markdig.Extensions.CustomContainers;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.CodeAnalysis;

namespace FeishuGen.Generator.Reading;

/// <summary>
/// Walks Markdig's tree of a page once and collects its <see cref="PageOutline"/>. Where the page
/// needs its own reading (a table Markdig ends early, a portal component, a heading a block
/// swallowed), those lines are read by the reader that knows them and count as consumed; a
/// block of Markdig's that runs on past them is parsed again from there, so what follows it is
/// read as Markdown again.
/// </summary>
internal sealed class OutlineBuilder
{
    private readonly PageSource _page;
    private readonly List<Heading> _headings = new();
    private readonly List<CodeFence> _fences = new();
    private readonly List<PageTable> _tables = new();
    private readonly List<DiagnosticInfo> _notes = new();

    private readonly Dictionary<int, string?> _respelled = new();
    private readonly Dictionary<Table, PageTable?> _markdigTables = new();
    private string? _frontMatterTitle;

    // Lines before this one were taken by a table or component read line by line.
    private int _consumed;

    // The page's lines in the canonical spelling, for the readers that read lines (repairs, components).
    private readonly string[] _canonical;

    private OutlineBuilder(PageSource page)
    {
        _page = page;
        _canonical = (string[])page.Lines.Clone();
    }

    private string[] Lines => _page.Lines;

    public static PageOutline Build(string text)
    {
        var page = PageSource.Of(text);
        var builder = new OutlineBuilder(page);
        var document = Markdown.Parse(text, PageOutline.Pipeline);
        builder.NoteSpelling(document, page);
        builder.Walk(document, page, inComponent: false, page.Lines.Length);
        builder._headings.Sort((a, b) => a.Line.CompareTo(b.Line));
        builder._fences.Sort((a, b) => a.Line.CompareTo(b.Line));
        builder._tables.Sort((a, b) => a.Line.CompareTo(b.Line));
        return new PageOutline(page, builder._headings, builder._fences, builder._tables, builder._notes, builder._frontMatterTitle)
        {
            Respelled = builder._respelled,
        };
    }

    private void Walk(ContainerBlock container, PageSource source, bool inComponent, int limit)
    {
        int[]? headings = null;
        int NextHeading(int index) => (headings ??= HeadingsAfter(container, source, limit))[index];
        for (var index = 0; index < container.Count; index++)
        {
            var block = container[index];
            var first = source.LineOf(block.Span.Start);
            var last = System.Math.Min(limit - 1, source.LineOf(System.Math.Max(block.Span.Start, block.Span.End)));
            if (first < _consumed)
            {
                if (last >= _consumed)
                {
                    Reparse(_consumed, last + 1, Describe(block), first);
                }

                continue;
            }

            switch (block)
            {
                case YamlFrontMatterBlock:
                    _frontMatterTitle = FrontMatterTitle(first, last);
                    break;
                case HeadingBlock heading:
                    _headings.Add(new Heading(heading.Level, InlineText(heading.Inline).Trim(), first));
                    break;
                case FencedCodeBlock fence:
                    AddFence(fence, first, last);
                    break;
                case Table table:
                    if (Whole(table, source) is { } read)
                    {
                        _tables.Add(read);
                    }
                    else
                    {
                        Repair(first, NextHeading(index), "a row goes on below it");
                    }

                    break;
                case ParagraphBlock paragraph when MarkdigTables.IsRefusedTable(paragraph, source):
                    Repair(first, NextHeading(index), "a line of it is not a row");
                    break;
                case HtmlBlock:
                    ReadHtml(first, last, inComponent, NextHeading(index));
                    break;
                case ContainerBlock child:
                    Walk(child, source, inComponent || child is CustomContainer, child is CustomContainer ? last + 1 : limit);
                    break;
            }
        }
    }

    // What the page spells other than the canonical way (setext headings, '*' and '+' bullets, tilde
    // fences, table rows with or without outer pipes and padding), noted before any reading, so that every reader of
    // lines sees one spelling: the descriptions and cells of the model do not depend on it.
    private void NoteSpelling(ContainerBlock container, PageSource source)
    {
        // Blocks only: the inlines of every paragraph are no part of a page's spelling of blocks.
        foreach (var block in container)
        {
            switch (block)
            {
                case HeadingBlock { IsSetext: true } heading:
                    var first = source.LineOf(heading.Span.Start);
                    Respell(first, new string('#', heading.Level) + " " + InlineText(heading.Inline).Trim());
                    for (var i = first + 1; i <= source.LineOf(heading.Span.End); i++)
                    {
                        Respell(i, null);
                    }

                    break;
                case ListItemBlock item when item.Parent is ListBlock { IsOrdered: false, BulletType: not '-' }:
                    var line = source.LineOf(item.Span.Start);
                    Respell(line, Canonical.Bullet(Lines[line]));
                    break;
                case FencedCodeBlock { FencedChar: '~' } fence:
                    var open = source.LineOf(fence.Span.Start);
                    var close = source.LineOf(fence.Span.End);
                    Respell(open, Canonical.Fence(Lines[open]));
                    if (close > open && Lines[close].Trim().Trim('~').Length == 0)
                    {
                        Respell(close, Canonical.Fence(Lines[close]));
                    }

                    break;
                case Table table when Whole(table, source) is not null:
                    for (var i = source.LineOf(table.Span.Start); i <= source.LineOf(table.Span.End); i++)
                    {
                        Respell(i, PipeRow.Canonical(Lines[i]));
                    }

                    continue;
            }

            if (block is ContainerBlock child and not Table)
            {
                NoteSpelling(child, source);
            }
        }
    }

    // The rows of a table Markdig read whole (no row goes on below it), or null; read once for both walks.
    private PageTable? Whole(Table table, PageSource source)
    {
        if (!_markdigTables.TryGetValue(table, out var read))
        {
            var parent = table.Parent!;
            var index = parent.IndexOf(table);
            read = MarkdigTables.Read(table, index + 1 < parent.Count ? parent[index + 1] : null, source);
            _markdigTables[table] = read;
        }

        return read;
    }

    private void Respell(int line, string? canonical)
    {
        _respelled[line] = canonical;
        _canonical[line] = canonical ?? string.Empty;
    }

    // A fence left open runs on to the next closing fence, or to the end of its container; a heading of the
    // page's sections ('### 响应') inside it is the page going on, not code.
    private void AddFence(FencedCodeBlock fence, int first, int last)
    {
        var end = last + 1;
        for (var i = first + 1; i <= last; i++)
        {
            if (IsSectionHeading(Lines[i]) && (!Closes(fence, first, last) || SectionNames.Contains(Lines[i].TrimStart('#').Trim())))
            {
                end = i;
                break;
            }
        }

        var content = end == last + 1 ? fence.Lines.ToString() : string.Join("\n", Lines, first + 1, end - first - 1);
        _fences.Add(new CodeFence((fence.Info ?? string.Empty).Trim(), content, first));
        if (end <= last)
        {
            _consumed = System.Math.Max(_consumed, first);
            Reparse(end, last + 1, Closes(fence, first, last) ? "fenced block that closes only below it" : "fenced block that is never closed", first);
        }
    }

    private bool Closes(FencedCodeBlock fence, int first, int last)
    {
        var line = Lines[last].Trim();
        var count = 0;
        while (count < line.Length && line[count] == fence.FencedChar)
        {
            count++;
        }

        return last > first && count >= fence.OpeningFencedCharCount && count == line.Length;
    }

    private void Repair(int first, int limit, string why)
    {
        var table = TableRepair.Read(_canonical, first, limit);
        _tables.Add(table);
        _consumed = System.Math.Max(_consumed, table.EndLine);
        _notes.Add(Note(DiagnosticDescriptors.TableRepaired, first,
            why, Number(table.Rows.Count), Number(first + 1), Number(table.EndLine)));
    }

    // The portal's components open inside HTML blocks; elsewhere an HTML block runs to the next blank
    // line and swallows a heading on the way (a lone '<br>' line right above '### 请求体').
    private void ReadHtml(int first, int last, bool inComponent, int limit)
    {
        for (var i = first; i <= last && i < limit; i++)
        {
            if (i < _consumed)
            {
                continue;
            }

            var line = Lines[i];
            var at = 0;
            while (at < line.Length && (line[at] == ' ' || line[at] == '\t'))
            {
                at++;
            }

            if (string.CompareOrdinal(line, at, "<md-dt-table", 0, 12) == 0)
            {
                Take(MdDtTableReader.Read(_canonical, i, limit));
            }
            else if (string.CompareOrdinal(line, at, "<md-table", 0, 9) == 0)
            {
                Take(MdTableReader.Read(_canonical, i, limit));
            }
            else if (line.IndexOf("<md-code", System.StringComparison.Ordinal) >= 0 && ComponentFences.TryRead(_canonical, i, limit, out var end) is { } fence)
            {
                _fences.Add(fence);
                _consumed = System.Math.Max(_consumed, end);
            }
            else if (!inComponent && i > first && at < line.Length && line[at] == '#' && IsHeading(line.Substring(at)))
            {
                _consumed = System.Math.Max(_consumed, i);
                Reparse(i, last + 1, "HTML block", first);
                return;
            }
        }
    }

    private void Take(PageTable table)
    {
        _tables.Add(table);
        _consumed = System.Math.Max(_consumed, table.EndLine);
    }

    // Lines [from, to) that a block of Markdig's swallowed are read as Markdown on their own; each
    // heading found there was hidden inside that block.
    private void Reparse(int from, int to, string swallowedBy, int blockLine)
    {
        if (from >= to)
        {
            return;
        }

        var source = _page.From(from);
        var endOffset = to < Lines.Length ? _page.StartOf(to) - 1 : _page.Text.Length;
        var part = _page.Text.Substring(source.Offset, System.Math.Max(0, endOffset - source.Offset));
        var headings = _headings.Count;
        _consumed = System.Math.Max(_consumed, from);
        var document = Markdown.Parse(part, PageOutline.Pipeline);
        NoteSpelling(document, source);
        Walk(document, source, inComponent: false, to);
        _consumed = System.Math.Max(_consumed, to);
        for (var i = headings; i < _headings.Count; i++)
        {
            var heading = _headings[i];
            _notes.Add(Note(DiagnosticDescriptors.HeadingSwallowed, heading.Line, heading.Text, swallowedBy, Number(blockLine + 1)));
        }
    }

    private string? FrontMatterTitle(int first, int last)
    {
        for (var i = first + 1; i < last; i++)
        {
            var line = Lines[i];
            if (line.StartsWith("title:", System.StringComparison.Ordinal))
            {
                var value = line.Substring(6).Trim().Trim('"', '\'').Trim();
                return value.Length > 0 ? value : null;
            }
        }

        return null;
    }

    // Where a table or component read line by line must stop at the latest: for each block of the
    // container, the line of the next heading Markdig saw after it (one pass, from the end).
    private static int[] HeadingsAfter(ContainerBlock container, PageSource source, int limit)
    {
        var after = new int[container.Count];
        var next = limit;
        for (var i = container.Count - 1; i >= 0; i--)
        {
            after[i] = next;
            if (container[i] is HeadingBlock heading)
            {
                next = System.Math.Min(limit, source.LineOf(heading.Span.Start));
            }
        }

        return after;
    }

    private static string Describe(Block block) => block switch
    {
        FencedCodeBlock => "fenced block",
        HtmlBlock => "HTML block",
        Table => "table",
        ListBlock => "list",
        _ => "block",
    };

    // Placed in no file yet: the page reader places the outline's notes in its file.
    private DiagnosticInfo Note(DiagnosticDescriptor descriptor, int line, params string[] args)
        => DiagnosticCollector.Make(descriptor, new Place(string.Empty, line, 0, Lines[line].Length), args);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static bool IsHeading(string trimmed)
    {
        var hashes = 0;
        while (hashes < trimmed.Length && trimmed[hashes] == '#')
        {
            hashes++;
        }

        return hashes is > 0 and <= 6 && hashes < trimmed.Length && (trimmed[hashes] == ' ' || trimmed[hashes] == '\t');
    }

    // The sections of an API or event page: a heading so named is never the content of a code sample.
    private static readonly HashSet<string> SectionNames = new()
    {
        "请求", "请求头", "路径参数", "查询参数", "请求参数", "请求体", "请求体示例", "响应", "响应体", "响应体示例", "错误码", "调用示例", "事件", "事件体", "事件体示例",
    };

    // '## 响应' and deeper: a section of the page, never a comment of a code sample.
    private static bool IsSectionHeading(string line) => line.StartsWith("##", System.StringComparison.Ordinal) && IsHeading(line);

    private static string InlineText(ContainerInline? inline)
    {
        if (inline is null)
        {
            return string.Empty;
        }

        var builder = new System.Text.StringBuilder();
        foreach (var child in inline.Descendants())
        {
            switch (child)
            {
                case LiteralInline literal:
                    builder.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    builder.Append(code.Content);
                    break;
            }
        }

        return builder.ToString();
    }
}
