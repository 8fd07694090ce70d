using System;
using System.Collections.Generic;
using System.Linq;
using Markdig;
using Markdig.Syntax;

namespace FeishuGen.DocSnippets;

/// <summary>
/// Reads a doc page as Markdig reads it and pairs every fenced block with the marker on the block before
/// it. Every C# block needs a marker; a block without a language needs one too (or a language tag that
/// says what it is: sh, xml, json…), so nothing is left unchecked by accident.
/// </summary>
public static class DocReader
{
    private static readonly string[] CSharp = { "csharp", "cs", "c#" };

    /// <summary>The page's snippets and what is wrong with its markers.</summary>
    /// <param name="page">The page's name as messages show it (docs/events.md).</param>
    /// <param name="text">The page.</param>
    public static (List<DocSnippet> Snippets, List<DocProblem> Problems) Read(string page, string text)
    {
        var snippets = new List<DocSnippet>();
        var problems = new List<DocProblem>();
        var document = Markdown.Parse(text);
        var usedMarkers = new HashSet<HtmlBlock>();
        foreach (var fence in document.Descendants<FencedCodeBlock>())
        {
            var fenceLine = fence.Line + 1;
            var language = (fence.Info ?? string.Empty).Trim().ToLowerInvariant();
            var marker = MarkerBefore(fence);
            if (marker is not null)
            {
                usedMarkers.Add(marker);
            }

            var isCSharp = Array.IndexOf(CSharp, language) >= 0;
            if (marker is null)
            {
                if (isCSharp)
                {
                    problems.Add(new DocProblem(page, fenceLine, "a C# block needs a snippet marker on the line before it: <!-- snippet: program|host|fragment|file|usings … --> (or <!-- snippet: skip reason=\"…\" -->); see tests/DocSnippets/README.md"));
                }
                else if (language.Length == 0)
                {
                    problems.Add(new DocProblem(page, fenceLine, "a block without a language: tag it (```sh, ```xml, ```json, ```text…) or, if it is C#, ```csharp with a snippet marker"));
                }

                continue;
            }

            var markerLine = marker.Line + 1;
            if (!SnippetMarker.TryParse(marker.Lines.ToString(), out var kind, out var settings, out var error))
            {
                problems.Add(new DocProblem(page, markerLine, error!));
                continue;
            }

            if (!isCSharp && kind != SnippetKind.Skip)
            {
                problems.Add(new DocProblem(page, markerLine, $"only C# blocks (```csharp) are built; this one is '{(language.Length == 0 ? "untagged" : language)}'"));
                continue;
            }

            var lines = fence.Lines.Lines.Take(fence.Lines.Count).Select(l => l.Slice.ToString()).ToList();
            snippets.Add(new DocSnippet(page, fenceLine, markerLine, kind, settings, lines));
        }

        foreach (var html in document.Descendants<HtmlBlock>().Where(h => SnippetMarker.IsMarker(h.Lines.ToString()) && !usedMarkers.Contains(h)))
        {
            problems.Add(new DocProblem(page, html.Line + 1, "a snippet marker must be the block right before a fenced block"));
        }

        CheckUsings(page, snippets, problems);
        return (snippets, problems);
    }

    // Every page whose fragments are built names its usings once, in a block of using directives only.
    private static void CheckUsings(string page, List<DocSnippet> snippets, List<DocProblem> problems)
    {
        var usings = snippets.Where(s => s.Kind == SnippetKind.Usings).ToList();
        foreach (var extra in usings.Skip(1))
        {
            problems.Add(new DocProblem(page, extra.FenceLine, $"a page names its usings once (the first block is at line {usings[0].FenceLine})"));
        }

        foreach (var block in usings)
        {
            for (var i = 0; i < block.Lines.Count; i++)
            {
                if (!SnippetSource.IsUsingOrBlank(block.Lines[i]))
                {
                    problems.Add(new DocProblem(page, block.FirstLine + i, "a usings block holds using directives only"));
                }
            }
        }

        // A fragment that opens with its own using directives names them itself.
        if (usings.Count == 0 && snippets.FirstOrDefault(s => s.Kind == SnippetKind.Fragment && !s.Lines.TakeWhile(SnippetSource.IsUsingOrBlank).Any(SnippetSource.IsUsingDirective)) is { } fragment)
        {
            problems.Add(new DocProblem(page, fragment.MarkerLine, "name the page's usings: a ```csharp block marked <!-- snippet: usings --> with the using directives its fragments need (or open the fragment with its own)"));
        }
    }

    private static HtmlBlock? MarkerBefore(FencedCodeBlock fence)
    {
        if (fence.Parent is not { } parent)
        {
            return null;
        }

        var index = parent.IndexOf(fence);
        return index > 0 && parent[index - 1] is HtmlBlock html && SnippetMarker.IsMarker(html.Lines.ToString()) ? html : null;
    }
}
