namespace FeishuGen.Generator.Model;

/// <summary>
/// Everything one documentation page says about one endpoint, as plain values. The response is
/// described by <see cref="ResponseExample"/> and, where the page has a 响应体 table (the portal
/// and standard Markdown forms), by <see cref="ResponseFields"/>. It holds no
/// Roslyn or Markdig object and no line number, so a page edit that moves text without changing
/// the API leaves the model equal and the generated code untouched.
/// </summary>
internal sealed record EndpointModel(
    string SpecPath,
    string Title,
    string Description,
    string HttpMethod,
    string Host,
    string PathTemplate,
    EquatableArray<string> TokenTypes,
    EquatableArray<string> AppTypes,
    EquatableArray<ScopeModel> Scopes,
    EquatableArray<FieldModel> PathParameters,
    EquatableArray<FieldModel> QueryParameters,
    EquatableArray<FieldModel> BodyFields,
    string? RequestExample,
    string? ResponseExample,
    EquatableArray<ErrorCodeModel> Errors,
    SdkNaming Naming,
    PayloadKind RequestKind,
    PayloadKind ResponseKind,
    EquatableArray<FieldModel> ResponseFields = default);

/// <summary>How a request or response body travels.</summary>
internal enum PayloadKind
{
    /// <summary>No body at all.</summary>
    None,

    /// <summary>A JSON document (for responses: the <c>{code, msg, data}</c> envelope).</summary>
    Json,

    /// <summary>multipart/form-data with file parts (uploads).</summary>
    Multipart,

    /// <summary>Raw bytes streamed back (downloads).</summary>
    Binary,
}

/// <summary>A permission: its display name and its key, paired by position on the page.</summary>
internal sealed record ScopeModel(string Name, string Key);

/// <summary>
/// The official SDK's names for the endpoint, e.g. hire / v1 / eco_background_check / update_result.
/// <see cref="FromSample"/> is false when no sample named it and the names were derived from the URL.
/// </summary>
internal sealed record SdkNaming(string Service, string Version, string Resource, string Method, bool FromSample = true);

/// <summary>One row of the page's error table.</summary>
internal sealed record ErrorCodeModel(int HttpStatus, long Code, string Description, string Hint);
