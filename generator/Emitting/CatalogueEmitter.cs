using System.Collections.Generic;
using System.Linq;
using FeishuGen.Generator.Planning;

namespace FeishuGen.Generator.Emitting;

/// <summary>
/// Prints the endpoint catalogue: one <c>FeishuEndpoint</c> per page with its SDK names, HTTP
/// method, path template, CLR types, tokens, scopes, required body fields, documented errors,
/// response example and spec path, each resource's entries in a part of their own, and the list.
/// The client methods, the local server and tooling read it.
/// </summary>
internal static class CatalogueEmitter
{
    /// <summary>The entries of one resource's endpoints, as a part of the catalogue class: editing a page re-prints only its resource's part.</summary>
    public static string EmitEntries(CatalogueEntriesUnit unit)
    {
        // [GeneratedCode] sits on the list's part only: it may appear once per class.
        var writer = new SourceWriter().Header();
        writer.Open("namespace " + unit.RootNamespace);
        writer.Open("public static partial class " + unit.ClassName);
        var first = true;
        foreach (var entry in unit.Entries)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            WriteEntry(writer, entry);
        }

        writer.Close();
        writer.Close();
        return writer.ToString();
    }

    /// <summary>The catalogue's list, by entry name only: it changes when endpoints come, go or are renamed.</summary>
    public static string EmitList(CatalogueListUnit unit)
    {
        var writer = new SourceWriter().Header();
        writer.Open("namespace " + unit.RootNamespace);
        writer.Line("/// <summary>Every endpoint generated from this project's documentation pages.</summary>");
        writer.Line(CSharp.GeneratedCode);
        writer.Open("public static partial class " + unit.ClassName);
        writer.Line("/// <summary>All endpoints, in spec-path order.</summary>");
        writer.Open("public static global::System.Collections.Generic.IReadOnlyList<global::FeishuGen.FeishuEndpoint> All { get; } = new global::FeishuGen.FeishuEndpoint[]");
        foreach (var name in unit.EntryNames)
        {
            writer.Line(name + ",");
        }

        writer.Close(";");
        writer.Close();
        writer.Close();
        return writer.ToString();
    }

    private static void WriteEntry(SourceWriter writer, CatalogueEntry entry)
    {
        var naming = entry.Naming;
        writer.Line("/// <summary>" + CSharp.Xml(entry.Title) + ": <c>" + entry.HttpMethod + " " + CSharp.Xml(entry.PathTemplate) + "</c>.</summary>");
        writer.Open("public static global::FeishuGen.FeishuEndpoint " + entry.EntryName + " { get; } = new global::FeishuGen.FeishuEndpoint");
        writer.Line("Title = " + CSharp.Literal(entry.Title) + ",");
        writer.Line("Service = " + CSharp.Literal(naming.Service) + ",");
        writer.Line("Version = " + CSharp.Literal(naming.Version) + ",");
        writer.Line("Resource = " + CSharp.Literal(naming.Resource) + ",");
        writer.Line("Method = " + CSharp.Literal(naming.Method) + ",");
        writer.Line("HttpMethod = " + CSharp.Literal(entry.HttpMethod) + ",");
        writer.Line("PathTemplate = " + CSharp.Literal(entry.PathTemplate) + ",");
        if (entry.Host is { } host)
        {
            writer.Line("Host = " + CSharp.Literal(host) + ",");
        }

        writer.Line("RequestType = typeof(" + entry.RequestType.Global + "),");
        writer.Line("ResponseType = typeof(" + entry.ReturnType + "),");
        if (entry.IsUpload || entry.IsDownload)
        {
            writer.Line("RequestKind = " + (entry.IsUpload ? "global::FeishuGen.FeishuPayloadKind.Multipart" : "global::FeishuGen.FeishuPayloadKind.Json") + ",");
            writer.Line("ResponseKind = " + (entry.IsDownload ? "global::FeishuGen.FeishuPayloadKind.File" : "global::FeishuGen.FeishuPayloadKind.Json") + ",");
        }

        if (entry.ReplyAtTopLevel)
        {
            writer.Line("ReplyAtTopLevel = true,");
        }

        writer.Line("TokenTypes = " + Strings(entry.TokenTypes) + ",");
        writer.Line("Scopes = new global::FeishuGen.FeishuScope[] { " + string.Join(", ", entry.Scopes.Select(s => "new(" + CSharp.Literal(s.Name) + ", " + CSharp.Literal(s.Key) + ")")) + " },");
        writer.Line("RequiredBodyFields = " + Strings(entry.RequiredBodyFields) + ",");
        writer.Line("RequiredQueryParameters = " + Strings(entry.RequiredQueryParameters) + ",");
        if (entry.Pager is { } paging)
        {
            writer.Line("Paging = new global::FeishuGen.FeishuEndpointPaging { TokenParameter = " + CSharp.Literal(paging.Token) + ", TokenLocation = " + Location(paging.TokenInBody)
                + ", SizeParameter = " + CSharp.Literal(paging.Size) + ", SizeLocation = " + Location(paging.SizeInBody)
                + ", NextTokenMember = " + CSharp.Literal(paging.NextToken) + ", HasMoreMember = " + CSharp.Literal(paging.HasMore)
                + (paging.Items is { } items ? ", ItemsMember = " + CSharp.Literal(items) : string.Empty) + " },");
        }

        writer.Line("Errors = " + entry.ErrorsClass.Global + ".All,");
        if (entry.IncludesExamples)
        {
            writer.Line("RequestExample = " + CSharp.Literal(entry.RequestExample) + ",");
            writer.Line("ResponseExample = " + CSharp.Literal(entry.ResponseExample) + ",");
        }

        writer.Line("SpecPath = " + CSharp.Literal(entry.SpecPath) + ",");
        writer.Close(";");
    }

    private static string Location(bool inBody)
        => "global::FeishuGen.FeishuParameterLocation." + (inBody ? "Body" : "Query");

    private static string Strings(IEnumerable<string> values)
        => "new string[] { " + string.Join(", ", values.Select(CSharp.Literal)) + " }";
}
