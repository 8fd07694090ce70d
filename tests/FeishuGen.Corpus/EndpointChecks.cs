using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using FeishuGen.Generator.Model;
using FeishuGen.Testing;

namespace FeishuGen.Corpus;

/// <summary>
/// Checks 3 to 6 for one endpoint: the curl sample replayed through the generated client, the
/// request and response examples round-tripped through the generated types, and the naming.
/// Reasons that start with "page:" are faults of the page itself.
/// </summary>
internal sealed class EndpointChecks
{
    private static readonly Regex PythonCall = new(@"client\.([a-z0-9_]+)\.(v\d+)\.([a-z0-9_]+)\.([a-z0-9_]+)\(", RegexOptions.Compiled);

    private readonly ClientNavigator _client;

    public EndpointChecks(ClientNavigator client) => _client = client;

    public async Task<CheckResult> WireAsync(FeishuEndpoint endpoint, CurlSample samples)
    {
        if (samples.Url is null || !Uri.TryCreate(samples.Url, UriKind.Absolute, out var url))
        {
            return CheckResult.NotApplicable("page: no curl sample");
        }

        if (endpoint.RequestKind == FeishuPayloadKind.Multipart)
        {
            return MultipartWire(endpoint, samples, url);
        }

        JsonNode? curlBody = null;
        if (!string.IsNullOrWhiteSpace(samples.Body))
        {
            try
            {
                curlBody = JsonSemantics.Parse(samples.Body!);
            }
            catch (JsonException e)
            {
                return CheckResult.NotApplicable("page: curl body is not JSON (" + Short(e.Message) + ")");
            }
        }

        if (curlBody is not null and not JsonObject)
        {
            return CheckResult.NotApplicable("page: curl body is not the documented JSON object");
        }

        if (curlBody is JsonObject curlObject && UndocumentedMembers(endpoint, curlObject) is { Count: > 0 } undocumented)
        {
            return CheckResult.NotApplicable("page: curl body sends member(s) neither the table nor the request example has: " + string.Join(", ", undocumented));
        }

        var template = endpoint.PathTemplate.Trim('/').Split('/');
        var segments = url.AbsolutePath.Trim('/').Split('/');
        if (template.Length != segments.Length || template.Where((t, i) => t[0] != ':' && t != segments[i]).Any())
        {
            return CheckResult.NotApplicable("page: curl URL " + url.AbsolutePath + " does not match the documented path");
        }

        object request;
        try
        {
            request = JsonSerializer.Deserialize(curlBody is JsonObject ? curlBody.ToJsonString() : "{}", endpoint.RequestType, _client.JsonOptions)!;
            var pathValues = template.Select((t, i) => (t, Uri.UnescapeDataString(segments[i]))).Where(p => p.t[0] == ':').Select(p => (p.t.Substring(1), p.Item2));
            var unknown = ParameterSetter.Apply(request, pathValues, Query(url));
            if (unknown.Count > 0)
            {
                return CheckResult.NotApplicable("page: curl sends undocumented parameter(s) " + string.Join(", ", unknown));
            }
        }
        catch (FormatException e)
        {
            return CheckResult.NotApplicable("page: curl URL holds a value of the wrong type (" + Short(e.Message) + ")");
        }
        catch (JsonException e) when (ExampleContradictsTable(e))
        {
            return CheckResult.NotApplicable("page: the curl body gives an object or array where the table documents a string (" + Short(e.Message) + ")");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or TargetInvocationException)
        {
            return CheckResult.Fail("curl values do not fit the request type: " + Short((e.InnerException ?? e).Message));
        }

        var handler = new CapturingHandler(ReplyFor(endpoint));
        try
        {
            await _client.CallAsync(endpoint, request, handler).ConfigureAwait(false);
        }
        catch (Exception e) when (handler.Captured is null)
        {
            return CheckResult.Fail("nothing sent: " + Short((e.InnerException ?? e).Message));
        }
        catch (Exception)
        {
            // The reply failed to read; check 5 reports that. The request was sent and is compared here.
        }

        var sent = handler.Captured!;
        var curlMethod = samples.Method ?? endpoint.HttpMethod;
        if (!string.Equals(sent.Method, curlMethod, StringComparison.OrdinalIgnoreCase))
        {
            return sent.Method == endpoint.HttpMethod
                ? CheckResult.NotApplicable($"page: curl uses {curlMethod}, the page says {endpoint.HttpMethod}")
                : CheckResult.Fail($"method {sent.Method}, curl {curlMethod}");
        }

        var sentUri = new Uri(new Uri("https://open.feishu.cn"), sent.PathAndQuery);
        if (Uri.UnescapeDataString(sentUri.AbsolutePath) != Uri.UnescapeDataString(url.AbsolutePath))
        {
            if (sentUri.AbsolutePath.TrimEnd('/') == url.AbsolutePath.TrimEnd('/'))
            {
                return CheckResult.NotApplicable("page: curl URL adds a trailing slash to the documented path");
            }

            return CheckResult.Fail($"path {sentUri.AbsolutePath}, curl {url.AbsolutePath}");
        }

        var sentQuery = Query(sentUri).Select(p => p.Key + "=" + p.Value).OrderBy(s => s, StringComparer.Ordinal);
        var curlQuery = Query(url).Select(p => p.Key + "=" + p.Value).OrderBy(s => s, StringComparer.Ordinal);
        if (!sentQuery.SequenceEqual(curlQuery))
        {
            return CheckResult.Fail($"query {sentUri.Query}, curl {url.Query}");
        }

        return CompareBody(curlBody, sent.Body);
    }

