namespace FeishuGen.Generator.Reading;

/// <summary>
/// The text of a component cell in one pass, for what every cell needs: '&lt;br&gt;' and the line
/// breaks of the HTML become '&lt;br&gt;', other tags go, the text stays; entities are decoded.
/// It reads a part of a row in place and writes into a buffer of its thread, because the portal's
/// pages have a hundred thousand cells and each would otherwise cost several copies of itself.
/// </summary>
internal static class CellText
{
    // Marks, while the cell is read: a '<br>' tag, and a line break (which at either end of the cell goes).
    private const char BreakTag = '\u0001';
    private const char LineBreak = '\u0002';

    [System.ThreadStatic]
    private static char[]? _text;

    [System.ThreadStatic]
    private static char[]? _breaks;

    /// <summary>The cleaned text of <paramref name="html"/> between <paramref name="from"/> and <paramref name="to"/> (exclusive).</summary>
    public static string Of(string html, int from, int to)
    {
        var text = Buffer(ref _text, to - from);
        var length = 0;
        for (var i = from; i < to; i++)
        {
            var c = html[i];
            if (c == '<' && i + 1 < to && (IsAsciiLetter(html[i + 1]) || (html[i + 1] == '/' && i + 2 < to && IsAsciiLetter(html[i + 2]))))
            {
                var close = html.IndexOf('>', i, to - i);
                if (close < 0)
                {
                    html.CopyTo(i, text, length, to - i);
                    length += to - i;
                    break;
                }

                if (IsBreak(html, i + 1, close))
                {
                    text[length++] = BreakTag;
                }

                i = close;
            }
            else if (c == '\n')
            {
                // Spaces before a line break and all white space after it are one break.
                while (length > 0 && text[length - 1] is ' ' or '\t')
                {
                    length--;
                }

                text[length++] = LineBreak;
                while (i + 1 < to && char.IsWhiteSpace(html[i + 1]))
                {
                    i++;
                }
            }
            else
            {
                text[length++] = c;
            }
        }

        // White space and line breaks at either end are no part of the cell; a <br> there is.
        var start = 0;
        var end = length;
        while (start < end && (char.IsWhiteSpace(text[start]) || text[start] == LineBreak))
        {
            start++;
        }

        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] == LineBreak))
        {
            end--;
        }

        var marks = 0;
        var entities = false;
        for (var i = start; i < end; i++)
        {
            marks += text[i] is BreakTag or LineBreak ? 1 : 0;
            entities |= text[i] == '&';
        }

        if (entities)
        {
            // Decoded before the marks become '<br>', as an entity may spell a mark.
            var decoded = System.Net.WebUtility.HtmlDecode(new string(text, start, end - start));
            return decoded.IndexOf(BreakTag) >= 0 || decoded.IndexOf(LineBreak) >= 0 ? decoded.Replace(LineBreak, BreakTag).Replace("\u0001", "<br>") : decoded;
        }

        return marks == 0 ? new string(text, start, end - start) : WithBreaks(text, start, end, marks);
    }

    private static string WithBreaks(char[] text, int start, int end, int marks)
    {
        var result = Buffer(ref _breaks, end - start + (3 * marks));
        var length = 0;
        for (var i = start; i < end; i++)
        {
            if (text[i] is BreakTag or LineBreak)
            {
                result[length++] = '<';
                result[length++] = 'b';
                result[length++] = 'r';
                result[length++] = '>';
            }
            else
            {
                result[length++] = text[i];
            }
        }

        return new string(result, 0, length);
    }

    private static char[] Buffer(ref char[]? buffer, int length)
    {
        if (buffer is null || buffer.Length < length)
        {
            buffer = new char[System.Math.Max(length, 256)];
        }

        return buffer;
    }

    private static bool IsAsciiLetter(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';

    // '<br>', '<br/>', '<br />', any case: the tag's text between '<' and '>'.
    private static bool IsBreak(string html, int from, int close)
    {
        if (close - from < 2 || char.ToLowerInvariant(html[from]) != 'b' || char.ToLowerInvariant(html[from + 1]) != 'r')
        {
            return false;
        }

        for (var i = from + 2; i < close; i++)
        {
            if (!char.IsWhiteSpace(html[i]) && !(html[i] == '/' && i == close - 1))
            {
                return false;
            }
        }

        return true;
    }
}
