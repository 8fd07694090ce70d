using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using FeishuGen.Generator.Model;

namespace FeishuGen.Generator.Reading;

/// <summary>
/// Reads what the page's curl sample sends: its method, URL and body (the names its SDK samples
/// call are read by <see cref="Naming.SampleNames"/>).
/// </summary>
internal static class SampleReader
{
    private static readonly Regex CurlMethod = new(@"-X\s+([A-Za-z]+)", RegexOptions.Compiled);
    private static readonly Regex CurlUrl = new(@"curl[^\n]*?'(https?://[^']+)'", RegexOptions.Compiled);
    private static readonly Regex CurlFormPart = new(@"(?:-F|--form)\s+[""']([^=""']+)=", RegexOptions.Compiled);
    // The body ends at the quote that closes its line: a comment may follow the command.
    private static readonly Regex CurlBody = new(@"(?:-d|--data(?:-raw)?)\s+'(.*?)'[ \t]*\\?[ \t]*(?:\r?\n|$)", RegexOptions.Compiled | RegexOptions.Singleline);

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
}
