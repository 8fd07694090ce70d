using System.Linq;
using FeishuGen.Generator.Planning;

namespace FeishuGen.Generator.Emitting;

/// <summary>
/// Prints the entry point (<c>FeishuApi</c> by default) and the service and version groups, so
/// that calls read like the official SDKs: <c>api.Hire.V1.EcoBackgroundCheck.UpdateResultAsync(…)</c>.
/// </summary>
internal static class ClientTreeEmitter
{
    public static string EmitRoot(RootUnit unit)
    {
        var clientName = unit.ClientName;
        var writer = new SourceWriter().Header();
        writer.Open("namespace " + unit.RootNamespace);
        writer.Line("/// <summary>");
        writer.Line("/// The Feishu Open Platform methods generated from the documentation pages in this project's specs.");
        writer.Line("/// </summary>");
        writer.Line(CSharp.GeneratedCode);
        writer.Open("public sealed partial class " + clientName);
        writer.Line("/// <summary>Creates the API over a configured client (tokens, retries and errors live there).</summary>");
        writer.Line("/// <param name=\"client\">The client that sends every call.</param>");
        writer.Line("public " + clientName + "(global::FeishuGen.FeishuClient client) => Client = client ?? throw new global::System.ArgumentNullException(nameof(client));");
        writer.Line();
        writer.Line("/// <summary>Creates the API and its client from options.</summary>");
        writer.Line("/// <param name=\"options\">App credentials and domain.</param>");
        writer.Line("/// <param name=\"httpClient\">An HttpClient to send through; the client makes its own when null.</param>");
        writer.Line("public " + clientName + "(global::FeishuGen.FeishuClientOptions options, global::System.Net.Http.HttpClient? httpClient = null)");
        writer.Line("    : this(new global::FeishuGen.FeishuClient(options, httpClient))");
        writer.Open(string.Empty);
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>The client that sends every call.</summary>");
        writer.Line("public global::FeishuGen.FeishuClient Client { get; }");
        foreach (var service in unit.Services)
        {
            var type = service.Type.Global;
            writer.Line();
            writer.Line("/// <summary>The <c>" + CSharp.Xml(service.What) + "</c> service.</summary>");
            writer.Line("public " + type + " " + service.Property + " => field" + service.Property + " ??= new " + type + "(Client);");
            writer.Line();
            writer.Line("private " + type + "? field" + service.Property + ";");
        }

        writer.Close();
        writer.Line();
        writer.Line("/// <summary>Registers <see cref=\"" + clientName + "\"/> over the <see cref=\"global::FeishuGen.FeishuClient\"/> that <c>services.AddFeishu(…)</c> registers.</summary>");
        writer.Line(CSharp.GeneratedCode);
        writer.Open("public static class " + clientName + "ServiceCollectionExtensions");
        writer.Line("/// <summary>Adds <see cref=\"" + clientName + "\"/> as a singleton; call <c>services.AddFeishu(…)</c> too.</summary>");
        writer.Line("/// <param name=\"services\">The services.</param>");
        writer.Line("/// <returns>The services.</returns>");
        writer.Open("public static global::Microsoft.Extensions.DependencyInjection.IServiceCollection Add" + clientName + "(this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services)");
        writer.Line("global::Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(services, static sp => new " + clientName + "((global::FeishuGen.FeishuClient)sp.GetService(typeof(global::FeishuGen.FeishuClient))!));");
        writer.Line("return services;");
        writer.Close();
        writer.Close();
        writer.Close();
        return writer.ToString();
    }

    /// <summary>A service or version group: one lazily created property per child.</summary>
    public static string EmitGroup(GroupUnit unit)
    {
        var className = unit.Class.Name;
        var writer = new SourceWriter().Header();
        writer.Open("namespace " + unit.Class.Namespace);
        writer.Line("/// <summary>" + CSharp.Xml(unit.Summary) + "</summary>");
        writer.Line(CSharp.GeneratedCode);
        writer.Open("public sealed partial class " + className);
        writer.Line("private readonly global::FeishuGen.FeishuClient _client;");
        writer.Line();
        writer.Line("/// <summary>Creates the group over a configured client.</summary>");
        writer.Line("/// <param name=\"client\">The client that sends the calls.</param>");
        writer.Line("public " + className + "(global::FeishuGen.FeishuClient client) => _client = client;");
        foreach (var (property, type, what) in unit.Children.Select(c => (c.Property, c.Type.Global, c.What)))
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
