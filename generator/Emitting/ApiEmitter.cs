using System.Collections.Generic;
using System.Linq;
using FeishuGen.Generator.Model;
using FeishuGen.Generator.Shaping;

namespace FeishuGen.Generator.Emitting;

/// <summary>A generated file: its hint name and its text.</summary>
internal sealed record GeneratedFile(string HintName, string Source);

/// <summary>One unit after printing: its file, or the FSG0013 diagnostics that say why there is none.</summary>
internal sealed record PrintedFile(GeneratedFile? File, EquatableArray<Diagnostics.DiagnosticInfo> Failures);

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
        => Isolated(api, emit, out failures);

    /// <summary>
    /// The generator's first emit stage: the plan's units, isolated like <see cref="EmitIsolated"/>
    /// (a page whose units cannot be planned is left out with FSG0013). Each unit is then printed on
    /// its own (<see cref="PrintSafely"/>), so an edit prints only the units whose content changed.
    /// </summary>
    internal static List<FileUnit> PlanIsolated(ApiSpec api, out List<Diagnostics.DiagnosticInfo> failures)
        => Isolated(api, Plan, out failures);

    /// <summary>
    /// Prints one unit; an emitter fault becomes FSG0013 at the unit's pages (or the project, for
    /// a shared file) instead of an exception out of the generator, and the file is left out.
    /// </summary>
    internal static PrintedFile PrintSafely(FileUnit unit)
    {
        try
        {
            return new PrintedFile(new GeneratedFile(unit.HintName, Print(unit)), EquatableArray<Diagnostics.DiagnosticInfo>.Empty);
        }
        catch (System.Exception e) when (e is not System.OperationCanceledException)
        {
            var pages = PagesOf(unit).ToList();
            var failures = pages.Count == 0 ? new[] { ApiShaper.ProjectFailure(e) } : pages.Select(page => ApiShaper.PageFailure(page, e)).ToArray();
            return new PrintedFile(null, failures.ToEquatableArray());
        }
    }

    private static List<T> Isolated<T>(ApiSpec api, System.Func<ApiSpec, List<T>> emit, out List<Diagnostics.DiagnosticInfo> failures)
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

                return good.Count == 0 ? new List<T>() : emit(ApiShaper.Shape(good, api.Options));
            }
            catch (System.Exception rest) when (rest is not System.OperationCanceledException)
            {
                failures.Add(ApiShaper.ProjectFailure(rest));
                return new List<T>();
            }
        }
    }

    /// <summary>Every file of the API, printed: the plan's units one after the other (tools and tests; the generator prints unit by unit).</summary>
    public static List<GeneratedFile> Emit(ApiSpec api)
        => Plan(api).Select(unit => new GeneratedFile(unit.HintName, Print(unit))).ToList();

    /// <summary>
    /// The files of the API as units, each holding only what it prints (see <see cref="FileUnit"/>).
    /// Decides every hint name here, so that each unit can be printed on its own.
    /// </summary>
    public static List<FileUnit> Plan(ApiSpec api)
    {
        var options = api.Options;
        var units = new List<FileUnit>();
        var endpoints = api.Endpoints.ToList();
        if (endpoints.Count == 0)
        {
            return units;
        }

        var none = EquatableArray<EndpointSpec>.Empty;
        var noTypes = EquatableArray<TypeSpec>.Empty;
        var noNames = EquatableArray<string>.Empty;
        var noChildren = EquatableArray<TreeChild>.Empty;
        foreach (var type in api.Types)
        {
            units.Add(new FileUnit(Hint(options, type.Namespace, type.Name), FileKind.Record, options, none, new[] { type }.ToEquatableArray(), noNames, noChildren));
        }

        var byName = api.Types.GroupBy(t => t.FullName).ToDictionary(g => g.Key, g => g.First());
        foreach (var endpoint in endpoints)
        {
            units.Add(new FileUnit(Hint(options, endpoint.Namespace, endpoint.ErrorsClass), FileKind.Errors, options, new[] { endpoint }.ToEquatableArray(), noTypes, noNames, noChildren));
        }

        foreach (var resource in endpoints.GroupBy(e => (e.Namespace, e.ResourceClass)))
        {
            var members = resource.ToEquatableArray();
            var records = resource.SelectMany(e => new[] { e.RequestType, e.ResponseType }.Select(n => byName.TryGetValue(e.Namespace + "." + n, out var t) ? t : null))
                .Where(t => t is not null && t.Role is TypeRole.Request or TypeRole.Response).Select(t => t!).ToEquatableArray();
            units.Add(new FileUnit(Hint(options, resource.Key.Namespace, resource.Key.ResourceClass), FileKind.Resource, options, members, records, noNames, noChildren, resource.Key.Namespace, resource.Key.ResourceClass));
            // The entries carry the records too: whether an endpoint pages is read from them, as for the resource's pager methods.
            units.Add(new FileUnit(Hint(options, resource.Key.Namespace, resource.Key.ResourceClass + "Endpoints"), FileKind.CatalogueEntries, options, members, records, noNames, noChildren));
        }

        foreach (var service in endpoints.GroupBy(e => e.ServiceProperty))
        {
            var ns = options.RootNamespace + "." + service.Key;
            units.Add(new FileUnit(Hint(options, ns, service.Key + "Service"), FileKind.Group, options, none, noTypes, noNames,
                ClientTreeEmitter.ServiceChildren(service).ToEquatableArray(), ns, service.Key + "Service", "The " + service.First().Model.Naming.Service + " service."));
            foreach (var version in service.GroupBy(e => e.VersionProperty))
            {
                var first = version.First();
                units.Add(new FileUnit(Hint(options, first.Namespace, first.ServiceProperty + first.VersionProperty + "Service"), FileKind.Group, options, none, noTypes, noNames,
                    ClientTreeEmitter.VersionChildren(version).ToEquatableArray(), first.Namespace, first.ServiceProperty + first.VersionProperty + "Service",
                    "Version " + first.Model.Naming.Version + " of the " + first.Model.Naming.Service + " service."));
            }
        }

        units.Add(new FileUnit(options.ClientName + ".g.cs", FileKind.Root, options, none, noTypes, noNames, ClientTreeEmitter.RootChildren(options, endpoints).ToEquatableArray()));
        units.Add(new FileUnit(CatalogueEmitter.ClassName + ".g.cs", FileKind.CatalogueList, options, none, noTypes, endpoints.Select(CatalogueEmitter.EntryName).ToEquatableArray(), noChildren));
        units.Add(new FileUnit(JsonResolverEmitter.ClassName + ".g.cs", FileKind.Resolver, options, none, noTypes, api.Types.Select(t => t.Namespace + "\u0001" + t.Name).ToEquatableArray(), noChildren));
        return UniqueHintNames(units);
    }

    /// <summary>Prints one unit: the emitters only print what the unit holds.</summary>
    public static string Print(FileUnit unit)
    {
        var options = unit.Options;
        switch (unit.Kind)
        {
            case FileKind.Record:
                return RecordEmitter.Emit(unit.Types[0]);
            case FileKind.Errors:
                return ErrorsEmitter.Emit(unit.Endpoints[0]);
            case FileKind.Resource:
                return ResourceEmitter.Emit(unit.Namespace, unit.ClassName, unit.Endpoints.ToList(), options.RootNamespace + "." + CatalogueEmitter.ClassName, Requests(unit), Responses(unit));
            case FileKind.CatalogueEntries:
                return CatalogueEmitter.EmitEntries(options, unit.Endpoints.ToList(), Requests(unit), Responses(unit));
            case FileKind.CatalogueList:
                return CatalogueEmitter.EmitList(options, unit.Names);
            case FileKind.Group:
                return ClientTreeEmitter.EmitGroup(unit.Namespace, unit.ClassName, unit.Summary, unit.Children);
            case FileKind.Root:
                return ClientTreeEmitter.EmitRoot(options, unit.Children);
            default:
                return JsonResolverEmitter.Emit(options, unit.Names.Select(n => (n.Substring(0, n.IndexOf('\u0001')), n.Substring(n.IndexOf('\u0001') + 1))));
        }
    }

    // A unit's request records and (JSON) response records, by endpoint.
    private static Dictionary<EndpointSpec, TypeSpec> Requests(FileUnit unit)
    {
        var types = unit.Types.ToDictionary(t => t.FullName);
        return unit.Endpoints.ToDictionary(e => e, e => types[e.Namespace + "." + e.RequestType]);
    }

    private static Dictionary<EndpointSpec, TypeSpec> Responses(FileUnit unit)
    {
        var types = unit.Types.ToDictionary(t => t.FullName);
        return unit.Endpoints.Where(e => types.TryGetValue(e.Namespace + "." + e.ResponseType, out var t) && t.Role == TypeRole.Response)
            .ToDictionary(e => e, e => types[e.Namespace + "." + e.ResponseType]);
    }

    /// <summary>The pages a unit's file comes from, for FSG0013 when printing it fails.</summary>
    public static IEnumerable<string> PagesOf(FileUnit unit)
        => unit.Endpoints.Select(e => e.Model.SpecPath).Distinct();

    // Hint names are compared without case (WebApp and Webapp are two C# types but one file name)
    // and must be plain file names: such collisions get a number.
    internal static List<GeneratedFile> UniqueHintNames(List<GeneratedFile> files)
        => UniqueHintNames(files, f => f.HintName, (f, hint) => f with { HintName = hint });

    private static List<FileUnit> UniqueHintNames(List<FileUnit> units)
        => UniqueHintNames(units, u => u.HintName, (u, hint) => u with { HintName = hint });

    private static List<T> UniqueHintNames<T>(List<T> files, System.Func<T, string> hintOf, System.Func<T, string, T> withHint)
    {
        var taken = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
        var result = new List<T>(files.Count);
        foreach (var file in files)
        {
            var hintName = hintOf(file);
            var stem = Sanitize(hintName.Substring(0, hintName.Length - ".g.cs".Length));
            var hint = stem + ".g.cs";
            for (var i = 2; !taken.Add(hint); i++)
            {
                hint = stem + "_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".g.cs";
            }

            result.Add(withHint(file, hint));
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
