using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace FeishuGen.Bots;

/// <summary>
/// Markdown to the classic post tags, for where the <c>md</c> tag is not allowed: fenced code
/// becomes <c>code_block</c>, a rule <c>hr</c>, headings bold text, list items and quotes text with
/// their markers, and inline <c>**bold**</c>, <c>*italic*</c>, <c>~~strike~~</c>, <c>`code`</c>,
/// <c>[text](url)</c> and <c>&lt;at user_id="…"&gt;&lt;/at&gt;</c> become styled text, links and mentions.
/// Images and videos are not Markdown here: add <see cref="PostImage"/> paragraphs yourself.
/// </summary>
internal static partial class MarkdownToPost
{
    [GeneratedRegex(@"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\s{0,3}([-*_])(\s*\1){2,}\s*$")]
    private static partial Regex Rule();

    [GeneratedRegex(@"^\s{0,3}(`{3,}|~{3,})\s*([^`\s]*)\s*$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^<at\s+(?:user_id|id)\s*=\s*""?([^""\s>]+)""?\s*>(.*?)</at>", RegexOptions.Singleline)]
    private static partial Regex At();

    [GeneratedRegex(@"^\[([^\[\]]+)\]\(([^()\s]+)\)")]
    private static partial Regex Link();

    public static IReadOnlyList<IReadOnlyList<PostNode>> Convert(string markdown)
    {
        var paragraphs = new List<IReadOnlyList<PostNode>>();
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        string? fence = null;
        string? language = null;
        var code = new StringBuilder();
        var blank = false;
        foreach (var line in lines)
        {
            var fenceMatch = Fence().Match(line);
            if (fence is not null)
            {
                if (fenceMatch.Success && line.Trim().StartsWith(fence, StringComparison.Ordinal) && fenceMatch.Groups[2].Value.Length == 0)
                {
                    paragraphs.Add([new PostCodeBlock { Language = language, Text = code.ToString().TrimEnd('\n') }]);
                    fence = null;
                    code.Clear();
                }
                else
                {
                    code.Append(line).Append('\n');
                }

                continue;
            }

            if (fenceMatch.Success)
            {
                fence = fenceMatch.Groups[1].Value;
                language = fenceMatch.Groups[2].Value.Length > 0 ? fenceMatch.Groups[2].Value.ToUpperInvariant() : null;
                continue;
            }

            if (line.Trim().Length == 0)
            {
                // One empty paragraph keeps the gap between blocks; more add nothing.
                if (!blank && paragraphs.Count > 0)
                {
                    paragraphs.Add([new PostText { Text = string.Empty }]);
                }

                blank = true;
                continue;
            }

            blank = false;
            if (Rule().IsMatch(line))
            {
                paragraphs.Add([new PostRule()]);
                continue;
            }

            var heading = Heading().Match(line);
            paragraphs.Add(heading.Success ? Inline(heading.Groups[2].Value, [PostStyles.Bold]) : Inline(line, []));
        }

        if (fence is not null)
        {
            paragraphs.Add([new PostCodeBlock { Language = language, Text = code.ToString().TrimEnd('\n') }]);
        }

        while (paragraphs.Count > 0 && paragraphs[^1] is [PostText { Text: "" }])
        {
            paragraphs.RemoveAt(paragraphs.Count - 1);
        }

        return paragraphs;
    }

    /// <summary>One line's inline Markdown as nodes; a marker without its closing partner stays literal.</summary>
    internal static IReadOnlyList<PostNode> Inline(string line, IReadOnlyList<string> baseStyle)
    {
        var nodes = new List<PostNode>();
        var run = new StringBuilder();
        var styles = new List<string>(baseStyle);
        var i = 0;
        while (i < line.Length)
        {
            var rest = line.AsSpan(i);
            if (rest[0] == '\\' && rest.Length > 1 && "\\`*_~[]()<>#".Contains(rest[1]))
            {
                run.Append(rest[1]);
                i += 2;
                continue;
            }

            if (rest[0] == '`' && line.IndexOf('`', i + 1) is var close and > 0)
            {
                Flush(nodes, run, styles);
                nodes.Add(new PostText { Text = line.Substring(i + 1, close - i - 1), Style = Styles(styles) });
                i = close + 1;
                continue;
            }

            if (rest[0] == '[' && Link().Match(line, i, line.Length - i) is { Success: true } link)
            {
                Flush(nodes, run, styles);
                nodes.Add(new PostLink { Text = link.Groups[1].Value, Href = link.Groups[2].Value, Style = Styles(styles) });
                i += link.Length;
                continue;
            }

            if (rest[0] == '<' && At().Match(line[i..]) is { Success: true } at)
            {
                Flush(nodes, run, styles);
                var name = at.Groups[2].Value;
                nodes.Add(new PostAt { UserId = at.Groups[1].Value, UserName = name.Length > 0 ? name : null, Style = Styles(styles) });
                i += at.Length;
                continue;
            }

            var marker = Marker(rest);
            if (marker is not null && Toggles(line, i, marker.Value.Token, styles.Contains(marker.Value.Style)))
            {
                Flush(nodes, run, styles);
                if (!styles.Remove(marker.Value.Style))
                {
                    styles.Add(marker.Value.Style);
                }

                i += marker.Value.Token.Length;
                continue;
            }

            run.Append(rest[0]);
            i++;
        }

        Flush(nodes, run, styles);
        return nodes.Count > 0 ? nodes : [new PostText { Text = line }];
    }

    private static (string Token, string Style)? Marker(ReadOnlySpan<char> rest)
    {
        if (rest.StartsWith("**") || rest.StartsWith("__"))
        {
            return (rest[..2].ToString(), PostStyles.Bold);
        }

        if (rest.StartsWith("~~"))
        {
            return ("~~", PostStyles.LineThrough);
        }

        if (rest[0] is '*' or '_')
        {
            return (rest[..1].ToString(), PostStyles.Italic);
        }

        return null;
    }

    // An opener needs a closer later on the line and text right after it; '_' inside a word (snake_case) is text.
    private static bool Toggles(string line, int at, string token, bool closing)
    {
        var after = at + token.Length;
        if (token[0] == '_' && ((at > 0 && char.IsLetterOrDigit(line[at - 1]) && !closing) || (closing && after < line.Length && char.IsLetterOrDigit(line[after]))))
        {
            return false;
        }

        if (closing)
        {
            return at > 0 && !char.IsWhiteSpace(line[at - 1]);
        }

        return after < line.Length && !char.IsWhiteSpace(line[after]) && line.IndexOf(token, after + 1, StringComparison.Ordinal) > after;
    }

    private static void Flush(List<PostNode> nodes, StringBuilder run, List<string> styles)
    {
        if (run.Length > 0)
        {
            nodes.Add(new PostText { Text = run.ToString(), Style = Styles(styles) });
            run.Clear();
        }
    }

    private static IReadOnlyList<string>? Styles(List<string> styles) => styles.Count == 0 ? null : styles.ToArray();
}
