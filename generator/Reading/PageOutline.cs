using System.Collections.Generic;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace FeishuGen.Generator.Reading;

/// <summary>A heading of the page: level, plain text and 0-based line.</summary>
internal sealed record Heading(int Level, string Text, int Line);

/// <summary>A fenced code block: its info string, its content and the 0-based line of the opening fence.</summary>
internal sealed record CodeFence(string Info, string Content, int Line);

/// <summary>
/// The block structure of a page as Markdig sees it: headings and fenced code blocks with their
/// lines. Tables are left to <see cref="PipeTableReader"/>, because Feishu's table rows run over
/// several physical lines and a CommonMark table parser silently drops them.
/// </summary>
internal sealed class PageOutline
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    // A line holding only <br> opens an HTML block that would swallow the heading after it.
    private static readonly System.Text.RegularExpressions.Regex LoneBreak = LineBreaks.Alone;

    private PageOutline(string[] lines, List<Heading> headings, List<CodeFence> fences)
    {
        Lines = lines;
        Headings = headings;
        Fences = fences;
    }

    /// <summary>The page split into physical lines, without line terminators.</summary>
    public string[] Lines { get; }

    public List<Heading> Headings { get; }

    public List<CodeFence> Fences { get; }

    public static PageOutline Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var document = Markdown.Parse(ForMarkdig(lines), Pipeline);
        var headings = new List<Heading>();
        var fences = new List<CodeFence>();
        foreach (var block in document.Descendants())
        {
            switch (block)
            {
                case HeadingBlock heading:
                    headings.Add(new Heading(heading.Level, InlineText(heading.Inline).Trim(), heading.Line));
                    break;
                case FencedCodeBlock fence:
                    fences.Add(new CodeFence((fence.Info ?? string.Empty).Trim(), fence.Lines.ToString(), fence.Line));
                    break;
            }
        }

        // The docs portal writes examples and SDK samples as components, which Markdig sees as HTML.
        fences.AddRange(ComponentFences.Read(lines));
        headings.Sort((a, b) => a.Line.CompareTo(b.Line));
        fences.Sort((a, b) => a.Line.CompareTo(b.Line));
        return new PageOutline(lines, headings, fences);
    }

    /// <summary>
    /// The page as Markdig should see it, line for line: the YAML front matter, the portal's
    /// <c>:::html</c> / <c>:::</c> fence lines and lines holding only <c>&lt;br&gt;</c> become blank. CommonMark ends an HTML block only at a
    /// blank line, so without this the heading right after a component's closing <c>:::</c> is
    /// swallowed, and the front matter's closing <c>---</c> makes its last line a heading.
    /// </summary>
    private static string ForMarkdig(string[] lines)
    {
        var masked = (string[])lines.Clone();
        var frontMatterEnd = lines.Length > 0 && lines[0].Trim() == "---" ? System.Array.FindIndex(lines, 1, l => l.Trim() == "---") : -1;
        for (var i = 0; i < masked.Length; i++)
        {
            var trimmed = masked[i].Trim();
            if (i <= frontMatterEnd || (trimmed.StartsWith(":::", System.StringComparison.Ordinal) && trimmed.IndexOf(' ') < 0) || LoneBreak.IsMatch(trimmed))
            {
                masked[i] = string.Empty;
            }
        }

        return string.Join("\n", masked);
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
