using System;
using System.Collections.Generic;
using System.Linq;
using FeishuGen.Generator.Model;
using FeishuGen.Generator.Reading;

namespace FeishuGen.Generator.Naming;

/// <summary>
/// Names an endpoint from everything its page carries, most trusted first: the Python or Go SDK
/// sample, the API explorer link, the front matter's doc path (<c>fullPath</c>, <c>full_path</c>),
/// a doc URL in the front matter (<c>source_url</c> or any other key holding one); only when the
/// page carries none of them, its URL (<see cref="NameSource.Url"/>, reported as FSG0010).
/// </summary>
internal static class PageNames
{
    public static SdkNaming From(
        IReadOnlyList<(string Info, string Content)> fences, string text, FrontMatter frontMatter, string urlPath, string httpMethod)
        => SampleNames.From(fences)
            ?? ExplorerLink.From(text)
            ?? (frontMatter.FullPath is { } fullPath ? DocPathNames.From(fullPath, NameSource.DocPath, urlPath, httpMethod) : null)
            ?? DocUrls(frontMatter).Select(path => DocPathNames.From(path, NameSource.DocUrl, urlPath, httpMethod)).FirstOrDefault(n => n is not null)
            ?? UrlNames.From(urlPath, httpMethod);

    // source_url first, then any other front matter value that is a page of the docs site.
    private static IEnumerable<string> DocUrls(FrontMatter frontMatter)
    {
        var values = frontMatter.Values
            .OrderBy(v => v.Key == "source_url" ? 0 : 1)
            .ThenBy(v => v.Key, StringComparer.Ordinal)
            .Select(v => v.Value);
        foreach (var value in values)
        {
            if (Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" && IsDocsHost(url.Host)
                && url.AbsolutePath.StartsWith("/document/", StringComparison.Ordinal))
            {
                yield return url.AbsolutePath;
            }
        }
    }

    private static bool IsDocsHost(string host)
        => host.EndsWith("feishu.cn", StringComparison.OrdinalIgnoreCase) || host.EndsWith("larksuite.com", StringComparison.OrdinalIgnoreCase)
           || host.EndsWith("larkoffice.com", StringComparison.OrdinalIgnoreCase);
}
