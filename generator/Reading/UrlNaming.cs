using System.Collections.Generic;
using FeishuGen.Generator.Model;

namespace FeishuGen.Generator.Reading;

/// <summary>
/// Names an endpoint from its URL when no SDK sample names it: /open-apis/{service}/{version}/…,
/// the resource from the fixed segments after the version, the method from the HTTP method.
/// </summary>
internal static class UrlNaming
{
    public static SdkNaming From(string path, string httpMethod)
    {
        var segments = new List<string>(path.Trim('/').Split('/'));
        if (segments.Count > 0 && segments[0] == "open-apis")
        {
            segments.RemoveAt(0);
        }

        var service = segments.Count > 0 ? segments[0] : "api";
        var version = segments.Count > 1 && segments[1].Length > 1 && segments[1][0] == 'v' ? segments[1] : "v1";
        var resourceParts = new List<string>();
        var endsWithParameter = false;
        for (var i = version == "v1" && (segments.Count < 2 || segments[1] != "v1") ? 1 : 2; i < segments.Count; i++)
        {
            endsWithParameter = segments[i].StartsWith(":", System.StringComparison.Ordinal);
            if (!endsWithParameter)
            {
                resourceParts.Add(segments[i].Replace('-', '_').Replace('.', '_'));
            }
        }

        var method = httpMethod switch
        {
            "GET" => endsWithParameter ? "get" : "list",
            "POST" => "create",
            "PUT" => "update",
            "PATCH" => "patch",
            "DELETE" => "delete",
            _ => httpMethod.ToLowerInvariant(),
        };

        var resource = resourceParts.Count > 0 ? string.Join("_", resourceParts) : service;
        return new SdkNaming(service.Replace('-', '_'), version, resource, method);
    }
}
