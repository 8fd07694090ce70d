using System.Collections.Generic;
using System.Linq;
using FeishuGen.Generator.Model;
using FeishuGen.Generator.Naming;
using FeishuGen.Generator.Reading;
using FeishuGen.Generator.Shaping;

namespace FeishuGen.Generator.Planning;

/// <summary>
/// The plan of the API's files: one unit per record, per endpoint's errors, per resource (its
/// class and its part of the catalogue), per service and version group, and the shared files
/// (client root, catalogue list, JSON resolver). Every decision a file needs is made here or
/// before, so that each unit is printed on its own.
/// </summary>
internal static class ApiPlan
{
    public const string CatalogueClass = "FeishuEndpointCatalogue";
    public const string ResolverClass = "FeishuJsonResolver";

    public static List<FileUnit> Plan(ApiSpec api)
    {
        var options = api.Options;
        var root = options.RootNamespace;
        var units = new List<FileUnit>();
        var endpoints = api.Endpoints.ToList();
        if (endpoints.Count == 0)
        {
            return units;
        }

        foreach (var type in api.Types)
        {
            units.Add(new RecordUnit(HintNames.For(root, type.Namespace, type.Name), type));
        }

        foreach (var endpoint in endpoints)
        {
            var cref = endpoint.ResourceClass + "." + endpoint.MethodName + "(" + endpoint.RequestType.Name + ", global::System.Threading.CancellationToken)";
            units.Add(new ErrorsUnit(HintNames.For(root, endpoint.ErrorsClass.Namespace, endpoint.ErrorsClass.Name), Pages(new[] { endpoint }),
                endpoint.ErrorsClass, endpoint.Model.Title, cref, endpoint.Errors));
        }

        var types = api.Types.GroupBy(t => t.Id).ToDictionary(g => g.Key, g => g.First());
        foreach (var resource in endpoints.GroupBy(e => e.Names.Resource))
        {
            var members = resource.ToList();
            var taken = new HashSet<string>(members.Select(e => e.MethodName));
            var methods = members.OrderBy(e => e.MethodName, System.StringComparer.Ordinal).Select(e => Method(e, types, taken)).ToEquatableArray();
            var resourceClass = resource.Key;
            units.Add(new ResourceUnit(HintNames.For(root, resourceClass.Namespace, resourceClass.Name), Pages(members), resourceClass, members[0].Model.Naming, root + "." + CatalogueClass, methods));
            var paging = methods.ToDictionary(m => m.MethodName, m => m.Paged?.Wire, System.StringComparer.Ordinal);
            units.Add(new CatalogueEntriesUnit(HintNames.For(root, resourceClass.Namespace, resourceClass.Name + "Endpoints"), Pages(members), root, CatalogueClass,
                members.Select(e => Entry(e, options, paging[e.MethodName])).ToEquatableArray()));
        }

        foreach (var service in endpoints.GroupBy(e => e.ServiceProperty))
        {
            var naming = service.First().Model.Naming;
            var serviceClass = service.First().Names.ServiceGroup;
            var versions = service.GroupBy(e => e.VersionProperty).OrderBy(g => g.Key, System.StringComparer.Ordinal)
                .Select(g => new TreeChild(g.Key, g.First().Names.VersionGroup, "version " + g.First().Model.Naming.Version));
            units.Add(new GroupUnit(HintNames.For(root, serviceClass.Namespace, serviceClass.Name), serviceClass, "The " + naming.Service + " service.", versions.ToEquatableArray()));
            foreach (var version in service.GroupBy(e => e.VersionProperty))
            {
                var first = version.First();
                var versionClass = first.Names.VersionGroup;
                var resources = version.GroupBy(e => e.ResourceProperty).OrderBy(g => g.Key, System.StringComparer.Ordinal)
                    .Select(g => new TreeChild(g.Key, g.First().Names.Resource, "resource " + g.First().Model.Naming.Resource));
                units.Add(new GroupUnit(HintNames.For(root, versionClass.Namespace, versionClass.Name), versionClass,
                    "Version " + first.Model.Naming.Version + " of the " + first.Model.Naming.Service + " service.", resources.ToEquatableArray()));
            }
        }

        var services = endpoints.GroupBy(e => e.ServiceProperty).OrderBy(g => g.Key, System.StringComparer.Ordinal)
            .Select(g => new TreeChild(g.Key, g.First().Names.ServiceGroup, g.First().Model.Naming.Service));
        units.Add(new RootUnit(options.ClientName + ".g.cs", root, options.ClientName, services.ToEquatableArray()));
        units.Add(new CatalogueListUnit(CatalogueClass + ".g.cs", root, CatalogueClass, endpoints.Select(e => e.Names.EntryName).ToEquatableArray()));
        units.Add(new ResolverUnit(ResolverClass + ".g.cs", root, ResolverClass, api.Types.Select(t => t.Id).ToEquatableArray()));
        return HintNames.Unique(units, u => u.HintName, (u, hint) => u with { HintName = hint });
    }

