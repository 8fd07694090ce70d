using System.Collections.Generic;
using System.Linq;
using FeishuGen.Generator.Shaping;

namespace FeishuGen.Generator.Emitting;

/// <summary>
/// Emits the endpoint catalogue: one <c>FeishuEndpoint</c> per page with its SDK names, HTTP
/// method, path template, CLR types, tokens, scopes, required body fields, documented errors,
/// response example and spec path. The client methods, the local server and tooling read it.
/// </summary>
internal static class CatalogueEmitter
{
    public const string ClassName = "FeishuEndpointCatalogue";

    public static string EntryName(EndpointSpec endpoint)
        => endpoint.ServiceProperty + endpoint.VersionProperty + endpoint.ResourceProperty + endpoint.MethodName.Substring(0, endpoint.MethodName.Length - "Async".Length);

    /// <summary>The entries of one resource's endpoints, as a part of the catalogue class: editing a page re-emits only its resource's part.</summary>
    public static string EmitEntries(GeneratorOptions options, IReadOnlyList<EndpointSpec> endpoints)
    {
        // [GeneratedCode] sits on the list's part only: it may appear once per class.
        var writer = new SourceWriter().Header();
        writer.Open("namespace " + options.RootNamespace);
        writer.Open("public static partial class " + ClassName);
        var first = true;
        foreach (var endpoint in endpoints)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            WriteEntry(writer, endpoint, options.ProjectDirectory, options.IncludeExamples);
        }

        writer.Close();
        writer.Close();
        return writer.ToString();
    }

    /// <summary>The catalogue's list, by entry name only: it changes when endpoints come, go or are renamed.</summary>
    public static string EmitList(GeneratorOptions options, IEnumerable<string> entryNames)
    {
        var writer = new SourceWriter().Header();
        writer.Open("namespace " + options.RootNamespace);
        writer.Line("/// <summary>Every endpoint generated from this project's documentation pages.</summary>");
        writer.Line(CSharp.GeneratedCode);
        writer.Open("public static partial class " + ClassName);
        writer.Line("/// <summary>All endpoints, in spec-path order.</summary>");
        writer.Open("public static global::System.Collections.Generic.IReadOnlyList<global::FeishuGen.FeishuEndpoint> All { get; } = new global::FeishuGen.FeishuEndpoint[]");
        foreach (var name in entryNames)
        {
            writer.Line(name + ",");
        }

        writer.Close(";");
        writer.Close();
        writer.Close();
        return writer.ToString();
    }

    private static void WriteEntry(SourceWriter writer, EndpointSpec endpoint, string? projectDirectory, bool includeExamples)
    {
        var model = endpoint.Model;
        var naming = model.Naming;
        writer.Line("/// <summary>" + CSharp.Xml(model.Title) + ": <c>" + model.HttpMethod + " " + CSharp.Xml(model.PathTemplate) + "</c>.</summary>");
        writer.Open("public static global::FeishuGen.FeishuEndpoint " + EntryName(endpoint) + " { get; } = new global::FeishuGen.FeishuEndpoint");
        writer.Line("Title = " + CSharp.Literal(model.Title) + ",");
        writer.Line("Service = " + CSharp.Literal(naming.Service) + ",");
        writer.Line("Version = " + CSharp.Literal(naming.Version) + ",");
        writer.Line("Resource = " + CSharp.Literal(naming.Resource) + ",");
        writer.Line("Method = " + CSharp.Literal(naming.Method) + ",");
        writer.Line("HttpMethod = " + CSharp.Literal(model.HttpMethod) + ",");
        writer.Line("PathTemplate = " + CSharp.Literal(model.PathTemplate) + ",");
        if (model.Host != Reading.HostNames.OpenPlatform)
        {
            writer.Line("Host = " + CSharp.Literal(model.Host) + ",");
        }

        writer.Line("RequestType = typeof(global::" + endpoint.Namespace + "." + endpoint.RequestType + "),");
        writer.Line("ResponseType = typeof(" + endpoint.ReturnType + "),");
        if (endpoint.IsUpload || endpoint.IsDownload)
        {
            writer.Line("RequestKind = " + (endpoint.IsUpload ? "global::FeishuGen.FeishuPayloadKind.Multipart" : "global::FeishuGen.FeishuPayloadKind.Json") + ",");
            writer.Line("ResponseKind = " + (endpoint.IsDownload ? "global::FeishuGen.FeishuPayloadKind.File" : "global::FeishuGen.FeishuPayloadKind.Json") + ",");
        }

        writer.Line("TokenTypes = " + Strings(model.TokenTypes) + ",");
        writer.Line("Scopes = new global::FeishuGen.FeishuScope[] { " + string.Join(", ", model.Scopes.Select(s => "new(" + CSharp.Literal(s.Name) + ", " + CSharp.Literal(s.Key) + ")")) + " },");
        writer.Line("RequiredBodyFields = " + Strings(model.BodyFields.Where(f => f.Required).Select(f => f.Name)) + ",");
        writer.Line("RequiredQueryParameters = " + Strings(model.QueryParameters.Where(f => f.Required).Select(f => f.Name)) + ",");
        writer.Line("Errors = global::" + endpoint.Namespace + "." + endpoint.ErrorsClass + ".All,");
        if (includeExamples)
        {
            writer.Line("RequestExample = " + CSharp.Literal(model.RequestExample) + ",");
            writer.Line("ResponseExample = " + CSharp.Literal(model.ResponseExample) + ",");
        }

        writer.Line("SpecPath = " + CSharp.Literal(Relative(model.SpecPath, projectDirectory)) + ",");
        writer.Close(";");
    }

    private static string Strings(IEnumerable<string> values)
        => "new string[] { " + string.Join(", ", values.Select(CSharp.Literal)) + " }";

    internal static string Relative(string path, string? projectDirectory)
    {
        var normalized = path.Replace('\\', '/');
        if (string.IsNullOrEmpty(projectDirectory))
        {
            return normalized;
        }

        var root = projectDirectory!.Replace('\\', '/').TrimEnd('/') + "/";
        return normalized.StartsWith(root, System.StringComparison.Ordinal) ? normalized.Substring(root.Length) : normalized;
    }
}
