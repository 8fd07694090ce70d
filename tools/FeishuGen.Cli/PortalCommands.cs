using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Generator.Reading;

namespace FeishuGen.Cli;

/// <summary><c>add</c> and <c>update</c>: pages fetched from the docs portal's document API (Feishu's or Lark's) into specs/.</summary>
internal static class PortalCommands
{
    public static async Task<int> AddAsync(string[] inputs, DirectoryInfo specs, DocsPortal portal, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var failures = 0;
        foreach (var input in inputs)
        {
            var fullPath = PortalClient.FullPathOf(input);
            if (fullPath is null)
            {
                error.WriteLine($"error: '{input}' is neither a doc URL (https://open.feishu.cn/document/…) nor a fullPath (/…/hire-v1/eco_exam/update_result)");
                failures++;
                continue;
            }

            try
            {
                var lark = portal.IsLark(DocsPortal.IsLarkUrl(input));
                var page = await new PortalClient(http, portal.AddressFor(lark)).GetAsync(fullPath, cancellationToken).ConfigureAwait(false);
                var path = SpecFile.PathFor(specs, fullPath);
                var read = PageReader.Read(path, page.Content);
                var kind = PageKind.Of(read, page.Title, page.Content);
                if (!kind.Generates)
                {
                    throw new PortalException($"{fullPath} ({kind}): nothing was written, as {kind.WhyNothing()}");
                }

                SpecFile.WriteAtomically(path, SpecFile.Compose(page, lark));
                var becomes = read.Endpoint is { } endpoint
                    ? $"{endpoint.HttpMethod} {endpoint.PathTemplate}"
                    : $"event {read.Event!.EventType} -> events.On{FeishuGen.Generator.Naming.EventNames.TypeName(read.Event.EventType)}";
                output.WriteLine($"added {Path.GetRelativePath(Environment.CurrentDirectory, path)} ({kind}): {becomes}");
            }
            catch (PortalException e)
            {
                error.WriteLine("error: " + e.Message);
                failures++;
            }
        }

        return failures == 0 ? 0 : 1;
    }

    public static async Task<int> UpdateAsync(DirectoryInfo specs, DocsPortal portal, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!specs.Exists)
        {
            error.WriteLine($"error: no folder {specs.FullName}");
            return 1;
        }

        var pages = specs.EnumerateFiles("*.md", SearchOption.AllDirectories)
            .Select(f => (File: f, Text: File.ReadAllText(f.FullName)))
            .Select(p => (p.File, p.Text, FullPath: SpecFile.FullPathIn(p.Text)))
            .Where(p => p.FullPath is not null)
            .OrderBy(p => p.File.FullName, StringComparer.Ordinal)
            .ToList();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        int changed = 0, unchanged = 0, failures = 0;
        for (var i = 0; i < pages.Count; i++)
        {
            var (file, text, fullPath) = pages[i];
            var relative = Path.GetRelativePath(specs.FullName, file.FullName);
            output.Write($"[{i + 1}/{pages.Count}] {relative}: ");
            var before = PageReader.Read(file.FullName, text);
            var was = PageKind.Of(before, SpecFile.TitleIn(text), SpecFile.ContentOf(text));
            try
            {
                var lark = portal.IsLark(SpecFile.IsLarkPage(text));
                var page = await new PortalClient(http, portal.AddressFor(lark)).GetAsync(fullPath!, cancellationToken).ConfigureAwait(false);
                if (page.Content == SpecFile.ContentOf(text))
                {
                    output.WriteLine("unchanged");
                    unchanged++;
                    continue;
                }

                var after = PageReader.Read(file.FullName, page.Content);
                SpecFile.WriteAtomically(file.FullName, SpecFile.Compose(page, lark, text));
                changed++;
                var changes = ApiChanges.Between(before, after, was, PageKind.Of(after, page.Title, page.Content));
                output.WriteLine(changes.Count == 0 ? "updated (prose only, the API is the same)" : "updated");
                foreach (var change in changes)
                {
                    output.WriteLine("    " + change);
                }
            }
            catch (PortalException e)
            {
                output.WriteLine("failed");
                error.WriteLine($"error: {relative} ({was}): {e.Message}; the page was left as it was");
                failures++;
            }
        }

        output.WriteLine($"{pages.Count} pages with a fullPath or full_path: {changed} updated, {unchanged} unchanged, {failures} failed");
        return failures == 0 ? 0 : 1;
    }
}
