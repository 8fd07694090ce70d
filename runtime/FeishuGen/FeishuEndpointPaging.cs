namespace FeishuGen;

/// <summary>
/// How an endpoint pages, as the generator gave it <c>{Method}PagesAsync</c> and <c>{Method}ItemsAsync</c>:
/// where the request carries its page token and page size, and which members of the reply's <c>data</c>
/// say whether more pages follow, hand over the next token and hold the items. The local test server
/// pages exactly the endpoints that have one, the way the method sends and reads them.
/// </summary>
public sealed class FeishuEndpointPaging
{
    /// <summary>The request's page token parameter, e.g. <c>page_token</c>.</summary>
    public required string TokenParameter { get; init; }

    /// <summary>Where the page token travels: the query string or the JSON body.</summary>
    public required FeishuParameterLocation TokenLocation { get; init; }

    /// <summary>The request's page size parameter, e.g. <c>page_size</c>.</summary>
    public required string SizeParameter { get; init; }

    /// <summary>Where the page size travels: the query string or the JSON body.</summary>
    public required FeishuParameterLocation SizeLocation { get; init; }

    /// <summary>The reply member holding the next page's token, e.g. <c>page_token</c>.</summary>
    public required string NextTokenMember { get; init; }

    /// <summary>The reply member that says whether more pages follow, e.g. <c>has_more</c>.</summary>
    public required string HasMoreMember { get; init; }

    /// <summary>The reply's list of items (<c>items</c>, or its only list); null when the reply has no single list.</summary>
    public string? ItemsMember { get; init; }
}

/// <summary>Where a request parameter travels.</summary>
public enum FeishuParameterLocation
{
    /// <summary>In the query string.</summary>
    Query,

    /// <summary>As a member of the JSON body.</summary>
    Body,
}