    public CheckResult BodyRoundTrip(FeishuEndpoint endpoint)
    {
        // An upload's body is multipart/form-data: no JSON to round-trip (the wire check reads its parts).
        if (endpoint.RequestKind == FeishuPayloadKind.Multipart)
        {
            return CheckResult.NotApplicable("upload: the body is multipart/form-data, not JSON");
        }

        if (ParseExample(endpoint.RequestExample, "request", out var original) is { } unusable)
        {
            return unusable;
        }

        if (original is not JsonObject)
        {
            return CheckResult.NotApplicable("page: request example is not a JSON object");
        }

        return RoundTrip(original, endpoint.RequestType);
    }

    public CheckResult ResponseRoundTrip(FeishuEndpoint endpoint)
    {
        if (ParseExample(endpoint.ResponseExample, "response", out var root) is { } unusable)
        {
            return unusable;
        }

        if (HasDuplicateKeys(root))
        {
            return CheckResult.NotApplicable("page: response example repeats a key in one object");
        }

        if (root is not JsonObject envelope || !envelope.ContainsKey("data"))
        {
            return CheckResult.NotApplicable("page: response example has no data");
        }

        return envelope["data"] is JsonObject data ? RoundTrip(data, endpoint.ResponseType) : CheckResult.NotApplicable("page: data is not an object");
    }

    // The curl body's members the request type cannot carry (it keeps no unknown members).
    private static List<string> UndocumentedMembers(FeishuEndpoint endpoint, JsonObject body)
    {
        var members = endpoint.RequestType.GetProperties()
            .Select(p => p.GetCustomAttribute<System.Text.Json.Serialization.JsonPropertyNameAttribute>()?.Name)
            .Where(n => n is not null)
            .ToHashSet();
        return body.Select(m => m.Key).Where(k => !members.Contains(k)).ToList();
    }

