namespace FeishuGen.Generator.Reading;

/// <summary>
/// The bold label that opens a segment of a description cell (<c>**示例值**：…</c>,
/// <c>**可选值有**:</c>, <c>**数据校验规则**</c>): the label's name and the text after it. Read by
/// hand rather than by a pattern with groups, because nearly every cell of a page has one and the
/// match objects of a pattern cost more than the reading.
/// </summary>
internal static class CellLabels
{
    // In the order they are tried: a longer name before the name it starts with.
    private static readonly string[] Names = { "示例值", "示例", "可选值有", "可选值", "可选项有", "可能值有", "可能值", "数据校验规则", "默认值" };

    /// <summary>
    /// The label of a segment spelt <c>**name**</c> or <c>**name:**</c> (either colon), then white
    /// space, an optional colon and white space, and the rest; false when it opens with none.
    /// </summary>
    public static bool TryRead(string segment, out string name, out string rest)
    {
        name = string.Empty;
        rest = string.Empty;
        if (!segment.StartsWith("**", System.StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var candidate in Names)
        {
            if (string.CompareOrdinal(segment, 2, candidate, 0, candidate.Length) != 0 || segment.Length < 2 + candidate.Length)
            {
                continue;
            }

            var at = 2 + candidate.Length;
            at = IsColon(segment, at) && IsBold(segment, at + 1) ? at + 1 : at;
            if (!IsBold(segment, at))
            {
                continue;
            }

            at += 2;
            at = SkipSpace(segment, at);
            at = IsColon(segment, at) ? SkipSpace(segment, at + 1) : at;
            name = candidate;
            rest = segment.Substring(at);
            return true;
        }

        return false;
    }

    private static bool IsColon(string text, int at) => at < text.Length && text[at] is ':' or '：';

    private static bool IsBold(string text, int at) => at + 1 < text.Length && text[at] == '*' && text[at + 1] == '*';

    private static int SkipSpace(string text, int at)
    {
        while (at < text.Length && char.IsWhiteSpace(text[at]))
        {
            at++;
        }

        return at;
    }

    // The names a list may follow without the bold ('可选值有：- `0`：已开通').
    private static readonly string[] PlainNames = { "可选值有", "可选值", "可选项有", "可能值有", "枚举值有", "枚举值" };

    /// <summary>
    /// Whether a cell may run a label into the text before it: white space right before a '**',
    /// or a plain list label before a colon. Without either no label is run in, and the pattern
    /// that splits them off need not look at every position of the cell.
    /// </summary>
    public static bool MayRunTogether(string cell)
    {
        for (var at = cell.IndexOf("**", System.StringComparison.Ordinal); at >= 0; at = cell.IndexOf("**", at + 1, System.StringComparison.Ordinal))
        {
            if (at > 0 && char.IsWhiteSpace(cell[at - 1]))
            {
                return true;
            }
        }

        foreach (var name in PlainNames)
        {
            for (var at = cell.IndexOf(name, System.StringComparison.Ordinal); at >= 0; at = cell.IndexOf(name, at + 1, System.StringComparison.Ordinal))
            {
                if (IsColon(cell, at + name.Length))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
