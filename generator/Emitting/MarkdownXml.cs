using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace FeishuGen.Generator.Emitting;

/// <summary>
/// The pages' Markdown as XML doc markup, so that IntelliSense reads like the page: <c>`code`</c>
/// becomes &lt;c&gt;, links become &lt;see href&gt; with absolute doc URLs, <c>**bold**</c> becomes
/// &lt;b&gt;, and runs of "- item" lines become a bullet list. Every tag it writes is closed on the
/// same line, so a page's stray markup can never make the comment malformed.
/// </summary>
internal static class MarkdownXml
{
    private const string DocsRoot = "https://open.feishu.cn/document/";

    private static readonly Regex Code = new(@"`([^`<>]+)`", RegexOptions.Compiled);
    private static readonly Regex Link = new(@"\[([^\]<>\[]+)\]\(([^)\s<>""]+)\)", RegexOptions.Compiled);
    private static readonly Regex Bold = new(@"\*\*([^*<>]+)\*\*", RegexOptions.Compiled);
    private static readonly Regex Bullet = new(@"^\s*[-*•]\s+(.+)$", RegexOptions.Compiled);

    /// <summary>Writes <paramref name="text"/> as '/// ' lines: the first plain, the others as paragraphs or list items.</summary>
    public static void WriteLines(SourceWriter writer, string text)
    {
        var first = true;
        var items = new List<string>();
        foreach (var raw in text.Replace("\r", string.Empty).Split('\n'))
        {
            var bullet = Bullet.Match(raw);
            var line = Line(bullet.Success ? bullet.Groups[1].Value : raw);
            if (line.Length == 0)
            {
                continue;
            }

            if (bullet.Success && !first)
            {
                items.Add(line);
                continue;
            }

            Flush(writer, items);
            writer.Line(first ? "/// " + line : "/// <para>" + line + "</para>");
            first = false;
        }

        Flush(writer, items);
    }

    /// <summary>One line: escaped for XML, then its inline Markdown turned into doc tags.</summary>
    public static string Line(string markdown)
    {
        var text = CSharp.Xml(markdown);
        text = Code.Replace(text, "<c>$1</c>");
        text = Link.Replace(text, m => Href(m.Groups[2].Value) is { } href ? "<see href=\"" + href + "\">" + m.Groups[1].Value + "</see>" : m.Groups[1].Value);
        return Bold.Replace(text, "<b>$1</b>");
    }

    // Links on the pages are absolute, or relative to the docs site (/ssl:ttdoc/…, /document/…).
    private static string? Href(string url)
    {
        if (url.StartsWith("https://", System.StringComparison.Ordinal) || url.StartsWith("http://", System.StringComparison.Ordinal))
        {
            return url;
        }

        if (url.StartsWith("/ssl:ttdoc/", System.StringComparison.Ordinal))
        {
            return DocsRoot + url.Substring("/ssl:ttdoc/".Length);
        }

        return url.StartsWith("/document/", System.StringComparison.Ordinal) ? "https://open.feishu.cn" + url : null;
    }

    private static void Flush(SourceWriter writer, List<string> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        writer.Line("/// <list type=\"bullet\">");
        foreach (var item in items)
        {
            writer.Line("/// <item><description>" + item + "</description></item>");
        }

        writer.Line("/// </list>");
        items.Clear();
    }
}
