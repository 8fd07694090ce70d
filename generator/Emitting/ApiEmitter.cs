using System.Collections.Generic;
using System.Linq;
using FeishuGen.Generator.Shaping;

namespace FeishuGen.Generator.Emitting;

/// <summary>A generated file: its hint name and its text.</summary>
internal sealed record GeneratedFile(string HintName, string Source);

/// <summary>Runs every emitter over an <see cref="ApiSpec"/>: records, resources, errors, client tree, catalogue and JSON resolver.</summary>
internal static class ApiEmitter
{
    public static List<GeneratedFile> Emit(ApiSpec api)
    {
        var options = api.Options;
        var files = new List<GeneratedFile>();
        var endpoints = api.Endpoints.ToList();
        var types = api.Types.ToList();
        if (endpoints.Count == 0)
        {
            return files;
        }

        foreach (var type in types)
        {
            files.Add(new GeneratedFile(Hint(options, type.Namespace, type.Name), RecordEmitter.Emit(type)));
        }

        var requests = new Dictionary<EndpointSpec, TypeSpec>();
        foreach (var endpoint in endpoints)
        {
            requests[endpoint] = types.First(t => t.Role == TypeRole.Request && t.Namespace == endpoint.Namespace && t.Name == endpoint.RequestType);
            files.Add(new GeneratedFile(Hint(options, endpoint.Namespace, endpoint.ErrorsClass), ErrorsEmitter.Emit(endpoint)));
        }

        var catalogue = options.RootNamespace + "." + CatalogueEmitter.ClassName;
        foreach (var resource in endpoints.GroupBy(e => (e.Namespace, e.ResourceClass)))
        {
            var source = ResourceEmitter.Emit(resource.Key.Namespace, resource.Key.ResourceClass, resource.ToList(), catalogue, requests);
            files.Add(new GeneratedFile(Hint(options, resource.Key.Namespace, resource.Key.ResourceClass), source));
        }

        foreach (var service in endpoints.GroupBy(e => e.ServiceProperty))
        {
            files.Add(new GeneratedFile(Hint(options, options.RootNamespace + "." + service.Key, service.Key + "Service"), ClientTreeEmitter.EmitService(options, service)));
            foreach (var version in service.GroupBy(e => e.VersionProperty))
            {
                var first = version.First();
                files.Add(new GeneratedFile(Hint(options, first.Namespace, first.ServiceProperty + first.VersionProperty + "Service"), ClientTreeEmitter.EmitVersion(version)));
            }
        }

        files.Add(new GeneratedFile(options.ClientName + ".g.cs", ClientTreeEmitter.EmitRoot(options, endpoints)));
        files.Add(new GeneratedFile(CatalogueEmitter.ClassName + ".g.cs", CatalogueEmitter.Emit(options, endpoints, options.ProjectDirectory)));
        files.Add(new GeneratedFile(JsonResolverEmitter.ClassName + ".g.cs", JsonResolverEmitter.Emit(options, types)));
        return files;
    }

    // Hint names follow the namespace below the root: Hire/V1/UpdateResultEcoBackgroundCheckRequest.g.cs.
    private static string Hint(GeneratorOptions options, string ns, string name)
    {
        var relative = ns.Length > options.RootNamespace.Length ? ns.Substring(options.RootNamespace.Length + 1) + "." : string.Empty;
        return relative + name + ".g.cs";
    }
}
