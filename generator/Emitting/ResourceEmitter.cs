using System.Linq;
using FeishuGen.Generator.Planning;

namespace FeishuGen.Generator.Emitting;

/// <summary>
/// Prints a resource class (e.g. EcoBackgroundCheckApi) with one pair of async methods per
/// endpoint: <c>UpdateResultAsync(request, cancellationToken)</c> and an overload taking
/// per-call <c>FeishuRequestOptions</c>, and the paging methods of the endpoints that page.
/// </summary>
internal static class ResourceEmitter
{
    public static string Emit(ResourceUnit unit)
    {
        var writer = new SourceWriter().Header();
        var resourceClass = unit.Class.Name;
        writer.Open("namespace " + unit.Class.Namespace);
        writer.Line("/// <summary>The <c>" + CSharp.Xml(unit.Naming.Resource) + "</c> methods of " + CSharp.Xml(unit.Naming.Service) + " " + CSharp.Xml(unit.Naming.Version) + ".</summary>");
        writer.Line(CSharp.GeneratedCode);
        writer.Open("public sealed partial class " + resourceClass);
        writer.Line("private readonly global::FeishuGen.FeishuClient _client;");
        writer.Line();
        writer.Line("/// <summary>Creates the resource over a configured <see cref=\"global::FeishuGen.FeishuClient\"/>.</summary>");
        writer.Line("/// <param name=\"client\">The client that sends the calls.</param>");
        writer.Line("public " + resourceClass + "(global::FeishuGen.FeishuClient client) => _client = client ?? throw new global::System.ArgumentNullException(nameof(client));");
        foreach (var method in unit.Methods)
        {
            writer.Line();
            WriteMethods(writer, method, unit.CatalogueClass);
            if (method.Paged is { } paging)
            {
                PaginationEmitter.Write(writer, method, paging);
            }
        }

        writer.Close();
        writer.Close();
        return writer.ToString();
    }

    private static void WriteMethods(SourceWriter writer, MethodSpec method, string catalogueClass)
    {
        var req = method.RequestType.Global;
        var task = "global::System.Threading.Tasks.Task<" + method.ReturnType + ">";
        var ct = "global::System.Threading.CancellationToken cancellationToken";

        MethodDocs.Write(writer, method.Doc, withOptions: false);
        writer.Line("public " + task + " " + method.MethodName + "(" + req + " request, " + ct + " = default)");
        writer.Line("    => " + method.MethodName + "(request, null, cancellationToken);");
        writer.Line();

        MethodDocs.Write(writer, method.Doc, withOptions: true);
        writer.Open("public " + task + " " + method.MethodName + "(" + req + " request, global::FeishuGen.FeishuRequestOptions? options, " + ct + " = default)");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(request);");
        writer.Line("var call = new global::FeishuGen.FeishuApiCall(global::" + catalogueClass + "." + method.EntryName + ", " + PathExpression(method) + ");");
        foreach (var query in method.Query)
        {
            writer.Line("call.AddQuery(" + CSharp.Literal(query.WireName) + ", request." + query.ClrName + ");");
        }

        if (method.Body == BodyKind.Form)
        {
            writer.Line("call.Form = new global::FeishuGen.FeishuFormData()");
            foreach (var part in method.Form)
            {
                writer.Line(part.IsFreeParts
                    ? "    .AddRange(request." + part.ClrName + ")"
                    : "    .Add(" + CSharp.Literal(part.WireName) + ", request." + part.ClrName + ")");
            }

            writer.Line("    ;");
        }
        else if (method.Body == BodyKind.Json)
        {
            writer.Line("call.SetJsonBody(request, " + JsonCode.Shape(method.RequestType) + ");");
        }

        if (method.IsDownload)
        {
            writer.Line("return _client.DownloadAsync(call, options, cancellationToken);");
            writer.Close();
            return;
        }

        writer.Line("return _client.SendAsync(call, " + JsonCode.Shape(method.ResponseType) + ", options, cancellationToken);");
        writer.Close();
    }

    // "/open-apis/admin/v1/badges/" + FeishuUrl.Segment(request.BadgeId)
    private static string PathExpression(MethodSpec method)
        => string.Join(" + ", method.Path.Select(s => s.IsProperty ? "global::FeishuGen.FeishuUrl.Segment(request." + s.Text + ")" : CSharp.Literal(s.Text)));
}
