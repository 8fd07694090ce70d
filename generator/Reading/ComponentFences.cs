using System.Collections.Generic;
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

    public static IEnumerable<CodeFence> Read(string[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimStart();
            string? info = null;
            string? close = null;
            if (line.StartsWith("<md-code-json", System.StringComparison.Ordinal))
            {
                info = "json";
                close = "</md-code-json>";
            }
            else if (Panel.Match(line) is { Success: true } panel)
            {
                info = Language(panel.Groups[1].Value);
                close = "</md-code-tab-panel>";
            }

            if (info is null)
            {
                continue;
            }

            var start = i;
            var content = new StringBuilder();
            var opening = lines[i].Substring(lines[i].IndexOf('>') + 1);
            if (opening.Trim().Length > 0 && opening.IndexOf(close!, System.StringComparison.Ordinal) < 0)
            {
                content.Append(opening).Append('\n');
            }

            for (i++; i < lines.Length && lines[i].IndexOf(close!, System.StringComparison.Ordinal) < 0; i++)
            {
                content.Append(lines[i]).Append('\n');
            }

            yield return new CodeFence(info, System.Net.WebUtility.HtmlDecode(content.ToString()), start);
        }
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
