using System;
using System.Collections.Generic;
using System.Linq;
using FeishuGen.Generator.Diagnostics;
using FeishuGen.Generator.Model;

namespace FeishuGen.Generator.Naming;

/// <summary>
/// A page that is not generated because another page describes the same endpoint (HTTP method and
/// path) under the same names: which page is generated instead, why, and what of the page is lost.
/// </summary>
internal sealed record EndpointClash(string Dropped, string Kept, string Why, EquatableArray<string> Lost);

/// <summary>
/// Two pages of one endpoint under one name would be one C# method: one page is generated, chosen
/// from what the pages say and never from their file names or order, with the rule of
/// <see cref="NameClaims"/> first (a name the page gives beats one guessed from its URL; a URL
/// that agrees with the name), then the page with fewer type cells that name no type (a broken
/// copy), then the page that documents more, then the title and the facts as text. Only pages that
/// document exactly the same are told apart by their paths, and then either gives the same API.
/// Both pages are told: a warning (FSG0031) when the other page documents something the kept one
/// lacks, a note (FSG0009) when nothing is lost.
/// </summary>
internal static class EndpointClashes
{
    private sealed record Criterion(Func<NameClaim, NameClaim, int> Compare, Func<NameClaim, NameClaim, string> Why);

    private static readonly Criterion[] Rule =
    {
        new((a, b) => (b.Naming.FromPage ? 1 : 0) - (a.Naming.FromPage ? 1 : 0),
            (kept, _) => "its name comes from the page (" + kept.Naming.Source + "), the other's only from its URL"),
        new((a, b) => NameClaims.Agreement(b) - NameClaims.Agreement(a), (_, _) => "its URL agrees with the name best"),
        new((a, b) => FactsOf(a).Faults - FactsOf(b).Faults,
            (kept, other) => "it has fewer type cells that name no type (" + FactsOf(kept).Faults + " against " + FactsOf(other).Faults + ")"),
        new((a, b) => FactsOf(b).Facts.Count - FactsOf(a).Facts.Count,
            (kept, other) => "it documents more of the endpoint (" + FactsOf(kept).Facts.Count + " members, values and codes against " + FactsOf(other).Facts.Count + ")"),
        new((a, b) => string.CompareOrdinal(a.Title, b.Title), (_, _) => "both document as much, and its title sorts first"),
        new((a, b) => string.CompareOrdinal(string.Join("\n", FactsOf(a).Facts), string.Join("\n", FactsOf(b).Facts)), (_, _) => "both document as much, and its facts sort first"),
        new((a, b) => string.CompareOrdinal(a.SpecPath, b.SpecPath), (_, _) => "both document the same, and its path sorts first"),
    };

    /// <summary>The claims that remain once each endpoint that several pages describe under one name keeps one page.</summary>
    public static List<NameClaim> Keep(IEnumerable<NameClaim> claims, string rootNamespace, DiagnosticCollector diagnostics, List<EndpointClash> clashes)
    {
        var kept = new List<NameClaim>();
        foreach (var group in claims.GroupBy(c => (EndpointNames.For(c.Naming, rootNamespace).Key, c.HttpMethod, c.PathTemplate)))
        {
            var ordered = group.ToList();
            ordered.Sort(Compare);
            var keeper = ordered[0];
            kept.Add(keeper);
            foreach (var other in ordered.Skip(1))
            {
                var clash = new EndpointClash(other.SpecPath, keeper.SpecPath, Why(keeper, other), FactsOf(other).Missing(FactsOf(keeper)).ToEquatableArray());
                clashes.Add(clash);
                diagnostics.AddRange(Report(clash, keeper.HttpMethod + " " + keeper.PathTemplate + " (" + group.Key.Key + ")"));
            }
        }

        return kept;
    }

    private static int Compare(NameClaim a, NameClaim b)
    {
        foreach (var criterion in Rule)
        {
            var order = criterion.Compare(a, b);
            if (order != 0)
            {
                return order;
            }
        }

        return 0;
    }

    private static string Why(NameClaim keeper, NameClaim other)
        => Rule.First(c => c.Compare(keeper, other) != 0).Why(keeper, other);

    private static IEnumerable<DiagnosticInfo> Report(EndpointClash clash, string endpoint)
    {
        if (clash.Lost.Count == 0)
        {
            yield return DiagnosticCollector.Make(DiagnosticDescriptors.DuplicateEndpoint, Place.Page(clash.Kept), clash.Dropped, endpoint, "this page, as " + clash.Why);
            yield return DiagnosticCollector.Make(DiagnosticDescriptors.DuplicateEndpoint, Place.Page(clash.Dropped), clash.Kept, endpoint, "that page, as " + clash.Why);
            yield break;
        }

        var lost = clash.Lost.Count + (clash.Lost.Count == 1 ? " fact, '" : " facts, such as '") + clash.Lost[0] + "'";
        yield return DiagnosticCollector.Make(DiagnosticDescriptors.EndpointClash, Place.Page(clash.Kept),
            clash.Dropped, endpoint, "this page, as " + clash.Why, "what only that page documents is not generated (" + lost + ")");
        yield return DiagnosticCollector.Make(DiagnosticDescriptors.EndpointClash, Place.Page(clash.Dropped),
            clash.Kept, endpoint, "that page, as " + clash.Why, "what only this page documents is not generated (" + lost + ")");
    }

    private static EndpointFacts FactsOf(NameClaim claim) => claim.Facts ?? EndpointFacts.None;
}
