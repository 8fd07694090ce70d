using System.Collections.Generic;
using System.Linq;
using FeishuGen.Generator.Diagnostics;
using FeishuGen.Generator.Model;
using FeishuGen.Generator.Naming;

namespace FeishuGen.Generator.Shaping;

/// <summary>
/// Decides which page keeps a method name that several pages claim, from what the pages say and
/// never from their file names or order, so that adding a page cannot silently move another
/// page's method to a different endpoint. In order: a name from an SDK sample beats one guessed
/// from the URL; a page whose URL agrees with the name beats one whose URL does not; fewer path
/// parameters beat more (the copy that gained ':id' loses); then the path and method, as text.
/// </summary>
internal static class NameClaims
{
    public static List<EndpointModel> Order(IEnumerable<EndpointModel> models)
        => models
            .OrderBy(m => m.Naming.FromPage ? 0 : 1)
            .ThenByDescending(Agreement)
            .ThenBy(m => PathParameterCount(m.PathTemplate))
            .ThenBy(m => m.PathTemplate, System.StringComparer.Ordinal)
            .ThenBy(m => m.HttpMethod, System.StringComparer.Ordinal)
            .ThenBy(m => m.SpecPath, System.StringComparer.Ordinal)
            .ToList();

    public static string Describe(SdkNaming naming) => naming.Dotted;

    /// <summary>
    /// A diagnostic for both pages: the keeper, and the page renamed to <paramref name="renamedTo"/>.
    /// FSG0014 (a warning) when the renamed page's own SDK sample gives the name: code written
    /// against the official name would move. FSG0015 (a note) when both names are only derived
    /// from URLs (FSG0010): FeishuGen's guesses collided, and nothing on the pages can be fixed.
    /// </summary>
    public static IEnumerable<DiagnosticInfo> Conflict(EndpointModel keeper, EndpointModel renamed, string claimed, string renamedTo)
    {
        var id = renamed.Naming.FromPage ? DiagnosticDescriptors.NameClaimedTwice.Id : DiagnosticDescriptors.UrlNameClaimedTwice.Id;
        yield return new DiagnosticInfo(id, keeper.SpecPath, 0, 0, 0,
            new[] { claimed, renamed.SpecPath, "this page keeps it (its URL agrees with the name best) and the other page's method is generated as '" + renamedTo + "'" }.ToEquatableArray());
        yield return new DiagnosticInfo(id, renamed.SpecPath, 0, 0, 0,
            new[] { claimed, keeper.SpecPath, "that page keeps it (its URL agrees with the name best) and this page's method is generated as '" + renamedTo + "'" }.ToEquatableArray());
    }

    // 2: the URL names exactly this resource and method; 1: its last literal segment is the method; 0: neither.
    private static int Agreement(EndpointModel model)
    {
        var fromUrl = UrlNames.From(model.PathTemplate, model.HttpMethod);
        if (fromUrl.Resource == model.Naming.Resource && fromUrl.Method == model.Naming.Method)
        {
            return 2;
        }

        var last = model.PathTemplate.TrimEnd('/');
        return last.Substring(last.LastIndexOf('/') + 1) == model.Naming.Method ? 1 : 0;
    }

    private static int PathParameterCount(string path) => path.Split('/').Count(segment => segment.StartsWith(":", System.StringComparison.Ordinal));
}
