namespace FeishuGen.Generator.Reading;

/// <summary>
/// The page's text and lines, and where one Markdig parse of it starts: the whole page, or the
/// rest of a block that swallowed a part of the page, parsed again on its own (Markdig's spans
/// are then relative to that part). Turns Markdig's positions into the page's lines.
/// </summary>
internal sealed class PageSource
{
    private readonly int[] _lineStarts;

    private PageSource(string text, string[] lines, int[] lineStarts, int offset)
    {
        Text = text;
        Lines = lines;
        _lineStarts = lineStarts;
        Offset = offset;
    }

    /// <summary>The page, with '\n' line ends and no byte order mark.</summary>
    public string Text { get; }

    /// <summary>The page's physical lines, without line terminators.</summary>
    public string[] Lines { get; }

    /// <summary>Where in <see cref="Text"/> the parsed part starts.</summary>
    public int Offset { get; }

    public static PageSource Of(string text)
    {
        var lines = text.Split('\n');
        var starts = new int[lines.Length];
        var position = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            starts[i] = position;
            position += lines[i].Length + 1;
        }

        return new PageSource(text, lines, starts, 0);
    }

    /// <summary>The same page, for a parse of the part that starts at line <paramref name="line"/>.</summary>
    public PageSource From(int line) => new(Text, Lines, _lineStarts, _lineStarts[line]);

    /// <summary>The offset in <see cref="Text"/> where line <paramref name="line"/> starts.</summary>
    public int StartOf(int line) => _lineStarts[line];

    /// <summary>The 0-based page line of a position of the parsed part.</summary>
    public int LineOf(int position)
    {
        var absolute = position + Offset;
        var index = System.Array.BinarySearch(_lineStarts, absolute);
        return index >= 0 ? index : ~index - 1;
    }

    /// <summary>The text of the parsed part between two positions (inclusive), as Markdig's spans give them.</summary>
    public string Slice(int start, int end) => Text.Substring(start + Offset, end - start + 1);
}
