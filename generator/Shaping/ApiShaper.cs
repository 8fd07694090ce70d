using System.Collections.Generic;
using System.Linq;
using FeishuGen.Generator.Diagnostics;
using FeishuGen.Generator.Json;
using FeishuGen.Generator.Model;
using FeishuGen.Generator.Naming;

namespace FeishuGen.Generator.Shaping;

/// <summary>
/// Turns the page models of a compilation into C# names and types: one request and one response
/// record per endpoint, nested records shared per service version, and the client's groups
/// (service, version, resource) named like the official SDKs.
/// </summary>
internal static class ApiShaper
{
    /// <summary>
    /// Like <see cref="Shape"/>, but a failure never escapes the generator and never costs the
    /// other pages: the pages that fail on their own get FSG0013 and the rest are shaped without
    /// them; only a failure no single page explains leaves the project without code.
    /// </summary>
    public static ApiSpec ShapeSafely(IEnumerable<EndpointModel> models, GeneratorOptions options)
        => PageIsolation.Shape(
            models.ToList(),
            all => Shape(all, options),
            model => model.SpecPath,
            (spec, failures) => spec with { Diagnostics = spec.Diagnostics.Concat(failures).ToEquatableArray() },
            failure => new ApiSpec(options, EquatableArray<EndpointSpec>.Empty, EquatableArray<TypeSpec>.Empty, new[] { failure }.ToEquatableArray()));

    /// <summary>FSG0013 for one page, which is left out while the others are generated.</summary>
    public static DiagnosticInfo PageFailure(string specPath, System.Exception e)
        => new(DiagnosticDescriptors.GenerationFailure.Id, specPath, 0, 0, 0, new[] { "this page (its method is left out; the other pages are generated)", e.GetType().Name + ": " + e.Message }.ToEquatableArray());

    /// <summary>FSG0013 for the project, when no single page explains the failure.</summary>
    public static DiagnosticInfo ProjectFailure(System.Exception e)
        => new(DiagnosticDescriptors.GenerationFailure.Id, string.Empty, 0, 0, 0, new[] { "the pages of this project (no method is generated)", e.GetType().Name + ": " + e.Message }.ToEquatableArray());

    public static ApiSpec Shape(IEnumerable<EndpointModel> models, GeneratorOptions options)
    {
        // The order decides who keeps a name that two pages claim, so it depends on what the pages
        // say, never on file names: see NameClaims.
        var ordered = NameClaims.Order(models);
        var diagnostics = new List<DiagnosticInfo>();
        var registry = new TypeRegistry();
        var endpoints = new List<EndpointSpec>();
        var seen = new Dictionary<string, EndpointModel>();

        foreach (var model in ordered)
        {
            var spec = Name(model, options);
            var key = spec.Namespace + "." + spec.ResourceClass + "." + spec.MethodName;
            if (seen.TryGetValue(key, out var first))
            {
                if (first.HttpMethod == model.HttpMethod && first.PathTemplate == model.PathTemplate)
                {
                    // The same endpoint documented twice (an old and a new page): generated once.
                    diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.DuplicateEndpoint.Id, model.SpecPath, 0, 0, 0,
                        new[] { first.SpecPath, key }.ToEquatableArray()));
                    continue;
                }

                // Another endpoint claims the same name: the one whose URL agrees with it keeps it (it came
                // first), this one is renamed, and both pages say so.
                var claimed = NameClaims.Describe(model.Naming);
                for (var n = 2; seen.ContainsKey(key); n++)
                {
                    spec = Renumber(spec, n);
                    key = spec.Namespace + "." + spec.ResourceClass + "." + spec.MethodName;
                }

                diagnostics.AddRange(NameClaims.Conflict(first, model, claimed, spec.ResourceClass + "." + spec.MethodName));
            }

