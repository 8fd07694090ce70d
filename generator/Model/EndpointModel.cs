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
/// The official SDK's names for the endpoint, e.g. hire / v1 / eco_background_check / update_result,
/// and what on the page gave them (<see cref="Source"/>): a sample, the API explorer link, the doc
/// path, or, when the page carries no name, the URL.
/// </summary>
internal sealed record SdkNaming(string Service, string Version, string Resource, string Method, NameSource Source = NameSource.PythonSample)
{
    /// <summary>Whether the page itself named the call (anything but the URL guess).</summary>
    public bool FromPage => Source != NameSource.Url;

    /// <summary>service.version.resource.method, as the SDKs spell the call.</summary>
    public string Dotted => Service + "." + Version + "." + Resource + "." + Method;
}

/// <summary>What on a page named its SDK call, most trusted first.</summary>
internal enum NameSource
{
    /// <summary>The Python SDK sample: <c>client.hire.v1.eco_background_check.update_result(</c>.</summary>
    PythonSample,

    /// <summary>The Go SDK sample: <c>client.Hire.V1.EcoBackgroundCheck.UpdateResult(</c>.</summary>
    GoSample,

    /// <summary>The portal's 尝试一下 link to the API explorer (<c>project=…&amp;version=…&amp;resource=…&amp;method=…</c>).</summary>
    ApiExplorer,

    /// <summary>The front matter's <c>fullPath</c> or <c>full_path</c>, ending in service-version/resource/method.</summary>
    DocPath,

    /// <summary>A doc URL in the front matter (<c>source_url</c>): <c>…/server-docs/…</c> or the older <c>…/reference/…</c>.</summary>
    DocUrl,

    /// <summary>Nothing on the page: derived from the URL and HTTP method (FSG0010).</summary>
    Url,
}

/// <summary>One row of the page's error table.</summary>
internal sealed record ErrorCodeModel(int HttpStatus, long Code, string Description, string Hint);
