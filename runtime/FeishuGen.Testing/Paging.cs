using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace FeishuGen.Testing;

/// <summary>
/// Makes a paged endpoint's example reply a real sequence of pages: the request's page_token
/// (query or JSON body) "page-N" asks for page N; pages before the last answer has_more = true
/// and the next token, the last answers has_more = false and no token.
/// </summary>
internal static class Paging
{
    private const string Prefix = "page-";

    public static string Apply(string reply, HttpRequest request, string body, int pages)
    {
        var root = JsonBody.Object(reply);
        if (root?["data"] is not JsonObject data || !data.ContainsKey("has_more") || !data.ContainsKey("page_token"))
        {
            return reply;
        }

        var page = PageNumber(request.Query["page_token"].ToString());
        if (page == 1 && body.Length > 0)
        {
            page = PageNumber(JsonBody.Text(JsonBody.Object(body), "page_token"));
        }

        var last = page >= pages;
        data["has_more"] = !last;
        data["page_token"] = last ? string.Empty : Prefix + (page + 1).ToString(CultureInfo.InvariantCulture);
        return root.ToJsonString();
    }

    private static int PageNumber(string? token)
        => token is { Length: > 0 } && token.StartsWith(Prefix, System.StringComparison.Ordinal)
            && int.TryParse(token.AsSpan(Prefix.Length), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 1;
}