            seen.Add(key, model);
            endpoints.Add(spec);
            registry.Reserve(spec.Namespace + "." + spec.RequestType);
            registry.Reserve(spec.Namespace + "." + spec.ResponseType);
            registry.Reserve(spec.Namespace + "." + spec.ResourceClass);
            registry.Reserve(spec.Namespace + "." + spec.ErrorsClass);
        }

        var types = new List<TypeSpec>();
        foreach (var endpoint in endpoints)
        {
            var resolver = new TypeResolver(registry, endpoint.Namespace, endpoint.ResourceProperty);
            types.Add(endpoint.IsUpload ? UploadRequestType(endpoint, resolver) : RequestType(endpoint, resolver));
            if (!endpoint.IsDownload)
            {
                types.Add(ResponseType(endpoint, resolver));
            }
        }

        types.AddRange(registry.Build());
        return new ApiSpec(options, endpoints.ToEquatableArray(), types.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    private static EndpointSpec Name(EndpointModel model, GeneratorOptions options)
    {
        var naming = model.Naming;
        var service = Identifiers.Pascal(naming.Service);
        var version = Identifiers.Pascal(naming.Version);
        var resource = Identifiers.Pascal(naming.Resource);
        var method = Identifiers.Pascal(naming.Method);
        return new EndpointSpec(
            model,
            options.RootNamespace + "." + service + "." + version,
            service,
            version,
            resource,
            resource + "Api",
            method + "Async",
            method + resource + "Request",
            method + resource + "Response",
            method + resource + "Errors",
            model.RequestKind == PayloadKind.Json);
    }

    // Prefers the HTTP verb (get_data_validation beside create_data_validation), then a number.
    private static EndpointSpec Renumber(EndpointSpec spec, int n)
    {
        var naming = spec.Model.Naming;
        var verb = Words.Verb(spec.Model.HttpMethod, oneItem: true);
        var wire = n == 2 && !naming.Method.StartsWith(verb, System.StringComparison.Ordinal)
            ? verb + "_" + naming.Method
            : naming.Method + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var method = Identifiers.Pascal(wire);
        return spec with
        {
            Model = spec.Model with { Naming = naming with { Method = wire } },
            MethodName = method + "Async",
            RequestType = method + spec.ResourceProperty + "Request",
            ResponseType = method + spec.ResourceProperty + "Response",
            ErrorsClass = method + spec.ResourceProperty + "Errors",
        };
    }

    private static TypeSpec RequestType(EndpointSpec endpoint, TypeResolver resolver)
    {
        var model = endpoint.Model;
        var example = Parse(model.RequestExample);
        var taken = new HashSet<string>();
        var body = new List<PropertySpec>();
        foreach (var field in model.BodyFields)
        {
            var value = example?.Kind == JsonKind.Object ? example.Get(field.Name) : null;
            value ??= ParseCellExample(field);
            var type = resolver.Declared(field.Type, field.Shape, value, field.Name);
            body.Add(Property(field, endpoint.RequestType, taken, type, ParameterLocation.Body));
        }

        // Members the example sends but the table forgot still reach the wire, typed from the example.
        if (example?.Kind == JsonKind.Object)
        {
            foreach (var member in example.Members)
            {
                if (!model.BodyFields.Any(f => f.Name == member.Key))
                {
                    var inferred = resolver.Inferred(member.Value, member.Key);
                    body.Add(new PropertySpec(
                        Identifiers.Unique(Identifiers.Property(member.Key, endpoint.RequestType), taken), member.Key, inferred, false, ParameterLocation.Body,
                        "Sent in the page's request example; the parameter table does not list it.", null, null,
                        EquatableArray<AllowedValue>.Empty, EquatableArray<ValidationRule>.Empty));
                }
            }
        }

        var parameters = new List<PropertySpec>();
        foreach (var field in model.PathParameters)
        {
            parameters.Add(Property(field, endpoint.RequestType, taken, TypeResolver.UrlParameter(field.Type), ParameterLocation.Path));
        }

        foreach (var field in model.QueryParameters)
        {
            parameters.Add(Property(field, endpoint.RequestType, taken, TypeResolver.UrlParameter(field.Type), ParameterLocation.Query));
        }

        var summary = "The request of " + model.Title + ".";
        return new TypeSpec(endpoint.Namespace, endpoint.RequestType, TypeRole.Request, summary,
            parameters.Concat(body).ToEquatableArray(), KeepsUnknownMembers: false);
    }

    // Uploads: documented members become form parts (files stay files, structured values travel
    // as JSON text); Form carries the parts the page does not document, and is required when it
    // documents none.
    private static TypeSpec UploadRequestType(EndpointSpec endpoint, TypeResolver resolver)
    {
        var model = endpoint.Model;
        var taken = new HashSet<string>();
        var properties = new List<PropertySpec>();
        foreach (var field in model.PathParameters)
        {
            properties.Add(Property(field, endpoint.RequestType, taken, TypeResolver.UrlParameter(field.Type), ParameterLocation.Path));
        }

        foreach (var field in model.QueryParameters)
        {
            properties.Add(Property(field, endpoint.RequestType, taken, TypeResolver.UrlParameter(field.Type), ParameterLocation.Query));
        }

        foreach (var field in model.BodyFields)
        {
            var type = resolver.DeclaredPart(field.Type, field.Name);
            var part = type.Kind is TypeKind.File or TypeKind.String or TypeKind.Int64 or TypeKind.Boolean ? type : TypeRef.String;
            properties.Add(Property(field, endpoint.RequestType, taken, part, ParameterLocation.Form));
        }

        var documented = model.BodyFields.Count > 0;
        properties.Add(new PropertySpec(
            Identifiers.Unique("Form", taken), string.Empty, TypeRef.Form, !documented, ParameterLocation.Form,
            documented
                ? "More multipart/form-data parts to send after the documented ones."
                : "The multipart/form-data parts to upload: the page does not document them, Feishu's API reference names them (files with FeishuFile).",
            null, null, EquatableArray<AllowedValue>.Empty, EquatableArray<ValidationRule>.Empty));
        return new TypeSpec(endpoint.Namespace, endpoint.RequestType, TypeRole.Request, "The upload request of " + model.Title + ".",
            properties.ToEquatableArray(), KeepsUnknownMembers: false);
    }

    private static TypeSpec ResponseType(EndpointSpec endpoint, TypeResolver resolver)
    {
        // The 响应体 table, where the page has one, types data's members; the example adds what it lacks.
        var data = Parse(endpoint.Model.ResponseExample)?.Get("data");
        var table = endpoint.Model.ResponseFields.FirstOrDefault(f => f.Name == "data")?.Shape;
        var properties = table is not null
            ? resolver.ShapedProperties(table, data is { Kind: JsonKind.Object } ? data : null, endpoint.ResponseType)
            : data is { Kind: JsonKind.Object }
                ? resolver.InferredProperties(data, endpoint.ResponseType)
                : new List<PropertySpec>();
        var summary = "The data of a successful reply to " + endpoint.Model.Title + ".";
        return new TypeSpec(endpoint.Namespace, endpoint.ResponseType, TypeRole.Response, summary,
            properties.ToEquatableArray(), KeepsUnknownMembers: true);
    }

    private static PropertySpec Property(FieldModel field, string owner, HashSet<string> taken, TypeRef type, ParameterLocation location)
    {
        var name = Identifiers.Property(field.Name, owner);
        if (taken.Contains(name))
        {
            name += location.ToString();
        }

        return new PropertySpec(
            Identifiers.Unique(name, taken), field.Name, type, field.Required, location, field.Description,
            field.Example, field.Default, field.AllowedValues, field.Rules);
    }


    private static JsonValue? ParseCellExample(FieldModel field)
    {
        var text = field.Example?.Trim();
        return text is { Length: > 0 } && (text[0] == '[' || text[0] == '{') ? LenientJsonParser.TryParse(text, out _) : null;
    }

    private static JsonValue? Parse(string? json) => json is null ? null : LenientJsonParser.TryParse(json, out _);
}
