using System.Collections.Generic;
using System.Linq;
using FeishuGen.Generator.Naming;

namespace FeishuGen.Generator.Shaping;

/// <summary>
/// How an endpoint pages, as its resource class prints it: the request's and the reply's token
/// properties, has_more, the paging methods' names and, when the reply has one list, its items.
/// </summary>
internal sealed record PagingSpec(string RequestToken, string ResponseToken, string HasMore, string PagesMethod, bool WritePages, PagedItems? Items, PagingWire Wire);

/// <summary>
/// The same paging on the wire, for the catalogue (the local server pages what the method pages):
/// the request's page token and size by wire name and whether each travels in the body (else the
/// query), and the reply's next-token, has-more and items members.
/// </summary>
internal sealed record PagingWire(string Token, bool TokenInBody, string Size, bool SizeInBody, string NextToken, string HasMore, string? Items);

/// <summary>The items of every page: the method, the reply's list property (C# and wire names) and the C# type of one item.</summary>
internal sealed record PagedItems(string Method, string ClrName, string WireName, string ItemType);

/// <summary>
/// Decides which endpoints page: the request has page_token and page_size (in the query or the
/// body), the reply has has_more and page_token. Each page is then an ordinary call; the items of
/// every page are the reply's <c>items</c> list, or its only list.
/// </summary>
internal static class Paging
{
    public static PagingSpec? Find(EndpointSpec endpoint, TypeSpec request, TypeSpec? response, ISet<string> taken)
    {
        if (endpoint.IsDownload || response is null)
        {
            return null;
        }

        var token = request.Properties.FirstOrDefault(p => p.WireName == "page_token" && p.Location is ParameterLocation.Query or ParameterLocation.Body && p.Type.Kind == TypeKind.String);
        var size = request.Properties.FirstOrDefault(p => p.WireName == "page_size");
        var next = response.Properties.FirstOrDefault(p => p.WireName == "page_token" && p.Type.Kind == TypeKind.String);
        var more = response.Properties.FirstOrDefault(p => p.WireName == "has_more" && p.Type.Kind == TypeKind.Boolean);
        if (token is null || size is null || next is null || more is null)
        {
            return null;
        }

        var lists = response.Properties.Where(p => p.Type.Kind == TypeKind.List).ToList();
        var items = lists.FirstOrDefault(p => p.WireName == "items") ?? (lists.Count == 1 ? lists[0] : null);
        var (pages, writePages, itemsMethod) = MemberNames.PagingMethods(endpoint.MethodName, items is not null, taken);
        var paged = itemsMethod is null ? null : new PagedItems(itemsMethod, items!.ClrName, items.WireName, ItemType(items.Type.Item!));
        var wire = new PagingWire(token.WireName, token.Location == ParameterLocation.Body, size.WireName, size.Location == ParameterLocation.Body, next.WireName, more.WireName, items?.WireName);
        return new PagingSpec(token.ClrName, next.ClrName, more.ClrName, pages, writePages, paged, wire);
    }

    // A list item's C# type (JSON values in lists may be null).
    private static string ItemType(TypeRef type) => type.Kind == TypeKind.Node ? type.CSharp + "?" : type.CSharp;
}
