using System.Collections.Generic;
using System.Linq;
using FeishuGen.Generator.Shaping;

namespace FeishuGen.Generator.Emitting;

/// <summary>How an endpoint pages: the request's and the reply's token members, has_more, and the list of items.</summary>
internal sealed record PagingShape(PropertySpec RequestToken, PropertySpec PageSize, PropertySpec ResponseToken, PropertySpec HasMore, PropertySpec? Items);

/// <summary>
/// Emits <c>{Method}PagesAsync</c> and <c>{Method}ItemsAsync</c> for endpoints that page: the
/// request has page_token and page_size (in the query or the body), the reply has has_more and
/// page_token. Each page is an ordinary call (fresh token, retries, errors thrown, not swallowed);
/// a server that hands back the same page token twice stops the loop instead of spinning.
/// </summary>
internal static class PaginationEmitter
{
    public static PagingShape? Find(TypeSpec request, TypeSpec? response)
    {
        if (response is null)
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
        return new PagingShape(token, size, next, more, items);
    }

    public static void Write(SourceWriter writer, EndpointSpec endpoint, PagingShape paging, ISet<string> taken)
    {
        var method = endpoint.MethodName.Substring(0, endpoint.MethodName.Length - "Async".Length);
        var req = "global::" + endpoint.Namespace + "." + endpoint.RequestType;
        var resp = "global::" + endpoint.Namespace + "." + endpoint.ResponseType;
        var pages = method + "PagesAsync";
        if (taken.Add(pages))
        {
            writer.Line();
            writer.Line("/// <summary>Every page of <see cref=\"" + endpoint.MethodName + "(" + endpoint.RequestType + ", global::System.Threading.CancellationToken)\"/>, fetched one after another from <paramref name=\"request\"/>'s page.</summary>");
            writer.Line("/// <remarks>Each page is a separate call: a failure on any page is thrown, not swallowed.</remarks>");
            writer.Line("/// <param name=\"request\">The first page's request; its page token is replaced for the next pages.</param>");
            writer.Line("/// <param name=\"options\">Per-call overrides, used for every page.</param>");
            writer.Line("/// <param name=\"cancellationToken\">Stops the enumeration.</param>");
            writer.Line("/// <returns>The pages.</returns>");
            writer.Open("public async global::System.Collections.Generic.IAsyncEnumerable<" + resp + "> " + pages + "(" + req + " request, global::FeishuGen.FeishuRequestOptions? options = null, [global::System.Runtime.CompilerServices.EnumeratorCancellation] global::System.Threading.CancellationToken cancellationToken = default)");
            writer.Line("global::System.ArgumentNullException.ThrowIfNull(request);");
            writer.Line("var next = request;");
            writer.Open("while (true)");
            writer.Line("var page = await " + endpoint.MethodName + "(next, options, cancellationToken).ConfigureAwait(false);");
            writer.Line("yield return page;");
            writer.Open("if (page." + paging.HasMore.ClrName + " != true || string.IsNullOrEmpty(page." + paging.ResponseToken.ClrName + "))");
            writer.Line("yield break;");
            writer.Close();
            writer.Line("global::FeishuGen.FeishuPaging.EnsureProgress(next." + paging.RequestToken.ClrName + ", page." + paging.ResponseToken.ClrName + ", " + CSharp.Literal(endpoint.Model.PathTemplate) + ");");
            writer.Line("next = next with { " + paging.RequestToken.ClrName + " = page." + paging.ResponseToken.ClrName + " };");
            writer.Close();
            writer.Close();
        }

        var items = method + "ItemsAsync";
        if (paging.Items is { } list && taken.Add(items))
        {
            var item = JsonCode.ItemType(list.Type.Item!);
            writer.Line();
            writer.Line("/// <summary>Every item (<c>" + CSharp.Xml(list.WireName) + "</c>) of every page of <see cref=\"" + endpoint.MethodName + "(" + endpoint.RequestType + ", global::System.Threading.CancellationToken)\"/>.</summary>");
            writer.Line("/// <remarks>Pages are fetched as the enumeration reaches them; a failure on any page is thrown.</remarks>");
            writer.Line("/// <param name=\"request\">The first page's request.</param>");
            writer.Line("/// <param name=\"options\">Per-call overrides, used for every page.</param>");
            writer.Line("/// <param name=\"cancellationToken\">Stops the enumeration.</param>");
            writer.Line("/// <returns>The items.</returns>");
            writer.Open("public async global::System.Collections.Generic.IAsyncEnumerable<" + item + "> " + items + "(" + req + " request, global::FeishuGen.FeishuRequestOptions? options = null, [global::System.Runtime.CompilerServices.EnumeratorCancellation] global::System.Threading.CancellationToken cancellationToken = default)");
            writer.Open("await foreach (var page in global::System.Threading.Tasks.TaskAsyncEnumerableExtensions.ConfigureAwait(" + pages + "(request, options, cancellationToken), false))");
            writer.Line("var list = page." + list.ClrName + ";");
            writer.Open("if (list is null)");
            writer.Line("continue;");
            writer.Close();
            writer.Open("foreach (var item in list)");
            writer.Line("yield return item;");
            writer.Close();
            writer.Close();
            writer.Close();
        }
    }
}
