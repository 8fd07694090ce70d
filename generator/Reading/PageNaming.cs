using System.Text.RegularExpressions;
using FeishuGen.Generator.Model;

namespace FeishuGen.Generator.Reading;

/// <summary>
/// The official SDK names a page gives without a code sample: the docs portal's 尝试一下 link to
/// the API explorer (<c>api_explore_config?project=hire&amp;version=v1&amp;resource=eco_exam&amp;method=update_result</c>),
/// then the front matter's <c>fullPath</c>, whose last segments are <c>service-version/resource/method</c>
/// (<c>-</c> joins a parent and a child resource: <c>badge-grant</c> is <c>badge_grant</c>).
/// </summary>
internal static class PageNaming
{
    private static readonly Regex Explore = new(@"api_explore_config\?([^)\s""]+)", RegexOptions.Compiled);
    private static readonly Regex FullPath = new(@"^fullPath:\s*""?([^""\n]+)""?\s*$", RegexOptions.Compiled | RegexOptions.Multiline);
    private static readonly Regex ServiceVersion = new(@"^([a-z][a-z0-9_]*)-(v\d+)$", RegexOptions.Compiled);
    // Names are snake_case, and a few methods camelCase (batchDelete): both are the official spelling.
    private static readonly Regex Identifier = new(@"^[a-z][A-Za-z0-9_]*$", RegexOptions.Compiled);

    public static SdkNaming? FromApiExplorer(string text)
    {
        var match = Explore.Match(text);
        if (!match.Success)
        {
            return null;
        }

        string? project = null, version = null, resource = null, method = null;
        foreach (var pair in match.Groups[1].Value.Replace("&amp;", "&").Split('&'))
        {
            var equals = pair.IndexOf('=');
            var value = equals < 0 ? string.Empty : System.Uri.UnescapeDataString(pair.Substring(equals + 1));
            switch (equals < 0 ? pair : pair.Substring(0, equals))
            {
                case "project": project = value; break;
                case "version": version = value; break;
                case "resource": resource = value.Replace('.', '_'); break;
                case "method": method = value; break;
            }
        }

        return Valid(project, version, resource, method) ? new SdkNaming(project!, version!, resource!, method!) : null;
    }

    /// <summary>The front matter's <c>fullPath</c> (the page's path on the docs portal), or null.</summary>
    public static string? FullPathOf(string text)
    {
        if (!text.StartsWith("---", System.StringComparison.Ordinal))
        {
            return null;
        }

        var end = text.IndexOf("\n---", 3, System.StringComparison.Ordinal);
        var match = end < 0 ? Match.Empty : FullPath.Match(text.Substring(0, end));
        return match.Success ? match.Groups[1].Value.Trim() : null;
    }

    public static SdkNaming? FromFrontMatter(string text)
    {
        if (FullPathOf(text) is not { } fullPath)
        {
            return null;
        }

        var segments = fullPath.TrimEnd('/').Split('/');
        if (segments.Length < 3)
        {
            return null;
        }

        var serviceVersion = ServiceVersion.Match(segments[segments.Length - 3]);
        var resource = segments[segments.Length - 2].Replace('-', '_');
        var method = segments[segments.Length - 1];
        return serviceVersion.Success && Valid(serviceVersion.Groups[1].Value, serviceVersion.Groups[2].Value, resource, method)
            ? new SdkNaming(serviceVersion.Groups[1].Value, serviceVersion.Groups[2].Value, resource, method)
            : null;
    }

    private static bool Valid(string? service, string? version, string? resource, string? method)
        => service is not null && version is not null && resource is not null && method is not null
           && Identifier.IsMatch(service) && Regex.IsMatch(version, @"^v\d+$") && Identifier.IsMatch(resource) && Identifier.IsMatch(method);
}
