using System.Collections.Generic;
using System.Linq;
using FeishuGen.Generator.Shaping;

namespace FeishuGen.Generator.Emitting;

/// <summary>
/// Emits a resource class (e.g. EcoBackgroundCheckApi) with one pair of async methods per
/// endpoint: <c>UpdateResultAsync(request, cancellationToken)</c> and an overload taking
/// per-call <c>FeishuRequestOptions</c>.
/// </summary>
internal static class ResourceEmitter
{
    public static string Emit(string ns, string resourceClass, IReadOnlyList<EndpointSpec> endpoints, string catalogueClass, IReadOnlyDictionary<EndpointSpec, TypeSpec> requests, IReadOnlyDictionary<EndpointSpec, TypeSpec> responses)
    {
        var writer = new SourceWriter().Header();
        writer.Open("namespace " + ns);
        writer.Line("/// <summary>The <c>" + CSharp.Xml(endpoints[0].Model.Naming.Resource) + "</c> methods of " + CSharp.Xml(endpoints[0].Model.Naming.Service) + " " + CSharp.Xml(endpoints[0].Model.Naming.Version) + ".</summary>");
        writer.Line(CSharp.GeneratedCode);
        writer.Open("public sealed partial class " + resourceClass);
        writer.Line("private readonly global::FeishuGen.FeishuClient _client;");
        writer.Line();
        writer.Line("/// <summary>Creates the resource over a configured <see cref=\"global::FeishuGen.FeishuClient\"/>.</summary>");
        writer.Line("/// <param name=\"client\">The client that sends the calls.</param>");
        writer.Line("public " + resourceClass + "(global::FeishuGen.FeishuClient client) => _client = client ?? throw new global::System.ArgumentNullException(nameof(client));");
        var taken = new HashSet<string>(endpoints.Select(e => e.MethodName));
        foreach (var endpoint in endpoints.OrderBy(e => e.MethodName, System.StringComparer.Ordinal))
        {
            writer.Line();
            WriteMethods(writer, endpoint, catalogueClass, requests[endpoint]);
            responses.TryGetValue(endpoint, out var response);
            if (!endpoint.IsDownload && PaginationEmitter.Find(requests[endpoint], response) is { } paging)
            {
                PaginationEmitter.Write(writer, endpoint, paging, taken);
            }
        }

        writer.Close();
        writer.Close();
        return writer.ToString();
    }

    private static void WriteMethods(SourceWriter writer, EndpointSpec endpoint, string catalogueClass, TypeSpec request)
    {
        var req = "global::" + endpoint.Namespace + "." + endpoint.RequestType;
        var resp = endpoint.ReturnType;
        var task = "global::System.Threading.Tasks.Task<" + resp + ">";
        var ct = "global::System.Threading.CancellationToken cancellationToken";

        MethodDocs.Write(writer, endpoint, withOptions: false);
        writer.Line("public " + task + " " + endpoint.MethodName + "(" + req + " request, " + ct + " = default)");
        writer.Line("    => " + endpoint.MethodName + "(request, null, cancellationToken);");
        writer.Line();

        MethodDocs.Write(writer, endpoint, withOptions: true);
        writer.Open("public " + task + " " + endpoint.MethodName + "(" + req + " request, global::FeishuGen.FeishuRequestOptions? options, " + ct + " = default)");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(request);");
        writer.Line("var call = new global::FeishuGen.FeishuApiCall(global::" + catalogueClass + "." + CatalogueEmitter.EntryName(endpoint) + ", " + PathExpression(endpoint, request) + ");");
        foreach (var query in request.Properties.Where(p => p.Location == ParameterLocation.Query))
        {
            writer.Line("call.AddQuery(" + CSharp.Literal(query.WireName) + ", request." + query.ClrName + ");");
        }

        if (endpoint.IsUpload)
        {
            writer.Line("call.Form = new global::FeishuGen.FeishuFormData()");
            foreach (var part in request.Properties.Where(p => p.Location == ParameterLocation.Form))
            {
                writer.Line(part.Type.Kind == TypeKind.Form
                    ? "    .AddRange(request." + part.ClrName + ")"
                    : "    .Add(" + CSharp.Literal(part.WireName) + ", request." + part.ClrName + ")");
            }

            writer.Line("    ;");
        }
        else if (endpoint.HasRequestBody)
        {
            writer.Line("call.SetJsonBody(request, " + JsonCode.Shape(endpoint.Namespace + "." + endpoint.RequestType) + ");");
        }

        if (endpoint.IsDownload)
        {
            writer.Line("return _client.DownloadAsync(call, options, cancellationToken);");
            writer.Close();
            return;
        }

        writer.Line("return _client.SendAsync(call, " + JsonCode.Shape(endpoint.Namespace + "." + endpoint.ResponseType) + ", options, cancellationToken);");
        writer.Close();
    }

    // "/open-apis/admin/v1/badges/:badge_id" → "/open-apis/admin/v1/badges/" + FeishuUrl.Segment(request.BadgeId)
    private static string PathExpression(EndpointSpec endpoint, TypeSpec request)
    {
        var parts = new List<string>();
        var literal = new System.Text.StringBuilder();
        foreach (var segment in endpoint.Model.PathTemplate.Split('/'))
        {
            if (segment.Length == 0)
            {
                continue;
            }

            literal.Append('/');
            var property = segment[0] == ':' ? request.Properties.FirstOrDefault(p => p.Location == ParameterLocation.Path && p.WireName == segment.Substring(1)) : null;
            if (property is null)
            {
                literal.Append(segment);
                continue;
            }

            parts.Add(CSharp.Literal(literal.ToString()));
            literal.Clear();
            parts.Add("global::FeishuGen.FeishuUrl.Segment(request." + property.ClrName + ")");
        }

        if (literal.Length > 0 || parts.Count == 0)
        {
            parts.Add(CSharp.Literal(literal.Length > 0 ? literal.ToString() : "/"));
        }

        return string.Join(" + ", parts);
    }
}