    // An upload's curl sends form parts: each must be a part the generated request documents, on the documented method and path.
    private static CheckResult MultipartWire(FeishuEndpoint endpoint, CurlSample samples, Uri url)
    {
        var documented = endpoint.RequestType.GetProperties()
            .Select(p => p.GetCustomAttribute<FeishuFormPartAttribute>()?.Name)
            .Where(n => n is not null)
            .ToHashSet();
        if (documented.Count == 0)
        {
            return CheckResult.NotApplicable("page: the upload documents no form parts (it takes FeishuFormData)");
        }

        if (samples.FormParts is null)
        {
            return CheckResult.NotApplicable("page: the upload's curl sample sends no form parts");
        }

        if (samples.Method is { } method && method != endpoint.HttpMethod)
        {
            return CheckResult.Fail($"curl sends {method}, the client {endpoint.HttpMethod}");
        }

        var template = endpoint.PathTemplate.Trim('/').Split('/');
        var segments = url.AbsolutePath.Trim('/').Split('/');
        if (template.Length != segments.Length || template.Where((t, i) => t[0] != ':' && t != segments[i]).Any())
        {
            return CheckResult.Fail("curl URL " + url.AbsolutePath + " is not the client's path " + endpoint.PathTemplate);
        }

        var unknown = samples.FormParts.Split(',').Where(p => !documented.Contains(p)).ToList();
        return unknown.Count == 0 ? CheckResult.Pass : CheckResult.Fail("curl sends form part(s) the request does not have: " + string.Join(", ", unknown));
    }

    /// <summary>
    /// The generated names against the official ones the page gives, in the order a user would
    /// trust them: the Python sample, the API explorer link (portal form), the doc path in the
    /// front matter (fullPath, or the Lark portal's full_path), a doc URL in the front matter
    /// (source_url). A doc path or URL counts only for the service and version the HTTP URL has,
    /// and not where its resource is the service's docs folder (auth-v3/auth/…). Read here
    /// independently of the generator's reader.
    /// </summary>
    public static CheckResult Naming(FeishuEndpoint endpoint, string pageText)
    {
        var expected = OfficialName(pageText, endpoint.PathTemplate, endpoint.HttpMethod, out var source);
        if (expected is null)
        {
            return CheckResult.NotApplicable("page: no Python sample, API explorer link, or doc path or doc URL ending in service-version/resource/method for this URL");
        }

        var actual = string.Join(".", endpoint.Service, endpoint.Version, endpoint.Resource, endpoint.Method);
        return expected == actual ? CheckResult.Pass : CheckResult.Fail($"generated {actual}, {source} {expected}");
    }

    private static string? OfficialName(string pageText, string pathTemplate, string httpMethod, out string source)
    {
        var python = PythonCall.Match(pageText);
        if (python.Success)
        {
            source = "Python sample";
            return string.Join(".", python.Groups[1].Value, python.Groups[2].Value, python.Groups[3].Value, python.Groups[4].Value);
        }

        var explorer = ExplorerLink.Match(pageText);
        if (explorer.Success)
        {
            source = "API explorer link";
            return string.Join(".", explorer.Groups["project"].Value, explorer.Groups["version"].Value, explorer.Groups["resource"].Value.Replace('.', '_'), explorer.Groups["method"].Value);
        }

        var frontMatter = FrontMatterBlock.Match(pageText);
        foreach (var (key, label) in new[] { ("fullPath", "fullPath"), ("full_path", "full_path"), ("source_url", "source_url") })
        {
            var value = frontMatter.Success ? Regex.Match(frontMatter.Value, "^" + key + @":\s*[""']?([^""'\n]+?)[""']?\s*$", RegexOptions.Multiline) : Match.Empty;
            if (value.Success && DocPath.Match(value.Groups[1].Value.Split('?', '#')[0].TrimEnd('/')) is { Success: true } path && AgreesWithUrl(path, pathTemplate))
            {
                source = label;
                return FolderName(path, pathTemplate, httpMethod)
                    ?? string.Join(".", path.Groups[1].Value, path.Groups[2].Value, path.Groups[3].Value.Replace('-', '_'), path.Groups[4].Value);
            }
        }

        source = string.Empty;
        return null;
    }

