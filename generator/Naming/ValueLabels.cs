using System.Linq;

namespace FeishuGen.Generator.Naming;

/// <summary>
/// The word a documented value's label gives its constant, when the value itself (a number) cannot
/// name it: the whole label when it is English (<c>Bitable</c>, <c>Visual Basic</c>); else a leading
/// English word set off from the Chinese (<c>Text：文本</c>, <c>active - 启用</c>, <c>COUNTRY（国家）</c>,
/// <c>sip用户</c>); else an English word in brackets (<c>在线(online)</c>). A label that gives none
/// (<c>高亮块 Block</c> has its word last, as a kind shared by many labels) leaves the numeric name.
/// </summary>
internal static class ValueLabels
{
    private static readonly System.Text.RegularExpressions.Regex RestatedNumber = new(@"^-?\d+\s*[-:：.、)）]\s*");

    public static string? Word(string label)
    {
        // '1 - active', '2: online': a label that restates its number before the word.
        var text = RestatedNumber.Replace(label.Trim(), string.Empty).TrimStart('-', ':', '：', '.', '、', ' ').Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (IsAsciiWords(text) && text.Length <= 40 && text.Any(char.IsLetter))
        {
            return text;
        }

        return Casing(Leading(text) ?? Bracketed(text));
    }

    /// <summary>Letters, digits, spaces, '_', '-' and '.' only: a label that is English as a whole.</summary>
    public static bool IsAsciiWords(string text)
        => text.Length > 0 && text.All(c => c < 128 && (char.IsLetterOrDigit(c) || c == '_' || c == ' ' || c == '-' || c == '.'));

    // 'Text：文本', 'active - 启用', 'sip用户': an identifier-like word, then a separator or the Chinese.
    private static string? Leading(string text)
    {
        var end = 0;
        while (end < text.Length && IsWordChar(text[end]))
        {
            end++;
        }

        return end >= 2 && end < text.Length && char.IsLetter(text[0]) && (text[end] > 127 || " ：:（(-,，;；".IndexOf(text[end]) >= 0) ? text.Substring(0, end) : null;
    }

    // '在线(online)', '文本（text）'.
    private static string? Bracketed(string text)
    {
        var open = text.IndexOfAny(new[] { '(', '（' });
        var close = open < 0 ? -1 : text.IndexOfAny(new[] { ')', '）' }, open + 1);
        if (close < 0)
        {
            return null;
        }

        var inner = text.Substring(open + 1, close - open - 1).Trim();
        return inner.Length >= 2 && char.IsLetter(inner[0]) && inner.All(IsWordChar) ? inner : null;
    }

    // COUNTRY → Country: a shouted word reads as a name; two letters (HR, AI) stay as they are.
    private static string? Casing(string? word)
        => word is { Length: > 2 } && word.All(c => !char.IsLetter(c) || char.IsUpper(c)) ? word.Substring(0, 1) + word.Substring(1).ToLowerInvariant() : word;

    private static bool IsWordChar(char c) => c < 128 && (char.IsLetterOrDigit(c) || c == '_');
}
