using System.Collections.Generic;
using System.Linq;
using FeishuGen.Generator.Shaping;

namespace FeishuGen.Generator.Emitting;

/// <summary>
/// Emits the entry point (<c>FeishuApi</c> by default) and the service and version groups, so
/// that calls read like the official SDKs: <c>api.Hire.V1.EcoBackgroundCheck.UpdateResultAsync(…)</c>.
/// </summary>
internal static class ClientTreeEmitter
{
    public static string EmitRoot(GeneratorOptions options, IReadOnlyList<EndpointSpec> endpoints)
    {
        var writer = new SourceWriter().Header();
        writer.Open("namespace " + options.RootNamespace);
        writer.Line("/// <summary>");
        writer.Line("/// The Feishu Open Platform methods generated from the documentation pages in this project's specs.");
        writer.Line("/// </summary>");
        writer.Line(CSharp.GeneratedCode);
        writer.Open("public sealed partial class " + options.ClientName);
        writer.Line("/// <summary>Creates the API over a configured client (tokens, retries and errors live there).</summary>");
        writer.Line("/// <param name=\"client\">The client that sends every call.</param>");
        writer.Line("public " + options.ClientName + "(global::FeishuGen.FeishuClient client) => Client = client ?? throw new global::System.ArgumentNullException(nameof(client));");
        writer.Line();
        writer.Line("/// <summary>Creates the API and its client from options.</summary>");
        writer.Line("/// <param name=\"options\">App credentials and domain.</param>");
        writer.Line("/// <param name=\"httpClient\">An HttpClient to send through; the client makes its own when null.</param>");
        writer.Line("public " + options.ClientName + "(global::FeishuGen.FeishuClientOptions options, global::System.Net.Http.HttpClient? httpClient = null)");
        writer.Line("    : this(new global::FeishuGen.FeishuClient(options, httpClient))");
        writer.Open(string.Empty);
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>The client that sends every call.</summary>");
        writer.Line("public global::FeishuGen.FeishuClient Client { get; }");
        foreach (var service in endpoints.GroupBy(e => e.ServiceProperty).OrderBy(g => g.Key, System.StringComparer.Ordinal))
        {
            var type = "global::" + options.RootNamespace + "." + service.Key + "." + service.Key + "Service";
            writer.Line();
            writer.Line("/// <summary>The <c>" + CSharp.Xml(service.First().Model.Naming.Service) + "</c> service.</summary>");
            writer.Line("public " + type + " " + service.Key + " => field" + service.Key + " ??= new " + type + "(Client);");
            writer.Line();
            writer.Line("private " + type + "? field" + service.Key + ";");
        }

        writer.Close();
        writer.Line();
        writer.Line("/// <summary>Registers <see cref=\"" + options.ClientName + "\"/> over the <see cref=\"global::FeishuGen.FeishuClient\"/> that <c>services.AddFeishu(…)</c> registers.</summary>");
        writer.Line(CSharp.GeneratedCode);
        writer.Open("public static class " + options.ClientName + "ServiceCollectionExtensions");
        writer.Line("/// <summary>Adds <see cref=\"" + options.ClientName + "\"/> as a singleton; call <c>services.AddFeishu(…)</c> too.</summary>");
        writer.Line("/// <param name=\"services\">The services.</param>");
        writer.Line("/// <returns>The services.</returns>");
        writer.Open("public static global::Microsoft.Extensions.DependencyInjection.IServiceCollection Add" + options.ClientName + "(this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services)");
        writer.Line("global::Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(services, static sp => new " + options.ClientName + "((global::FeishuGen.FeishuClient)sp.GetService(typeof(global::FeishuGen.FeishuClient))!));");
        writer.Line("return services;");
        writer.Close();
        writer.Close();
        writer.Close();
        return writer.ToString();
    }

    public static string EmitService(GeneratorOptions options, IGrouping<string, EndpointSpec> service)
    {
        var ns = options.RootNamespace + "." + service.Key;
        var children = service.GroupBy(e => e.VersionProperty).OrderBy(g => g.Key, System.StringComparer.Ordinal)
            .Select(g => (g.Key, "global::" + g.First().Namespace + "." + service.Key + g.Key + "Service", "version " + g.First().Model.Naming.Version));
        return EmitGroup(ns, service.Key + "Service", "The " + service.First().Model.Naming.Service + " service.", children);
    }

    public static string EmitVersion(IGrouping<string, EndpointSpec> version)
    {
        var first = version.First();
        var children = version.GroupBy(e => e.ResourceProperty).OrderBy(g => g.Key, System.StringComparer.Ordinal)
            .Select(g => (g.Key, "global::" + first.Namespace + "." + g.First().ResourceClass, "resource " + g.First().Model.Naming.Resource));
        return EmitGroup(first.Namespace, first.ServiceProperty + first.VersionProperty + "Service",
            "Version " + first.Model.Naming.Version + " of the " + first.Model.Naming.Service + " service.", children);
    }

    private static string EmitGroup(string ns, string className, string summary, IEnumerable<(string Property, string Type, string What)> children)
    {
        var writer = new SourceWriter().Header();
        writer.Open("namespace " + ns);
        writer.Line("/// <summary>" + CSharp.Xml(summary) + "</summary>");
        writer.Line(CSharp.GeneratedCode);
        writer.Open("public sealed partial class " + className);
        writer.Line("private readonly global::FeishuGen.FeishuClient _client;");
        writer.Line();
        writer.Line("/// <summary>Creates the group over a configured client.</summary>");
        writer.Line("/// <param name=\"client\">The client that sends the calls.</param>");
        writer.Line("public " + className + "(global::FeishuGen.FeishuClient client) => _client = client;");
        foreach (var (property, type, what) in children)
        {
            writer.Line();
            writer.Line("/// <summary>The " + CSharp.Xml(what) + ".</summary>");
            writer.Line("public " + type + " " + property + " => field" + property + " ??= new " + type + "(_client);");
            writer.Line();
            writer.Line("private " + type + "? field" + property + ";");
        }

        writer.Close();
        writer.Close();
        return writer.ToString();
    }
}