    // The doc path names this URL's service and version, and a resource the URL has (not just the service's folder).
    private static bool AgreesWithUrl(Match path, string pathTemplate)
    {
        var segments = pathTemplate.Trim('/').Split('/').Where(s => s != "open-apis").ToList();
        if (segments.Count < 2 || segments[0].Replace('-', '_') != path.Groups[1].Value || segments[1] != path.Groups[2].Value)
        {
            return false;
        }

        var resource = path.Groups[3].Value.Replace('-', '_');
        return resource != path.Groups[1].Value || segments.Skip(2).Any(s => s.TrimEnd('s') == resource) || FolderSegments(path, segments) is not null;
    }

    // auth-v3/auth/app_ticket_resend for /auth/v3/app_ticket/resend: a docs folder named like the
    // service, and a last segment that runs the URL's resource and action together (or is the
    // resource alone, for a POST that creates it).
    private static (string Resource, string? Action)? FolderSegments(Match path, List<string> segments)
    {
        if (path.Groups[3].Value != path.Groups[1].Value || segments.Skip(2).Any(s => s.TrimEnd('s') == path.Groups[1].Value))
        {
            return null;
        }

        var literals = segments.Skip(2).Where(s => !s.StartsWith(':')).ToList();
        var last = path.Groups[4].Value;
        if (literals.Count == 2 && last == literals[0] + "_" + literals[1])
        {
            return (literals[0], literals[1]);
        }

        return literals.Count == 1 && last == literals[0] ? (literals[0], null) : null;
    }

    private static string? FolderName(Match path, string pathTemplate, string httpMethod)
    {
        var segments = pathTemplate.Trim('/').Split('/').Where(s => s != "open-apis").ToList();
        return FolderSegments(path, segments) is { } folder && (folder.Action is not null || httpMethod == "POST")
            ? string.Join(".", path.Groups[1].Value, path.Groups[2].Value, folder.Resource, folder.Action ?? "create")
            : null;
    }

    private static readonly Regex ExplorerLink = new(@"api_explore_config\?project=(?<project>[a-z0-9_]+)&version=(?<version>v\d+)&resource=(?<resource>[a-z0-9_.]+)&method=(?<method>[A-Za-z0-9_]+)", RegexOptions.Compiled);
    private static readonly Regex FrontMatterBlock = new(@"\A\uFEFF?---\r?\n.*?^---", RegexOptions.Compiled | RegexOptions.Singleline | RegexOptions.Multiline);
    private static readonly Regex DocPath = new(@"/([a-z][a-z0-9_]*)-(v\d+)/([a-z][a-z0-9_-]*)/([a-z][A-Za-z0-9_]*)$", RegexOptions.Compiled);

    // The page's example as JSON, or the reason (a fault of the page) why there is none.
    internal static CheckResult? ParseExample(string? example, string kind, out JsonNode? node)
    {
        node = null;
        if (string.IsNullOrWhiteSpace(example))
        {
            return CheckResult.NotApplicable("page: no " + kind + (kind == "request" ? " body" : string.Empty) + " example");
        }

        try
        {
            node = JsonSemantics.Parse(example);
            return null;
        }
        catch (JsonException e)
        {
            return CheckResult.NotApplicable("page: " + kind + " example is not JSON (" + Short(e.Message) + ")");
        }
    }

    private CheckResult RoundTrip(JsonNode original, Type type) => RoundTrip(original, type, _client.JsonOptions);

    /// <summary>Reads <paramref name="original"/> into <paramref name="type"/> and writes it back: the same JSON, or why not.</summary>
    public static CheckResult RoundTrip(JsonNode original, Type type, JsonSerializerOptions options)
    {
        try
        {
            var value = JsonSerializer.Deserialize(original.ToJsonString(), type, options);
            var again = JsonSerializer.Serialize(value, type, options);
            return Judge(WithoutNulls(original)!, WithoutNulls(JsonNode.Parse(again)), "round trip differs at ");
        }
        catch (JsonException e) when (ExampleContradictsTable(e))
        {
            return CheckResult.NotApplicable("page: the example gives an object or array where the table documents a string (" + Short(e.Message) + ")");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return CheckResult.Fail("does not fit " + type.Name + ": " + Short(e.Message));
        }
    }

