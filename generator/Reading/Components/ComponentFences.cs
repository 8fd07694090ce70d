using System.Text;
using System.Text.RegularExpressions;

namespace FeishuGen.Generator.Reading;

/// <summary>
/// The docs portal's code components as fences: <c>&lt;md-code-json&gt;</c> examples and the SDK
/// samples of <c>&lt;md-code-tab-panel sdkType="python-sdk"&gt;</c>, with the info string a fence
/// of the cleaned form would have (json, python, go, java, javascript, curl).
/// </summary>
internal static class ComponentFences
{
    private static readonly Regex Panel = new(@"<md-code-tab-panel[^>]*sdkType=""([^""]+)""[^>]*>", RegexOptions.Compiled);

    /// <summary>
    /// Reads the component that line <paramref name="start"/> opens, up to its closing tag (or
    /// <paramref name="end"/>); null when the line opens none. <paramref name="last"/> is the line after it.
    /// </summary>
    public static CodeFence? TryRead(string[] lines, int start, int end, out int last)
    {
        last = start;
        var line = lines[start].TrimStart();
        string? info = null;
        string? close = null;
        if (line.StartsWith("<md-code-json", System.StringComparison.Ordinal))
        {
            info = "json";
            close = "</md-code-json>";
        }
        else if (line.IndexOf("<md-code-tab-panel", System.StringComparison.Ordinal) >= 0 && Panel.Match(line) is { Success: true } panel)
        {
            info = Language(panel.Groups[1].Value);
            close = "</md-code-tab-panel>";
        }

        if (info is null)
        {
            return null;
        }

        var content = new StringBuilder();
        var opening = lines[start].Substring(lines[start].IndexOf('>') + 1);
        if (opening.Trim().Length > 0 && opening.IndexOf(close!, System.StringComparison.Ordinal) < 0)
        {
            content.Append(opening).Append('\n');
        }

        var i = start + 1;
        for (; i < end && lines[i].IndexOf(close!, System.StringComparison.Ordinal) < 0; i++)
        {
            content.Append(lines[i]).Append('\n');
        }

        last = System.Math.Min(i + 1, end);
        return new CodeFence(info, System.Net.WebUtility.HtmlDecode(content.ToString()), start);
    }

    private static string Language(string sdkType) => sdkType switch
    {
        "golang-sdk" => "go",
        "python-sdk" => "python",
        "java-sdk" => "java",
        "nodejs-sdk" => "javascript",
        _ => sdkType.Replace("-sdk", string.Empty),
    };
}
