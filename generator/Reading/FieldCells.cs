using System;
using System.Text.RegularExpressions;

namespace FeishuGen.Generator.Reading;

/// <summary>
/// What the cells of a parameter table say beside their text: a row's nesting depth, a name with
/// the required mark written after it, and the Markdown escapes a type or a name may carry.
/// </summary>
internal static class FieldCells
{
    // A name starts like an identifier: rows such as '================ | 以下字段适用于…' are prose inside the table.
    private static readonly Regex FieldName = new(@"^[A-Za-z_$@][^=<>|]*$", RegexOptions.Compiled);

    private static readonly char[] Spaces = { ' ', '\t', '\u00a0' };

    /// <summary>Whether a 必填 cell marks its field required: 是 on Chinese pages, yes or true on pages in English.</summary>
    public static bool IsRequiredMark(string cell)
    {
        var text = StripMarkup(cell);
        return text == "是" || text.Equals("yes", StringComparison.OrdinalIgnoreCase) || text.Equals("true", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether <paramref name="name"/> reads as a field name rather than prose written into the name column.</summary>
    public static bool IsFieldName(string name) => FieldName.IsMatch(name);

    /// <summary>The name cell without its nesting marks; it may carry the required mark after a break ('approval_code&lt;br&gt;必选', 'content 必选').</summary>
    public static (string Name, bool Required) Name(string cell)
    {
        var name = StripMarkup(cell.Replace("&emsp;", string.Empty).Replace("&nbsp;", string.Empty).Replace("∟", string.Empty).Replace("└", string.Empty));
        name = name.IndexOf("<br", StringComparison.OrdinalIgnoreCase) >= 0 ? LineBreaks.Tag.Replace(name, " ").Trim() : name;
        var space = name.IndexOfAny(Spaces);
        if (space < 0)
        {
            return (name, false);
        }

        var rest = name.Substring(space).Trim();
        return rest is "必选" or "必填" or "required" or "可选" or "选填" or "optional"
            ? (name.Substring(0, space), rest is "必选" or "必填" or "required")
            : (name, false);
    }

    /// <summary>
    /// How deep a row is nested. Older pages indent with '&amp;emsp;' per level or a '∟'; standard
    /// Markdown writes '&amp;nbsp;&amp;nbsp;' per level before a '└' ('└└' on a few rows without spaces).
    /// </summary>
    public static int NestingDepth(string cell)
    {
        var corner = cell.IndexOf('└');
        if (corner >= 0)
        {
            var spaces = Count(cell.Substring(0, corner), "&nbsp;") / 2;
            var corners = cell.Length - cell.Replace("└", string.Empty).Length;
            return Math.Max(spaces, corners);
        }

        var depth = 0;
        for (var at = cell.IndexOf("&emsp;", StringComparison.Ordinal); at >= 0; at = cell.IndexOf("&emsp;", at + 1, StringComparison.Ordinal))
        {
            depth++;
        }

        return depth == 0 && cell.IndexOf('∟') >= 0 ? 1 : depth;
    }

    /// <summary>The cell without Markdown escapes and emphasis: string\[\] is string[], page\_size is page_size (each replacement only where its character occurs).</summary>
    public static string StripMarkup(string cell)
    {
        var text = cell.IndexOf('&') >= 0 ? System.Net.WebUtility.HtmlDecode(cell) : cell;
        text = text.IndexOf('`') >= 0 ? text.Replace("`", string.Empty) : text;
        text = text.IndexOf('*') >= 0 ? text.Replace("*", string.Empty) : text;
        return (text.IndexOf('\\') >= 0 ? text.Replace("\\_", "_").Replace("\\[", "[").Replace("\\]", "]") : text).Trim();
    }

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
