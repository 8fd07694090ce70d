using System;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using FeishuGen.Generator.Model;

namespace FeishuGen.Corpus;

/// <summary>
/// The payload check: what the generated method sends (no body, JSON or multipart/form-data, seen
/// on the wire) against what the page's curl sample and Content-Type rows say it sends. Read here
/// from the page's text, independently of the generator's reader.
/// </summary>
internal sealed class PayloadCheck
{
    private static readonly Regex Fence = new(@"^[ \t]*(```|~~~)[^\n]*\n(?<body>.*?)^[ \t]*\1", RegexOptions.Compiled | RegexOptions.Singleline | RegexOptions.Multiline);
    private static readonly Regex CurlForm = new(@"\s(-F|--form)\s", RegexOptions.Compiled);
    private static readonly Regex CurlData = new(@"\s(?:-d|--data|--data-raw|--data-binary)\s+'(?<data>[^']*)'", RegexOptions.Compiled);
    private static readonly Regex LineComment = new(@"//[^\n]*", RegexOptions.Compiled);

    // '| Content-Type | string | 是 | … multipart/form-data … |' or the portal's <md-td>Content-Type</md-td> row.
    private static readonly Regex ContentTypeRow = new(@"(^\|\s*`?Content-Type`?\s*\|[^\n]*|<md-td>\s*Content-Type\s*</md-td>(?:(?!</md-tr>).)*)", RegexOptions.Compiled | RegexOptions.Multiline | RegexOptions.Singleline | RegexOptions.IgnoreCase);

    private readonly ClientNavigator _client;

    public PayloadCheck(ClientNavigator client) => _client = client;

    /// <summary>What the page says the call sends: multipart, JSON, none; null when it says nothing.</summary>
    public static string? Expected(string pageText, out string evidence)
    {
        foreach (Match fence in Fence.Matches(pageText))
        {
            var body = fence.Groups["body"].Value;
            if (body.TrimStart().StartsWith("curl", StringComparison.Ordinal))
            {
                evidence = "curl sample";
                // -d '// 无请求体参数' sends nothing but a comment: no body.
                var data = CurlData.Match(body);
                return CurlForm.IsMatch(body) ? "multipart" : data.Success && LineComment.Replace(data.Groups["data"].Value, string.Empty).Trim().Length > 0 ? "json" : "none";
            }
        }

        var row = ContentTypeRow.Match(pageText);
        if (row.Success)
        {
            evidence = "Content-Type row";
            return row.Value.IndexOf("multipart/form-data", StringComparison.OrdinalIgnoreCase) >= 0 ? "multipart"
                : row.Value.IndexOf("application/json", StringComparison.OrdinalIgnoreCase) >= 0 ? "json or none" : null;
        }

        evidence = string.Empty;
        return null;
    }

    public async Task<CheckResult> RunAsync(FeishuEndpoint endpoint, string pageText, EndpointModel? model)
    {
        if (Expected(pageText, out var evidence) is not { } expected)
        {
            return CheckResult.NotApplicable("page: no curl sample or Content-Type row says what the call sends");
        }

        var sent = await SentAsync(endpoint).ConfigureAwait(false);
        if (Matches(expected, sent))
        {
            return CheckResult.Pass;
        }

        // A page that documents a file part under a JSON Content-Type row contradicts itself; the file wins.
        if (expected == "json or none" && sent == "multipart" && model?.BodyFields.Any(f => PageTypes.Parse(f.Type).Kind == PageTypeKind.File) == true)
        {
            return CheckResult.NotApplicable("page: the Content-Type row says JSON, the body documents a file part");
        }

        // A curl sample that sends nothing while the page documents body fields: the sample is incomplete.
        if (expected == "none" && sent == "json" && model is { BodyFields.Count: > 0 })
        {
            return CheckResult.NotApplicable("page: the curl sample sends no body, the page documents one");
        }

        return CheckResult.Fail($"sends {sent}, the page's {evidence} says {expected}");
    }

    private static bool Matches(string expected, string sent)
        => expected == sent || (expected == "json or none" && sent is "json" or "none");

    // Uploads are known from the catalogue; any other call is made, with its path filled, to see what goes out.
    private async Task<string> SentAsync(FeishuEndpoint endpoint)
    {
        if (endpoint.RequestKind == FeishuPayloadKind.Multipart)
        {
            return "multipart";
        }

        var request = RuntimeHelpers.GetUninitializedObject(endpoint.RequestType);
        var path = endpoint.PathTemplate.Split('/').Where(s => s.StartsWith(':')).Select(s => (s.Substring(1), "1"));
        ParameterSetter.Apply(request, path, Array.Empty<System.Collections.Generic.KeyValuePair<string, string>>());
        var handler = new CapturingHandler("{\"code\":0,\"msg\":\"success\",\"data\":{}}");
        try
        {
            await _client.CallAsync(endpoint, request, handler).ConfigureAwait(false);
        }
        catch (Exception) when (handler.Captured is not null)
        {
            // The reply does not matter here, only what was sent.
        }

        var contentType = handler.Captured?.ContentType;
        return contentType is null ? "none" : contentType.Contains("json", StringComparison.Ordinal) ? "json" : contentType;
    }
}
