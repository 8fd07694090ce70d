using System;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace FeishuGen.Testing;

/// <summary>
/// Makes a paged endpoint's example reply a real sequence of pages, for every endpoint the generator
/// gave a pager (<see cref="FeishuEndpoint.Paging"/>) and as that method sends and reads them: the
/// request's page token (in the query or the JSON body, under the method's own name) "page-N" asks for
/// page N; pages before the last answer has-more = true and the next token, the last has-more = false
/// and an empty token. A request that sends a page size gets that many items per page (the example's
/// items repeated, at most <see cref="MaxPageSize"/>), so <see cref="FeishuTestServerOptions.PagesPerList"/>
/// pages of that size come back whatever the example shows, page token or not.
/// </summary>
internal static class Paging
{
    /// <summary>The most items a page is filled with, whatever page size the request asks for.</summary>
    public const int MaxPageSize = 500;

    private const string Prefix = "page-";

    public static string Apply(string reply, FeishuEndpoint endpoint, HttpRequest request, string body, int pages)
    {
        if (endpoint.Paging is not { } paging || JsonBody.Object(reply) is not { } root)
        {
            return reply;
        }

        var requestBody = body.Length > 0 ? JsonBody.Object(body) : null;
        var page = PageNumber(Read(paging.TokenLocation, paging.TokenParameter, request, requestBody));
        if (root["data"] is not JsonObject data)
        {
            data = new JsonObject();
            root["data"] = data;
        }

        var last = page >= pages;
        data[paging.HasMoreMember] = !last;
        data[paging.NextTokenMember] = last ? string.Empty : Prefix + (page + 1).ToString(CultureInfo.InvariantCulture);
        if (paging.ItemsMember is { } items && data[items] is JsonArray example && example.Count > 0
            && long.TryParse(Read(paging.SizeLocation, paging.SizeParameter, request, requestBody), NumberStyles.Integer, CultureInfo.InvariantCulture, out var size) && size > 0)
        {
            data[items] = Fill(example, (int)Math.Min(size, MaxPageSize));
        }

        return root.ToJsonString();
    }

    // A parameter as the method sends it: a query value, or a body member written as a string or a number.
    private static string? Read(FeishuParameterLocation location, string name, HttpRequest request, JsonObject? body)
    {
        if (location == FeishuParameterLocation.Query)
        {
            var value = request.Query[name].ToString();
            return value.Length > 0 ? value : null;
        }

        return body?[name] is JsonValue member ? member.ToString() : null;
    }

    private static JsonArray Fill(JsonArray example, int size)
    {
        var page = new JsonArray();
        for (var i = 0; i < size; i++)
        {
            page.Add(example[i % example.Count]?.DeepClone());
        }

        return page;
    }

    private static int PageNumber(string? token)
        => token is { Length: > 0 } && token.StartsWith(Prefix, StringComparison.Ordinal)
            && int.TryParse(token.AsSpan(Prefix.Length), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 1;
}