    private static CheckResult CompareBody(JsonNode? curlBody, string? sentBody)
    {
        var sent = string.IsNullOrEmpty(sentBody) ? null : JsonNode.Parse(sentBody);
        if (curlBody is null)
        {
            return sent is null || sent is JsonObject { Count: 0 } ? CheckResult.Pass : CheckResult.Fail("sent a body the curl sample does not have: " + Short(sentBody!));
        }

        return Judge(curlBody, sent ?? new JsonObject(), "body differs at ");
    }

    // A value the example writes as "1" where the table documents an integer (or the reverse) is
    // a contradiction of the page, not of the client: the client follows the table.
    private static CheckResult Judge(JsonNode expected, JsonNode? actual, string what)
    {
        var difference = JsonSemantics.Difference(expected, actual);
        if (difference is null)
        {
            return CheckResult.Pass;
        }

        var lenient = JsonSemantics.Difference(ScalarsAsText(expected), ScalarsAsText(actual));
        return lenient is null
            ? CheckResult.NotApplicable("page: the example's value type contradicts the table (" + Short(difference) + ")")
            : CheckResult.Fail(what + Short(difference));
    }

    internal static bool HasDuplicateKeys(JsonNode? node)
    {
        try
        {
            Walk(node);
            return false;
        }
        catch (ArgumentException)
        {
            return true;
        }

        // Enumerating an object materialises its members, which is where a repeated key throws.
        static void Walk(JsonNode? node)
        {
            if (node is JsonObject o)
            {
                foreach (var member in o)
                {
                    Walk(member.Value);
                }
            }
            else if (node is JsonArray a)
            {
                foreach (var item in a)
                {
                    Walk(item);
                }
            }
        }
    }

    // Feishu documents JSON-in-a-string members (message content) as strings; some examples write the object itself.
    private static bool ExampleContradictsTable(JsonException e)
        => e.Message.StartsWith("Expected a string but found Start", StringComparison.Ordinal);

    /// <summary>Removes members whose value is null: Feishu reads a null member as an absent one, so dropping it loses nothing.</summary>
    private static JsonNode? WithoutNulls(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                var copy = new JsonObject();
                foreach (var (key, value) in o)
                {
                    if (value is not null)
                    {
                        copy[key] = WithoutNulls(value);
                    }
                }

                return copy;
            case JsonArray a:
                return new JsonArray(a.Select(WithoutNulls).ToArray());
            default:
                return node?.DeepClone();
        }
    }

    private static JsonNode? ScalarsAsText(JsonNode? node) => node switch
    {
        JsonObject o => o.Aggregate(new JsonObject(), (copy, p) => { copy[p.Key] = ScalarsAsText(p.Value); return copy; }),
        JsonArray a => new JsonArray(a.Select(ScalarsAsText).ToArray()),
        JsonValue v => JsonValue.Create(v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString()),
        _ => null,
    };

    private static string ReplyFor(FeishuEndpoint endpoint)
    {
        try
        {
            if (endpoint.ResponseExample is { } example && JsonSemantics.Parse(example) is JsonObject reply)
            {
                return reply.ToJsonString();
            }
        }
        catch (JsonException)
        {
        }

        return "{\"code\":0,\"msg\":\"success\",\"data\":{}}";
    }

    internal static List<KeyValuePair<string, string>> Query(Uri url)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var part in url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=');
            var key = Uri.UnescapeDataString((eq < 0 ? part : part.Substring(0, eq)).Replace('+', ' '));
            var value = eq < 0 ? string.Empty : Uri.UnescapeDataString(part.Substring(eq + 1).Replace('+', ' '));
            pairs.Add(new(key, value));
        }

        return pairs;
    }

    private static string Short(string text) => text.Length > 160 ? text.Substring(0, 160) + "…" : text;
}
