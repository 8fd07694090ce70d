using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace FeishuGen.Generator.Reading;

/// <summary>
/// Turns the docs portal's components inside a table cell (<c>&lt;md-enum&gt;</c>,
/// <c>&lt;md-app-support&gt;</c>, <c>&lt;md-text&gt;</c>, <c>&lt;md-tag&gt;</c>, tooltips) into the
/// cell text of the cleaned form (<c>&lt;br&gt;</c> breaks, <c>**可选值**:</c> lists), so that one
/// cell parser reads every form and the same doc gives the same model.
/// </summary>
internal static class PortalMarkup
{
    private static readonly Regex Enum = new(@"<md-enum[^>]*>(.*?)</md-enum>", RegexOptions.Compiled | RegexOptions.Singleline);
    private static readonly Regex EnumItem = new(@"<md-enum-item\s+key=""([^""]*)""[^>]*>(.*?)</md-enum-item>", RegexOptions.Compiled | RegexOptions.Singleline);
    private static readonly Regex AppSupport = new(@"<md-app-support\s+types=""([^""]*)""[^>]*>\s*(?:</md-app-support>)?", RegexOptions.Compiled);
    private static readonly Regex Perm = new(@"<md-perm\s+name=""([^""]*)""\s+desc=""([^""]*)""", RegexOptions.Compiled);
    private static readonly Regex Dropped = new(@"<(md-tooltip|div)[^>]*>.*?</\1>", RegexOptions.Compiled | RegexOptions.Singleline);
    private static readonly Regex Break = LineBreaks.Tag;
    // HTML and component tags only: a type such as array<array<interface>> or map<string, String> is text.
    private static readonly Regex Tag = new(@"</?(?:md-[a-z-]+|br|div|span|p|a|b|i|u|s|em|strong|code|pre|font|img|ul|ol|li|table|thead|tbody|tr|td|th|sup|sub|h[1-6]|hr|at)(?=[\s/>])[^>]*>", RegexOptions.Compiled | RegexOptions.IgnoreCase);
    private static readonly Regex Lines = new(@"[ \t]*\n\s*", RegexOptions.Compiled);

    /// <summary>The cell as cleaned-form text: components translated, tags dropped, line breaks as &lt;br&gt;.</summary>
    public static string Cell(string html)
    {
        var text = Dropped.Replace(html, string.Empty);
        text = Enum.Replace(text, m => "<br>**可选值**:" + Items(m.Groups[1].Value) + "<br>");
        text = AppSupport.Replace(text, m => m.Groups[1].Value.Replace(',', ' '));
        text = Break.Replace(text, "\u0001");
        text = Tag.Replace(text, string.Empty);
        text = Lines.Replace(text.Trim(), "\u0001");
        return System.Net.WebUtility.HtmlDecode(text).Replace("\u0001", "<br>");
    }

    /// <summary>
    /// Prose (a page's description) without the portal's scaffolding: the 尝试一下 link, the
    /// <c>:::html</c> fences and component tags go, the text inside them stays; empty notes leave
    /// no gap behind.
    /// </summary>
    public static string Prose(string text)
    {
        text = TryIt.Replace(text, string.Empty);
        text = FenceLine.Replace(text, string.Empty);
        text = ComponentTag.Replace(text, string.Empty);
        return Gaps.Replace(text, "\n\n").Trim();
    }

    private static readonly Regex TryIt = new(@"\{尝试一下\}\(url=[^)]*\)", RegexOptions.Compiled);
    private static readonly Regex FenceLine = new(@"^[ \t]*:::\w*[ \t]*$", RegexOptions.Compiled | RegexOptions.Multiline);
    private static readonly Regex ComponentTag = new(@"</?md-[a-z-]+[^>]*>", RegexOptions.Compiled);
    private static readonly Regex Gaps = new(@"\n[ \t]*(\n[ \t]*)+", RegexOptions.Compiled);

    /// <summary>The scopes of a 权限要求 cell: (display name, key) pairs from <c>&lt;md-perm&gt;</c>.</summary>
    public static List<(string Name, string Key)> Scopes(string html)
    {
        var scopes = new List<(string, string)>();
        foreach (Match match in Perm.Matches(html))
        {
            scopes.Add((System.Net.WebUtility.HtmlDecode(match.Groups[2].Value), match.Groups[1].Value));
        }

        return scopes;
    }

    private static string Items(string items)
    {
        var builder = new System.Text.StringBuilder();
        foreach (Match item in EnumItem.Matches(items))
        {
            builder.Append("<br>- ").Append(item.Groups[1].Value).Append(": ").Append(Tag.Replace(item.Groups[2].Value, string.Empty).Trim());
        }

        return builder.ToString();
    }
}
