using System;
using System.Collections.Generic;

namespace FeishuGen;

/// <summary>
/// One endpoint of the generated catalogue: what its documentation page says, in a form that
/// the client, the local server and tooling can read.
/// </summary>
public sealed class FeishuEndpoint
{
    /// <summary>The page title, e.g. 回传背调订单的最终结果.</summary>
    public required string Title { get; init; }

    /// <summary>The official SDK's service name, e.g. <c>hire</c>.</summary>
    public required string Service { get; init; }

    /// <summary>The API version, e.g. <c>v1</c>.</summary>
    public required string Version { get; init; }

    /// <summary>The official SDK's resource name, e.g. <c>eco_background_check</c>.</summary>
    public required string Resource { get; init; }

    /// <summary>The official SDK's method name, e.g. <c>update_result</c>.</summary>
    public required string Method { get; init; }

    /// <summary>GET, POST, PUT, PATCH or DELETE.</summary>
    public required string HttpMethod { get; init; }

    /// <summary>The path with <c>:name</c> placeholders, e.g. <c>/open-apis/hire/v1/eco_background_checks/update_result</c>.</summary>
    public required string PathTemplate { get; init; }

    /// <summary>
    /// The origin the page documents when it is not the open platform (older APIs such as
    /// approval v2 live on https://www.feishu.cn), by its Feishu name; null for the open platform.
    /// It never decides the domain: a client on the Lark domain sends to its twin (https://www.larksuite.com).
    /// </summary>
    public string? Host { get; init; }

    /// <summary>The generated request record.</summary>
    public required Type RequestType { get; init; }

    /// <summary>The generated record for the reply's <c>data</c>.</summary>
    public required Type ResponseType { get; init; }

    /// <summary>How the request body travels: JSON, or multipart/form-data for uploads.</summary>
    public FeishuPayloadKind RequestKind { get; init; } = FeishuPayloadKind.Json;

    /// <summary>How the reply travels: the JSON envelope, or a file for downloads.</summary>
    public FeishuPayloadKind ResponseKind { get; init; } = FeishuPayloadKind.Json;

    /// <summary>
    /// Whether the reply's members sit beside <c>code</c> and <c>msg</c> rather than under
    /// <c>data</c> (e.g. <c>bot</c> of 获取机器人信息): the whole reply is then read as the response.
    /// </summary>
    public bool ReplyAtTopLevel { get; init; }

    /// <summary>The access tokens the endpoint accepts: tenant_access_token, app_access_token, user_access_token.</summary>
    public required IReadOnlyList<string> TokenTypes { get; init; }

    /// <summary>The permissions the page lists (any one of them grants access).</summary>
    public required IReadOnlyList<FeishuScope> Scopes { get; init; }

    /// <summary>The top-level body members the page marks as required.</summary>
    public required IReadOnlyList<string> RequiredBodyFields { get; init; }

    /// <summary>The query parameters the page marks as required.</summary>
    public IReadOnlyList<string> RequiredQueryParameters { get; init; } = Array.Empty<string>();

    /// <summary>How the endpoint pages, when the generator gave it a pager (<c>{Method}PagesAsync</c>); null otherwise.</summary>
    public FeishuEndpointPaging? Paging { get; init; }

    /// <summary>The error codes the page documents, with description and hint.</summary>
    public required IReadOnlyList<FeishuErrorDoc> Errors { get; init; }

    /// <summary>The page's request body example, as written.</summary>
    public string? RequestExample { get; init; }

    /// <summary>The page's response example, as written.</summary>
    public string? ResponseExample { get; init; }

    /// <summary>The page this endpoint was generated from, relative to the project.</summary>
    public required string SpecPath { get; init; }

    /// <summary>Whether the endpoint accepts the given token type.</summary>
    public bool Accepts(FeishuTokenType type) => Contains(TokenTypes, type.WireName());

    /// <summary>The documented entry for <paramref name="code"/>, if the page has one.</summary>
    public FeishuErrorDoc? FindError(int code)
    {
        foreach (var error in Errors)
        {
            if (error.Code == code)
            {
                return error;
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{HttpMethod} {PathTemplate} ({Service}.{Version}.{Resource}.{Method})";

    private static bool Contains(IReadOnlyList<string> values, string value)
    {
        foreach (var item in values)
        {
            if (item == value)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>How a body travels.</summary>
public enum FeishuPayloadKind
{
    /// <summary>JSON (for replies: the {code, msg, data} envelope).</summary>
    Json,

    /// <summary>multipart/form-data (uploads).</summary>
    Multipart,

    /// <summary>A file streamed back (downloads).</summary>
    File,
}

/// <summary>A permission: its display name and its key (e.g. <c>hire:background_check_order</c>).</summary>
/// <param name="Name">The display name.</param>
/// <param name="Key">The scope key to apply for.</param>
public sealed record FeishuScope(string Name, string Key);

/// <summary>A documented error code: HTTP status, code, description and troubleshooting hint (排查建议).</summary>
/// <param name="HttpStatus">The HTTP status the page gives.</param>
/// <param name="Code">Feishu's error code.</param>
/// <param name="Description">What the code means.</param>
/// <param name="Hint">What to check.</param>
public sealed record FeishuErrorDoc(int HttpStatus, int Code, string Description, string Hint);