    private static EquatableArray<string> Pages(IEnumerable<EndpointSpec> endpoints) => endpoints.Select(e => e.Model.SpecPath).Distinct().ToEquatableArray();

    private static MethodSpec Method(EndpointSpec endpoint, Dictionary<TypeName, TypeSpec> types, HashSet<string> taken)
    {
        var request = types[endpoint.RequestType];
        var response = types.TryGetValue(endpoint.ResponseType, out var reply) && reply.Role == TypeRole.Response ? reply : null;
        var model = endpoint.Model;
        var doc = new MethodDoc(model.Title, model.Description, model.HttpMethod, model.PathTemplate, model.TokenTypes, model.Scopes, endpoint.Errors, endpoint.ErrorsClass.Name, endpoint.IsDownload);
        var body = endpoint.IsUpload ? BodyKind.Form : endpoint.HasRequestBody ? BodyKind.Json : BodyKind.None;
        var form = endpoint.IsUpload
            ? request.Properties.Where(p => p.Location == ParameterLocation.Form).Select(p => new FormPart(p.WireName, p.ClrName, p.Type.Kind == TypeKind.Form)).ToEquatableArray()
            : EquatableArray<FormPart>.Empty;
        return new MethodSpec(
            endpoint.MethodName, endpoint.RequestType, endpoint.ResponseType, endpoint.ReturnType, endpoint.Names.EntryName, doc,
            PathSegments(model.PathTemplate, request), request.Properties.Where(p => p.Location == ParameterLocation.Query).Select(p => new WireMember(p.WireName, p.ClrName)).ToEquatableArray(),
            body, form, endpoint.IsDownload, Paging.Find(endpoint, request, response, taken));
    }

    // "/open-apis/admin/v1/badges/:badge_id": the literal "/open-apis/admin/v1/badges/" and the property BadgeId.
    private static EquatableArray<PathSegment> PathSegments(string pathTemplate, TypeSpec request)
    {
        var parts = new List<PathSegment>();
        var literal = new System.Text.StringBuilder();
        foreach (var segment in pathTemplate.Split('/'))
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

            parts.Add(new PathSegment(literal.ToString(), false));
            literal.Clear();
            parts.Add(new PathSegment(property.ClrName, true));
        }

        if (literal.Length > 0 || parts.Count == 0)
        {
            parts.Add(new PathSegment(literal.Length > 0 ? literal.ToString() : "/", false));
        }

        return parts.ToEquatableArray();
    }

    private static CatalogueEntry Entry(EndpointSpec endpoint, GeneratorOptions options, PagingWire? paging)
    {
        var model = endpoint.Model;
        return new CatalogueEntry(
            endpoint.Names.EntryName, model.Title, model.Naming, model.HttpMethod, model.PathTemplate,
            model.Host == HostNames.OpenPlatform ? null : model.Host,
            endpoint.RequestType, endpoint.ReturnType, endpoint.IsUpload, endpoint.IsDownload, model.TokenTypes, model.Scopes,
            model.BodyFields.Where(f => f.Required).Select(f => f.Name).ToEquatableArray(),
            model.QueryParameters.Where(f => f.Required).Select(f => f.Name).ToEquatableArray(),
            endpoint.ErrorsClass, options.IncludeExamples,
            options.IncludeExamples ? model.RequestExample : null, options.IncludeExamples ? model.ResponseExample : null,
            SpecPaths.Relative(model.SpecPath, options.ProjectDirectory), endpoint.ReplyAtTopLevel, paging);
    }
}
