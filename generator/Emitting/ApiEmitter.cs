using System.Collections.Generic;
using System.Linq;
using FeishuGen.Generator.Model;
using FeishuGen.Generator.Shaping;

namespace FeishuGen.Generator.Emitting;

/// <summary>A generated file: its hint name and its text.</summary>
internal sealed record GeneratedFile(string HintName, string Source);

/// <summary>Runs every emitter over an <see cref="ApiSpec"/>: records, resources, errors, client tree, catalogue and JSON resolver.</summary>
internal static class ApiEmitter
{
    /// <summary>
    /// Runs <paramref name="emit"/> (<see cref="Emit"/>; tests pass a failing one) so that no
    /// exception escapes the generator and no page costs the others: when emitting fails, each page
    /// is emitted alone to find those that fail on their own; they get FSG0013 at their file and
    /// the rest are emitted without them. Only a failure that no single page explains leaves the
    /// project without code (FSG0013 without a file).
    /// </summary>
    internal static List<GeneratedFile> EmitIsolated(ApiSpec api, System.Func<ApiSpec, List<GeneratedFile>> emit, out List<Diagnostics.DiagnosticInfo> failures)
    {
        failures = new List<Diagnostics.DiagnosticInfo>();
        try
        {
            return emit(api);
        }
        catch (System.Exception e) when (e is not System.OperationCanceledException)
        {
            var good = new List<EndpointModel>();
            foreach (var endpoint in api.Endpoints)
            {
                try
                {
                    emit(ApiShaper.Shape(new[] { endpoint.Model }, api.Options));
                    good.Add(endpoint.Model);
                }
                catch (System.Exception pageError) when (pageError is not System.OperationCanceledException)
                {
                    failures.Add(ApiShaper.PageFailure(endpoint.Model.SpecPath, pageError));
                }
            }

            try
            {
                if (failures.Count == 0)
                {
                    throw e;
                }

                return good.Count == 0 ? new List<GeneratedFile>() : emit(ApiShaper.Shape(good, api.Options));
            }
            catch (System.Exception rest) when (rest is not System.OperationCanceledException)
            {
                failures.Add(ApiShaper.ProjectFailure(rest));
                return new List<GeneratedFile>();
            }
        }
    }

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
        var responses = new Dictionary<EndpointSpec, TypeSpec>();
        var byName = types.GroupBy(t => t.FullName).ToDictionary(g => g.Key, g => g.First());
        foreach (var endpoint in endpoints)
        {
            requests[endpoint] = byName[endpoint.Namespace + "." + endpoint.RequestType];
            if (byName.TryGetValue(endpoint.Namespace + "." + endpoint.ResponseType, out var response) && response.Role == TypeRole.Response)
            {
                responses[endpoint] = response;
            }

            files.Add(new GeneratedFile(Hint(options, endpoint.Namespace, endpoint.ErrorsClass), ErrorsEmitter.Emit(endpoint)));
        }

        var catalogue = options.RootNamespace + "." + CatalogueEmitter.ClassName;
        foreach (var resource in endpoints.GroupBy(e => (e.Namespace, e.ResourceClass)))
        {
            var source = ResourceEmitter.Emit(resource.Key.Namespace, resource.Key.ResourceClass, resource.ToList(), catalogue, requests, responses);
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
        return UniqueHintNames(files);
    }

    // Hint names are compared without case (WebApp and Webapp are two C# types but one file name)
    // and must be plain file names: such collisions get a number.
    internal static List<GeneratedFile> UniqueHintNames(List<GeneratedFile> files)
    {
        var taken = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
        var result = new List<GeneratedFile>(files.Count);
        foreach (var file in files)
        {
            var stem = Sanitize(file.HintName.Substring(0, file.HintName.Length - ".g.cs".Length));
            var hint = stem + ".g.cs";
            for (var i = 2; !taken.Add(hint); i++)
            {
                hint = stem + "_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".g.cs";
            }

            result.Add(file with { HintName = hint });
        }

        return result;
    }

    private static string Sanitize(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(c < 128 && (char.IsLetterOrDigit(c) || c == '.' || c == '_' || c == '-') ? c : '_');
        }

        return builder.ToString();
    }

    // Hint names follow the namespace below the root: Hire/V1/UpdateResultEcoBackgroundCheckRequest.g.cs.
    private static string Hint(GeneratorOptions options, string ns, string name)
    {
        var relative = ns.Length > options.RootNamespace.Length ? ns.Substring(options.RootNamespace.Length + 1) + "." : string.Empty;
        return relative + name + ".g.cs";
    }
}
