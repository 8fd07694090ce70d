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
    // A key the page forgot to open its quote for (key=custom_fields") is a key all the same.
    private static readonly Regex EnumItem = new(@"<md-enum-item\s+key=(?:""([^""]*)""|([^\s>""]*)""?)[^>]*>(.*?)</md-enum-item>", RegexOptions.Compiled | RegexOptions.Singleline);
    private static readonly Regex AppSupport = new(@"<md-app-support\s+types=""([^""]*)""[^>]*>\s*(?:</md-app-support>)?", RegexOptions.Compiled);
    private static readonly Regex Perm = new(@"<md-perm\s+name=""([^""]*)""\s+desc=""([^""]*)""", RegexOptions.Compiled);
    private static readonly Regex Dropped = new(@"<(md-tooltip|div)[^>]*>.*?</\1>", RegexOptions.Compiled | RegexOptions.Singleline);
    // HTML and component tags only: a type such as array<array<interface>> or map<string, String> is text.
    private static readonly Regex Tag = new(@"</?(?:md-[a-z-]+|br|div|span|p|a|b|i|u|s|em|strong|code|pre|font|img|ul|ol|li|table|thead|tbody|tr|td|th|sup|sub|h[1-6]|hr|at)(?=[\s/>])[^>]*>", RegexOptions.Compiled | RegexOptions.IgnoreCase);
    private static readonly Regex Lines = new(@"[ \t]*\n\s*", RegexOptions.Compiled);

    /// <summary>The cell as cleaned-form text: components translated, tags dropped, line breaks as &lt;br&gt;.</summary>
    public static string Cell(string html) => Cell(html, 0, html.Length);

    /// <summary>The cell between <paramref name="from"/> and <paramref name="to"/> (exclusive) of a row's text, as <see cref="Cell(string)"/> reads it.</summary>
    public static string Cell(string row, int from, int to)
    {
        // Each step only where the cell has what it looks for: most cells are a name, a type or a line of prose, read in place.
        if (!Has(row, from, to, "<md-tooltip") && !Has(row, from, to, "<div") && !Has(row, from, to, "<md-enum") && !Has(row, from, to, "<md-app-support"))
        {
            return CellText.Of(row, from, to);
        }

        var html = from == 0 && to == row.Length ? row : row.Substring(from, to - from);
        var text = Has(html, "<md-tooltip") || Has(html, "<div") ? Dropped.Replace(html, string.Empty) : html;
        text = Has(text, "<md-enum") ? Enum.Replace(text, m => "<br>**可选值**:" + Items(m.Groups[1].Value) + "<br>") : text;
        text = Has(text, "<md-app-support") ? AppSupport.Replace(text, m => m.Groups[1].Value.Replace(',', ' ')) : text;
        return CellText.Of(text, 0, text.Length);
    }

    private static bool Has(string text, int from, int to, string part) => text.IndexOf(part, from, to - from, System.StringComparison.Ordinal) >= 0;

    private static bool Has(string text, string part) => text.IndexOf(part, System.StringComparison.Ordinal) >= 0;

    /// <summary>
    /// A pipe-table cell with the portal's components inside (the Lark portal writes
    /// <c>&lt;md-app-support&gt;</c>, <c>&lt;md-text&gt;</c> and <c>&lt;md-perm&gt;</c> into ordinary cells):
    /// the components become cleaned-form text, the rest of the cell stays as it is.
    /// </summary>
    public static string InlineComponents(string cell)
    {
        if (cell.IndexOf("<md-", System.StringComparison.Ordinal) < 0)
        {
            return cell;
        }

        var text = Dropped.Replace(cell, string.Empty);
        text = Enum.Replace(text, m => "<br>**可选值**:" + Items(m.Groups[1].Value) + "<br>");
        text = AppSupport.Replace(text, m => m.Groups[1].Value.Replace(',', ' '));
        return ComponentTag.Replace(text, string.Empty).Trim();
    }

    /// <summary>
    /// Adds a body row of a table whose cells may hold components: a cell of <c>&lt;md-perm&gt;</c>
    /// scopes becomes the cleaned form's two rows (display names, then keys), so that one
    /// basic-table reader serves every form.
    /// </summary>
    public static void AddRow(List<TableRow> rows, string? second, IReadOnlyList<string> cells, int line)
    {
        var scopes = second is not null ? Scopes(second) : new List<(string Name, string Key)>();
        if (scopes.Count > 0)
        {
            rows.Add(new TableRow(new[] { cells[0], string.Join("<br>", scopes.ConvertAll(s => s.Name)) }, line));
            rows.Add(new TableRow(new[] { cells[0], string.Join("<br>", scopes.ConvertAll(s => s.Key)) }, line));
            return;
        }

        rows.Add(new TableRow(cells, line));
    }

    /// <summary>A pipe-table row as <see cref="AddRow"/> adds it, its cells' components translated.</summary>
    public static void AddPipeRow(List<TableRow> rows, List<string> raw, int line)
    {
        if (!raw.Exists(c => c.IndexOf("<md-", System.StringComparison.Ordinal) >= 0))
        {
            rows.Add(new TableRow(raw, line));
            return;
        }

        AddRow(rows, raw.Count > 1 ? raw[1] : null, raw.ConvertAll(InlineComponents), line);
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
        if (html.IndexOf("<md-perm", System.StringComparison.Ordinal) < 0)
        {
            return scopes;
        }

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
            var key = item.Groups[1].Success ? item.Groups[1].Value : item.Groups[2].Value;
            builder.Append("<br>- `").Append(key).Append("`: ").Append(Tag.Replace(item.Groups[3].Value, string.Empty).Trim());
        }

        return builder.ToString();
    }
}
