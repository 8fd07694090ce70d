using System.Linq;
using System.Text.RegularExpressions;
using FeishuGen.Generator.Reading;

namespace FeishuGen.Corpus;

/// <summary>The curl sample's method, URL and JSON body (or, for uploads, its form part names, comma-separated), as the page shows them going over the wire.</summary>
internal sealed record CurlSample(string? Method, string? Url, string? Body, string? FormParts = null)
{
    public static readonly CurlSample None = new(null, null, null);

    private static readonly Regex CurlMethod = new(@"-X\s+([A-Za-z]+)", RegexOptions.Compiled);
    private static readonly Regex CurlUrl = new(@"curl[^\n]*?'(https?://[^']+)'", RegexOptions.Compiled);
    private static readonly Regex CurlFormPart = new(@"(?:-F|--form)\s+[""']([^=""']+)=", RegexOptions.Compiled);

    // The body ends at the quote that closes its line: a comment may follow the command.
    private static readonly Regex CurlBody = new(@"(?:-d|--data(?:-raw)?)\s+'(.*?)'[ \t]*\\?[ \t]*(?:\r?\n|$)", RegexOptions.Compiled | RegexOptions.Singleline);

    /// <summary>The first curl sample among the page's code blocks, as Markdig reads them.</summary>
    public static CurlSample Of(string pageText)
    {
        foreach (var fence in PageOutline.Parse(pageText).Fences)
        {
            if (fence.Content.TrimStart().StartsWith("curl", System.StringComparison.Ordinal))
            {
                var text = fence.Content;
                var url = CurlUrl.Match(text);
                var method = CurlMethod.Match(text);
                var body = CurlBody.Match(text);
                var parts = CurlFormPart.Matches(text).Cast<Match>().Select(m => m.Groups[1].Value.Trim()).ToList();
                return new CurlSample(
                    method.Success ? method.Groups[1].Value.ToUpperInvariant() : null,
                    url.Success ? url.Groups[1].Value : null,
                    parts.Count > 0 ? null : body.Success ? body.Groups[1].Value : null,
                    parts.Count > 0 ? string.Join(",", parts) : null);
            }
        }

        return None;
    }
}
