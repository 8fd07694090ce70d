using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using FeishuGen.Generator.Model;
using FeishuGen.Cli;
using FeishuGen.Generator.Reading;

namespace FeishuGen.Corpus;

/// <summary>
/// The same doc must give the same model in any form. For every doc that two folders share with
/// the same updateTime (the docs did not change between the two crawls), both pages are read and
/// their models compared as sets of facts: method, path, parameters (type, required, allowed
/// values), the body tree, scopes, token types, error codes, names and payload kinds; for event
/// pages the event type, schema, scopes and 事件体 tree. Every
/// difference is printed and counted.
/// </summary>
internal static class CrossFormCheck
{
    private static readonly Regex UpdateTime = new(@"^updateTime:\s*""?(\d+)""?\s*$", RegexOptions.Multiline | RegexOptions.Compiled);

    private static readonly Regex ExplorerLink = new(@"api_explore_config\?", RegexOptions.Compiled);

    public static (int Shared, int Equal, List<string> PageFaults, List<string> Differences) Run(string first, string second, string? faultsFile = null)
    {
        var named = PageFault.Load(faultsFile ?? Path.Combine(AppContext.BaseDirectory, "page-faults.txt"));
        var shared = 0;
        var equal = 0;
        var pageFaults = new List<string>();
        var differences = new List<string>();
        foreach (var path in Directory.EnumerateFiles(first, "*.md", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(first, path);
            var other = Path.Combine(second, relative);
            if (!File.Exists(other))
            {
                continue;
            }

            var (textA, textB) = (File.ReadAllText(path), File.ReadAllText(other));
            var (timeA, timeB) = (UpdateTime.Match(textA), UpdateTime.Match(textB));
            if (!timeA.Success || !timeB.Success || timeA.Groups[1].Value != timeB.Groups[1].Value)
            {
                continue;
            }

            var (a, b) = (PageReader.Read(path, textA), PageReader.Read(other, textB));
            if (a.Endpoint is null && b.Endpoint is null && a.Event is null && b.Event is null)
            {
                continue;
            }

            shared++;
            var (factsA, factsB) = (Facts(a), Facts(b));
            var onlyA = factsA.Except(factsB).OrderBy(f => f, StringComparer.Ordinal).ToList();
            var onlyB = factsB.Except(factsA).OrderBy(f => f, StringComparer.Ordinal).ToList();
            if (onlyA.Count == 0 && onlyB.Count == 0)
            {
                equal++;
                continue;
            }

            var described = relative.Replace('\\', '/') + ": " + string.Join("; ", onlyA.Select(f => "first: " + f).Concat(onlyB.Select(f => "second: " + f)).Take(6));

            // A named fault of the page, not of the reader: one form carries the API explorer link and
            // the other does not, and the other's fullPath names the method differently.
            if (onlyA.Concat(onlyB).All(f => f.StartsWith("name ", StringComparison.Ordinal)) && ExplorerLink.IsMatch(textA) != ExplorerLink.IsMatch(textB))
            {
                pageFaults.Add("page: only one form has the API explorer link, and the other's fullPath names the method differently: " + described);
                continue;
            }

            // A named fault of the page: a converter dropped a type's <…> arguments in one form
            // (the portal's `array<array<interface>>` is `array>` in standard Markdown, `list<stirng>` is `list`).
            if (LostTypeArguments(onlyA, onlyB) is { } quoted)
            {
                pageFaults.Add("page: one form lost a type's <…> arguments (" + quoted + "): " + described);
                continue;
            }

            // A fault of one form's page, named with its own text.
            var doc = relative.Replace('\\', '/');
            if (named.TryGetValue(doc, out var fault))
            {
                if (fault.HoldsIn(first, textA) || fault.HoldsIn(second, textB))
                {
                    pageFaults.Add($"page ({fault.Form}): {fault.Fault}; the page: «{fault.Quote.Replace("\t", "\\t")}»: " + described);
                    continue;
                }

                described += " (named as a page fault, but the quote is no longer on the page)";
            }

            differences.Add(described);
        }

        return (shared, equal, pageFaults, differences);
    }

    // Every differing fact is a member typed with <…> in one form and the same type without them in the other.
    private static string? LostTypeArguments(List<string> onlyA, List<string> onlyB)
    {
        static (string Member, string Type)? Split(string fact)
        {
            var colon = fact.IndexOf(": ", StringComparison.Ordinal);
            return colon < 0 ? null : (fact.Substring(0, colon), fact.Substring(colon + 2).Replace(" required", string.Empty));
        }

        static string Bare(string type) => (type.IndexOf('<') is var open and >= 0 ? type.Substring(0, open) : type).TrimEnd('>');

        var a = onlyA.Select(Split).ToList();
        var b = onlyB.Select(Split).ToList();
        if (a.Count == 0 || a.Count != b.Count || a.Any(f => f is null) || b.Any(f => f is null))
        {
            return null;
        }

        var quotes = new List<string>();
        foreach (var fact in a)
        {
            var twin = b.FirstOrDefault(f => f!.Value.Member == fact!.Value.Member);
            if (twin is null || Bare(twin.Value.Type) != Bare(fact!.Value.Type) || twin.Value.Type.Contains('<') == fact.Value.Type.Contains('<'))
            {
                return null;
            }

            quotes.Add("`" + fact.Value.Type + "` / `" + twin.Value.Type + "`");
        }

        return string.Join(", ", quotes.Distinct());
    }

    // Endpoints and events alike: a page read as the one in one form and the other (or nothing) in the other differs.
    private static SortedSet<string> Facts(PageReadResult result)
        => result.Endpoint is { } endpoint ? ModelFacts.Of(endpoint)
            : result.Event is { } model ? ModelFacts.Of(model)
            : new SortedSet<string> { "neither an endpoint nor an event" };
}
