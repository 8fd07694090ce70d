using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using FeishuGen.Generator.Diagnostics;
using FeishuGen.Generator.Model;

namespace FeishuGen.Generator.Naming;

/// <summary>
/// What a page claims for its endpoint's names: only what deciding them needs. The title and the
/// facts decide which of two pages of one endpoint is generated (<see cref="EndpointClashes"/>); a
/// prose edit leaves the claim equal.
/// </summary>
internal sealed record NameClaim(string SpecPath, SdkNaming Naming, string HttpMethod, string PathTemplate, string Title = "", EndpointFacts? Facts = null)
{
    public static NameClaim Of(EndpointModel model) => new(model.SpecPath, model.Naming, model.HttpMethod, model.PathTemplate, model.Title, EndpointFacts.Of(model));
}

/// <summary>One endpoint's final names and its place in the order of the compilation (the order its records are merged in).</summary>
internal sealed record NamedEndpoint(string SpecPath, int Order, EndpointNames Names);

/// <summary>
/// The names step across pages: every kept endpoint's names, and why the others were dropped or
/// renamed. Each page's shaping reads its own names back from it (<see cref="For"/>).
/// </summary>
internal sealed record ApiNames(EquatableArray<NamedEndpoint> Endpoints, EquatableArray<DiagnosticInfo> Diagnostics, EquatableArray<EndpointClash> Clashes = default)
{
    private static readonly ConditionalWeakTable<ApiNames, Dictionary<string, NamedEndpoint>> BySpecPath = new();

    /// <summary>The names of the page at <paramref name="specPath"/>; null when the page describes an endpoint another page keeps (FSG0009, FSG0031).</summary>
    public NamedEndpoint? For(string specPath)
        => BySpecPath.GetValue(this, static names => names.Endpoints.ToDictionary(e => e.SpecPath)).TryGetValue(specPath, out var named) ? named : null;
}

/// <summary>
/// Decides which page keeps a method name that several pages claim, from what the pages say and
/// never from their file names or order, so that adding a page cannot silently move another
/// page's method to a different endpoint. In order: a name the page gives beats one guessed from
/// the URL; a page whose URL agrees with the name beats one whose URL does not; fewer path
/// parameters beat more (the copy that gained ':id' loses); then the path and method, as text.
/// Pages of one endpoint under one name keep one page first (<see cref="EndpointClashes"/>).
/// </summary>
internal static class NameClaims
{
    public static ApiNames Resolve(IEnumerable<NameClaim> claims, string rootNamespace)
    {
        var diagnostics = new DiagnosticCollector();
        var endpoints = new List<NamedEndpoint>();
        var seen = new Dictionary<EndpointKey, NameClaim>();
        var clashes = new List<EndpointClash>();
        foreach (var claim in Order(EndpointClashes.Keep(claims, rootNamespace, diagnostics, clashes)))
        {
            var names = EndpointNames.For(claim.Naming, rootNamespace);
            if (seen.TryGetValue(names.Key, out var first))
            {
                // Another endpoint claims the same name: the one whose URL agrees with it keeps it (it came
                // first), this one is renamed, and both pages say so.
                var claimed = claim.Naming.Dotted;
                for (var n = 2; seen.ContainsKey(names.Key); n++)
                {
                    names = names.Renumbered(claim.HttpMethod, n);
                }

                diagnostics.AddRange(Conflict(first, claim, claimed, names.ResourceClass + "." + names.MethodName));
            }

            seen.Add(names.Key, claim);
            endpoints.Add(new NamedEndpoint(claim.SpecPath, endpoints.Count, names));
        }

        return new ApiNames(endpoints.ToEquatableArray(), diagnostics.ToEquatableArray(), clashes.ToEquatableArray());
    }

    private static List<NameClaim> Order(IEnumerable<NameClaim> claims)
        => claims
            .OrderBy(m => m.Naming.FromPage ? 0 : 1)
            .ThenByDescending(Agreement)
            .ThenBy(m => PathParameterCount(m.PathTemplate))
            .ThenBy(m => m.PathTemplate, System.StringComparer.Ordinal)
            .ThenBy(m => m.HttpMethod, System.StringComparer.Ordinal)
            .ThenBy(m => m.SpecPath, System.StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// A diagnostic for both pages: the keeper, and the page renamed to <paramref name="renamedTo"/>.
    /// FSG0014 (a warning) when the renamed page itself names the call: code written against the
    /// official name would move. FSG0015 (a note) when both names are only derived from URLs
    /// (FSG0010): FeishuGen's guesses collided, and nothing on the pages can be fixed.
    /// </summary>
    private static IEnumerable<DiagnosticInfo> Conflict(NameClaim keeper, NameClaim renamed, string claimed, string renamedTo)
    {
        var descriptor = renamed.Naming.FromPage ? DiagnosticDescriptors.NameClaimedTwice : DiagnosticDescriptors.UrlNameClaimedTwice;
        yield return DiagnosticCollector.Make(descriptor, Place.Page(keeper.SpecPath),
            claimed, renamed.SpecPath, "this page keeps it (its URL agrees with the name best) and the other page's method is generated as '" + renamedTo + "'");
        yield return DiagnosticCollector.Make(descriptor, Place.Page(renamed.SpecPath),
            claimed, keeper.SpecPath, "that page keeps it (its URL agrees with the name best) and this page's method is generated as '" + renamedTo + "'");
    }

    // 2: the URL names exactly this resource and method; 1: its last literal segment is the method; 0: neither.
    internal static int Agreement(NameClaim claim)
    {
        var fromUrl = UrlNames.From(claim.PathTemplate, claim.HttpMethod);
        if (fromUrl.Resource == claim.Naming.Resource && fromUrl.Method == claim.Naming.Method)
        {
            return 2;
        }

        var last = claim.PathTemplate.TrimEnd('/');
        return last.Substring(last.LastIndexOf('/') + 1) == claim.Naming.Method ? 1 : 0;
    }

    private static int PathParameterCount(string path) => path.Split('/').Count(segment => segment.StartsWith(":", System.StringComparison.Ordinal));
}
