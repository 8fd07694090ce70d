using System.Collections.Generic;
using FeishuGen.Generator.Diagnostics;
using Markdig;
using Markdig.Extensions.Tables;

namespace FeishuGen.Generator.Reading;

/// <summary>A heading of the page: level, plain text and 0-based line.</summary>
internal sealed record Heading(int Level, string Text, int Line);

/// <summary>A fenced code block (or a portal code component): its info string, its content and the 0-based line where it opens.</summary>
internal sealed class CodeFence
{
    public CodeFence(string info, string content, int line)
    {
        Info = info;
        Content = content;
        Line = line;
    }

    public string Info { get; }

    public string Content { get; }

    public int Line { get; }

    /// <summary>Whether a reader took the fence (an example, a sample), for the section accounting.</summary>
    public Use Use { get; set; }
}

/// <summary>
/// The block structure of a page as Markdig reads it, in any Markdown syntax: headings (ATX or
/// setext), fenced code blocks (backticks or tildes) and GFM pipe tables (with or without outer
/// pipes), plus what is Feishu's own (the docs portal's <c>md-*</c> components) and what a
/// converter broke (tables repaired, headings a block swallowed), each with a note. Lines are
/// 0-based page lines. One parse of the page serves every reader.
/// </summary>
internal sealed class PageOutline
{
    /// <summary>The Markdown the reader understands: CommonMark, GFM pipe tables, YAML front matter, and ':::' containers (the portal's ':::html').</summary>
    internal static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables(new PipeTableOptions { RequireHeaderSeparator = true })
        .UseYamlFrontMatter()
        .UseCustomContainers()
        .Build();

    internal PageOutline(PageSource source, List<Heading> headings, List<CodeFence> fences, List<PageTable> tables, List<DiagnosticInfo> notes, string? frontMatterTitle)
    {
        FrontMatterTitle = frontMatterTitle;
        Source = source;
        Headings = headings;
        Fences = fences;
        Tables = tables;
        Notes = notes;
    }

    /// <summary>The page split into physical lines, without line terminators.</summary>
    public string[] Lines => Source.Lines;

    /// <summary>The page's text with '\n' line ends and no byte order mark.</summary>
    public string Text => Source.Text;

    public List<Heading> Headings { get; }

    public List<CodeFence> Fences { get; }

    public List<PageTable> Tables { get; }

    /// <summary>What reading the structure found to say (tables repaired, headings recovered), without a file path yet.</summary>
    public List<DiagnosticInfo> Notes { get; }

    internal PageSource Source { get; }

    /// <summary>The front matter's <c>title</c>, for pages whose body has no heading above the request.</summary>
    public string? FrontMatterTitle { get; }

    /// <summary>The sections readers took, by name and lines [Start, End): their tables and fences are accounted for.</summary>
    public List<(string Name, int Start, int End)> SectionsRead { get; } = new();

    /// <summary>How many blocks of sections read only the closing check reported (see <see cref="SectionAccounting"/>).</summary>
    public int Unexplained { get; set; }

    /// <summary>Records that a reader takes the section under <paramref name="heading"/> and returns where it ends.</summary>
    public int Take(Heading heading)
    {
        var end = SectionEnd(heading, stopAtAnyHeading: true);
        SectionsRead.Add((heading.Text, heading.Line, end));
        return end;
    }

    public static PageOutline Parse(string text) => OutlineBuilder.Build(Normalize(text));

    /// <summary>Lines whose spelling is not the canonical one (setext headings, '*' bullets, tilde fences, tables without outer pipes): their canonical text, or null for a line to leave out.</summary>
    internal IReadOnlyDictionary<int, string?> Respelled { get; init; } = new Dictionary<int, string?>();

    /// <summary>
    /// Lines [start, end) of prose in one spelling, whatever the page's: ATX headings, '-' bullets,
    /// backtick fences and outer pipes, so that the model's descriptions do not depend on how the
    /// page spells its Markdown.
    /// </summary>
    public List<string> CanonicalLines(int start, int end)
    {
        var lines = new List<string>(System.Math.Max(0, end - start));
        for (var i = System.Math.Max(0, start); i < end && i < Lines.Length; i++)
        {
            if (!Respelled.TryGetValue(i, out var respelled))
            {
                lines.Add(Lines[i]);
            }
            else if (respelled is not null)
            {
                lines.Add(respelled);
            }
        }

        return lines;
    }

    /// <summary>The first heading whose text is <paramref name="text"/>, at any level.</summary>
    public Heading? Find(string text, int minLevel = 1, int maxLevel = 6)
    {
        foreach (var heading in Headings)
        {
            if (heading.Text == text && heading.Level >= minLevel && heading.Level <= maxLevel)
            {
                return heading;
            }
        }

        return null;
    }

    /// <summary>The line where the section opened by <paramref name="heading"/> ends (exclusive): the next heading of the same or a higher level.</summary>
    public int SectionEnd(Heading heading, bool stopAtAnyHeading = false)
    {
        foreach (var other in Headings)
        {
            if (other.Line > heading.Line && (stopAtAnyHeading || other.Level <= heading.Level))
            {
                return other.Line;
            }
        }

        return Lines.Length;
    }

    /// <summary>The first fence that starts inside [start, end).</summary>
    public CodeFence? FenceIn(int start, int end)
    {
        foreach (var fence in Fences)
        {
            if (fence.Line >= start && fence.Line < end)
            {
                return fence;
            }
        }

        return null;
    }

    /// <summary>The first table that starts inside [start, end).</summary>
    public PageTable? TableIn(int start, int end)
    {
        foreach (var table in Tables)
        {
            if (table.Line >= start && table.Line < end)
            {
                return table;
            }
        }

        return null;
    }

    // Copies from a browser or a note: CRLF or CR line ends and a byte order mark.
    private static string Normalize(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text.Substring(1);
        }

        return text.IndexOf('\r') < 0 ? text : text.Replace("\r\n", "\n").Replace('\r', '\n');
    }
}
