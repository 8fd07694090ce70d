using FeishuGen.Generator.Planning;
using FeishuGen.Generator.Shaping;

namespace FeishuGen.Generator.Emitting;

/// <summary>
/// Prints <c>{Method}PagesAsync</c> and <c>{Method}ItemsAsync</c> for an endpoint that pages
/// (<see cref="PagingSpec"/>): each page is an ordinary call (fresh token, retries, errors thrown,
/// not swallowed); a server that hands back the same page token twice stops the loop instead of spinning.
/// </summary>
internal static class PaginationEmitter
{
    public static void Write(SourceWriter writer, MethodSpec method, PagingSpec paging)
    {
        var req = method.RequestType.Global;
        var resp = method.ResponseType.Global;
        var pages = paging.PagesMethod;
        if (paging.WritePages)
        {
            writer.Line();
            writer.Line("/// <summary>Every page of <see cref=\"" + method.MethodName + "(" + method.RequestType.Name + ", global::System.Threading.CancellationToken)\"/>, fetched one after another from <paramref name=\"request\"/>'s page.</summary>");
            writer.Line("/// <remarks>Each page is a separate call: a failure on any page is thrown, not swallowed.</remarks>");
            writer.Line("/// <param name=\"request\">The first page's request; its page token is replaced for the next pages.</param>");
            writer.Line("/// <param name=\"options\">Per-call overrides, used for every page.</param>");
            writer.Line("/// <param name=\"cancellationToken\">Stops the enumeration.</param>");
            writer.Line("/// <returns>The pages.</returns>");
            writer.Open("public async global::System.Collections.Generic.IAsyncEnumerable<" + resp + "> " + pages + "(" + req + " request, global::FeishuGen.FeishuRequestOptions? options = null, [global::System.Runtime.CompilerServices.EnumeratorCancellation] global::System.Threading.CancellationToken cancellationToken = default)");
            writer.Line("global::System.ArgumentNullException.ThrowIfNull(request);");
            writer.Line("var next = request;");
            writer.Open("while (true)");
            writer.Line("var page = await " + method.MethodName + "(next, options, cancellationToken).ConfigureAwait(false);");
            writer.Line("yield return page;");
            writer.Open("if (page." + paging.HasMore + " != true || string.IsNullOrEmpty(page." + paging.ResponseToken + "))");
            writer.Line("yield break;");
            writer.Close();
            writer.Line("global::FeishuGen.FeishuPaging.EnsureProgress(next." + paging.RequestToken + ", page." + paging.ResponseToken + ", " + CSharp.Literal(method.Doc.PathTemplate) + ");");
            writer.Line("next = next with { " + paging.RequestToken + " = page." + paging.ResponseToken + " };");
            writer.Close();
            writer.Close();
        }

        if (paging.Items is { } items)
        {
            writer.Line();
            writer.Line("/// <summary>Every item (<c>" + CSharp.Xml(items.WireName) + "</c>) of every page of <see cref=\"" + method.MethodName + "(" + method.RequestType.Name + ", global::System.Threading.CancellationToken)\"/>.</summary>");
            writer.Line("/// <remarks>Pages are fetched as the enumeration reaches them; a failure on any page is thrown.</remarks>");
            writer.Line("/// <param name=\"request\">The first page's request.</param>");
            writer.Line("/// <param name=\"options\">Per-call overrides, used for every page.</param>");
            writer.Line("/// <param name=\"cancellationToken\">Stops the enumeration.</param>");
            writer.Line("/// <returns>The items.</returns>");
            writer.Open("public async global::System.Collections.Generic.IAsyncEnumerable<" + items.ItemType + "> " + items.Method + "(" + req + " request, global::FeishuGen.FeishuRequestOptions? options = null, [global::System.Runtime.CompilerServices.EnumeratorCancellation] global::System.Threading.CancellationToken cancellationToken = default)");
            writer.Open("await foreach (var page in global::System.Threading.Tasks.TaskAsyncEnumerableExtensions.ConfigureAwait(" + pages + "(request, options, cancellationToken), false))");
            writer.Line("var list = page." + items.ClrName + ";");
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
