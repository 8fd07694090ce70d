using System.Collections.Generic;

namespace FeishuGen.Testing;

/// <summary>A request the local server received, as it arrived on the wire.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path, without the query.</param>
/// <param name="QueryString">The raw query string, including '?', or empty.</param>
/// <param name="Headers">The request headers (first value of each).</param>
/// <param name="Body">The body as UTF-8 text.</param>
/// <param name="Endpoint">The catalogue endpoint the request matched, or null (token requests, unknown paths).</param>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string QueryString,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    FeishuEndpoint? Endpoint)
{
    /// <summary>The id of the connection the request came on (to see when a client opens a new one).</summary>
    public string ConnectionId { get; init; } = string.Empty;

    /// <summary>The body's bytes as they arrived.</summary>
    public byte[] RawBody { get; init; } = System.Array.Empty<byte>();

    /// <summary>The parts of a multipart/form-data body, as ASP.NET Core's MultipartReader reads them; empty for other bodies.</summary>
    public IReadOnlyList<RecordedFormPart> FormParts { get; init; } = System.Array.Empty<RecordedFormPart>();

    /// <summary>The header's value, or null.</summary>
    /// <param name="name">The header name (case-insensitive).</param>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>A reply the test scripts for the next request to a path: status, JSON body and headers.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Body">The body text.</param>
/// <param name="Headers">Extra reply headers.</param>
public sealed record ScriptedReply(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    /// <summary>A Feishu error reply: <c>{"code": code, "msg": msg}</c> with the given HTTP status.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <param name="code">Feishu's error code.</param>
    /// <param name="msg">Feishu's msg.</param>
    public static ScriptedReply Error(int status, int code, string msg)
        => new(status, "{\"code\":" + code + ",\"msg\":" + System.Text.Json.JsonSerializer.Serialize(msg, ServerJsonContext.Default.String) + "}");
}
