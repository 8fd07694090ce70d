using System.Collections.Generic;
using System.Text.RegularExpressions;
using FeishuGen.Generator.Model;

namespace FeishuGen.Generator.Naming;

/// <summary>
/// Names an endpoint from its URL when no SDK sample names it, the way the official SDKs name
/// their older APIs: /open-apis/{service}/{version}/{resource…}/{action}. A trailing literal
/// segment after a resource is the method (…/room/update → room.update); otherwise the HTTP
/// method names it (GET …/:id → get, GET … → list, POST → create, PUT → update, PATCH → patch,
/// DELETE → delete).
/// </summary>
internal static class UrlNames
{
    private static readonly Regex Version = new(@"^v\d+$", RegexOptions.Compiled);

    public static SdkNaming From(string path, string httpMethod)
    {
        var segments = new List<string>();
        foreach (var segment in path.Trim('/').Split('/'))
        {
            if (segment.Length > 0 && segment != "open-apis" && segment != "openapi")
            {
                segments.Add(segment);
            }
        }

        var service = segments.Count > 0 ? Clean(segments[0]) : "api";
        var versionIndex = segments.FindIndex(s => Version.IsMatch(s));
        var version = versionIndex >= 0 ? segments[versionIndex] : "v1";
        var literals = new List<string>();
        var endsWithParameter = false;
        for (var i = (versionIndex >= 0 ? versionIndex : 0) + 1; i < segments.Count; i++)
        {
            endsWithParameter = segments[i].StartsWith(":", System.StringComparison.Ordinal);
            if (!endsWithParameter)
            {
                literals.Add(Clean(segments[i]));
            }
        }

        string method;
        if (!endsWithParameter && literals.Count >= 2)
        {
            method = literals[literals.Count - 1];
            literals.RemoveAt(literals.Count - 1);
        }
        else
        {
            method = Words.Verb(httpMethod, oneItem: endsWithParameter);
        }

        // The SDKs name resources in the singular: /images is image, /eco_background_checks is eco_background_check.
        if (literals.Count > 0)
        {
            literals[literals.Count - 1] = Words.Singular(literals[literals.Count - 1]);
        }

        var resource = literals.Count > 0 ? string.Join("_", literals) : service;
        return new SdkNaming(service, version, resource, method, NameSource.Url);
    }

    /// <summary>The literal segments after the version (<c>:name</c> parameters left out), cleaned like names.</summary>
    public static List<string> Literals(string path)
    {
        var segments = path.Trim('/').Split('/');
        var versionIndex = System.Array.FindIndex(segments, s => Version.IsMatch(s));
        var literals = new List<string>();
        for (var i = versionIndex + 1; versionIndex >= 0 && i < segments.Length; i++)
        {
            if (segments[i].Length > 0 && !segments[i].StartsWith(":", System.StringComparison.Ordinal))
            {
                literals.Add(Clean(segments[i]));
            }
        }

        return literals;
    }

    private static string Clean(string segment) => segment.Replace('-', '_').Replace('.', '_');
}
