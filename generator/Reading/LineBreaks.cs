using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace FeishuGen.Generator.Reading;

/// <summary>The pages' line break inside a cell or a line, <c>&lt;br&gt;</c>, <c>&lt;br/&gt;</c> or <c>&lt;BR /&gt;</c>: one pattern for every reader.</summary>
internal static class LineBreaks
{
    /// <summary>A <c>&lt;br&gt;</c> tag, any case, with or without a slash.</summary>
    public static readonly Regex Tag = new(@"<br\s*/?>", RegexOptions.IgnoreCase | RegexOptions.Compiled);

    /// <summary>A line that is only a <c>&lt;br&gt;</c> tag.</summary>
    public static readonly Regex Alone = new(@"^<br\s*/?>$", RegexOptions.IgnoreCase | RegexOptions.Compiled);

    /// <summary>
    /// The text between the <see cref="Tag"/>s of <paramref name="text"/>, as <c>Tag.Split</c> gives
    /// it, read by hand: every description cell is split so.
    /// </summary>
    public static string[] Split(string text)
    {
        List<string>? parts = null;
        var from = 0;
        for (var at = text.IndexOf('<'); at >= 0; at = text.IndexOf('<', at + 1))
        {
            var end = TagEnd(text, at);
            if (end < 0)
            {
                continue;
            }

            (parts ??= new List<string>()).Add(text.Substring(from, at - from));
            from = end;
            at = end - 1;
        }

        if (parts is null)
        {
            return new[] { text };
        }

        parts.Add(text.Substring(from));
        return parts.ToArray();
    }

    // Where the tag that opens at 'at' ends ('<br', white space, an optional '/', '>'; any case), or -1.
    private static int TagEnd(string text, int at)
    {
        if (at + 2 >= text.Length || text[at + 1] is not ('b' or 'B') || text[at + 2] is not ('r' or 'R'))
        {
            return -1;
        }

        var i = at + 3;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        if (i < text.Length && text[i] == '/')
        {
            i++;
        }

        return i < text.Length && text[i] == '>' ? i + 1 : -1;
    }
}
