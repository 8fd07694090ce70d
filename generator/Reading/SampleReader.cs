using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using FeishuGen.Generator.Model;

namespace FeishuGen.Generator.Reading;

/// <summary>
/// Reads what the page's code samples reveal: the official SDK's names (Python first, then Go)
/// and the curl sample's method, URL and body.
/// </summary>
internal static class SampleReader
{
    private static readonly Regex PythonCall = new(@"client\.([a-z0-9_]+)\.(v\d+)\.([a-z0-9_.]+)\.([a-z0-9_]+)\(", RegexOptions.Compiled);
    private static readonly Regex GoCall = new(@"client\.([A-Z]\w*)\.(V\d+)\.([A-Z]\w*)\.([A-Z]\w*)\(", RegexOptions.Compiled);
    private static readonly Regex CurlMethod = new(@"-X\s+([A-Za-z]+)", RegexOptions.Compiled);
    private static readonly Regex CurlUrl = new(@"curl[^\n]*?'(https?://[^']+)'", RegexOptions.Compiled);
    private static readonly Regex CurlFormPart = new(@"(?:-F|--form)\s+[""']([^=""']+)=", RegexOptions.Compiled);
    // The body ends at the quote that closes its line: a comment may follow the command.
    private static readonly Regex CurlBody = new(@"(?:-d|--data(?:-raw)?)\s+'(.*?)'[ \t]*\\?[ \t]*(?:\r?\n|$)", RegexOptions.Compiled | RegexOptions.Singleline);

    public static SdkNaming? ReadNaming(PageOutline outline, out string? pythonCall)
    {
        pythonCall = null;
        foreach (var fence in outline.Fences)
        {
            if (fence.Info.StartsWith("python", System.StringComparison.OrdinalIgnoreCase))
            {
                var match = PythonCall.Match(fence.Content);
                if (match.Success)
                {
                    pythonCall = match.Value.TrimEnd('(');
                    var resource = match.Groups[3].Value.Replace('.', '_');
                    return new SdkNaming(match.Groups[1].Value, match.Groups[2].Value, resource, match.Groups[4].Value);
                }
            }
        }

        foreach (var fence in outline.Fences)
        {
            if (fence.Info.StartsWith("go", System.StringComparison.OrdinalIgnoreCase))
            {
                var match = GoCall.Match(fence.Content);
                if (match.Success)
                {
                    return new SdkNaming(
                        Snake(match.Groups[1].Value), match.Groups[2].Value.ToLowerInvariant(),
                        Snake(match.Groups[3].Value), Snake(match.Groups[4].Value));
                }
            }
        }

        return null;
    }

    public static PageSamples ReadCurl(PageOutline outline, string? pythonCall)
    {
        foreach (var fence in outline.Fences)
        {
            if (fence.Content.TrimStart().StartsWith("curl", System.StringComparison.Ordinal))
            {
                var text = fence.Content;
                var url = CurlUrl.Match(text);
                var method = CurlMethod.Match(text);
                var body = CurlBody.Match(text);
                var parts = CurlFormPart.Matches(text).Cast<Match>().Select(m => m.Groups[1].Value.Trim()).ToList();
                return new PageSamples(
                    method.Success ? method.Groups[1].Value.ToUpperInvariant() : null,
                    url.Success ? url.Groups[1].Value : null,
                    parts.Count > 0 ? null : body.Success ? body.Groups[1].Value : null,
                    pythonCall,
                    parts.Count > 0 ? string.Join(",", parts) : null);
            }
        }

        return new PageSamples(null, null, null, pythonCall);
    }

    /// <summary>Go's PascalCase back to the Python SDK's snake_case.</summary>
    public static string Snake(string pascal)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c))
            {
                var previousLower = i > 0 && (char.IsLower(pascal[i - 1]) || char.IsDigit(pascal[i - 1]));
                var nextLower = i + 1 < pascal.Length && char.IsLower(pascal[i + 1]) && i > 0 && char.IsUpper(pascal[i - 1]);
                if (previousLower || nextLower)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
