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
    /// <summary>The root's children: one property per service.</summary>
    public static List<TreeChild> RootChildren(GeneratorOptions options, IEnumerable<EndpointSpec> endpoints)
        => endpoints.GroupBy(e => e.ServiceProperty).OrderBy(g => g.Key, System.StringComparer.Ordinal)
            .Select(service => new TreeChild(service.Key, "global::" + options.RootNamespace + "." + service.Key + "." + service.Key + "Service", service.First().Model.Naming.Service))
            .ToList();

    /// <summary>A service's children: one property per version.</summary>
    public static List<TreeChild> ServiceChildren(IGrouping<string, EndpointSpec> service)
        => service.GroupBy(e => e.VersionProperty).OrderBy(g => g.Key, System.StringComparer.Ordinal)
            .Select(g => new TreeChild(g.Key, "global::" + g.First().Namespace + "." + service.Key + g.Key + "Service", "version " + g.First().Model.Naming.Version))
            .ToList();

    /// <summary>A version's children: one property per resource.</summary>
    public static List<TreeChild> VersionChildren(IGrouping<string, EndpointSpec> version)
        => version.GroupBy(e => e.ResourceProperty).OrderBy(g => g.Key, System.StringComparer.Ordinal)
            .Select(g => new TreeChild(g.Key, "global::" + g.First().Namespace + "." + g.First().ResourceClass, "resource " + g.First().Model.Naming.Resource))
            .ToList();

    public static string EmitRoot(GeneratorOptions options, IEnumerable<TreeChild> services)
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
        foreach (var service in services)
        {
            writer.Line();
            writer.Line("/// <summary>The <c>" + CSharp.Xml(service.What) + "</c> service.</summary>");
            writer.Line("public " + service.Type + " " + service.Property + " => field" + service.Property + " ??= new " + service.Type + "(Client);");
            writer.Line();
            writer.Line("private " + service.Type + "? field" + service.Property + ";");
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

    /// <summary>A service or version group: one lazily created property per child.</summary>
    public static string EmitGroup(string ns, string className, string summary, IEnumerable<TreeChild> children)
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
        foreach (var (property, type, what) in children.Select(c => (c.Property, c.Type, c.What)))
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

/// <summary>A property of the client tree: its name, its type and what it is, for its doc.</summary>
internal sealed record TreeChild(string Property, string Type, string What);
