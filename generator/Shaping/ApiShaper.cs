using System.Collections.Generic;
using System.Linq;
using FeishuGen.Generator.Diagnostics;
using FeishuGen.Generator.Json;
using FeishuGen.Generator.Model;
using FeishuGen.Generator.Naming;

namespace FeishuGen.Generator.Shaping;

/// <summary>
/// Turns each page's endpoint into C# types, on its own: the request record and the response
/// record, and the nested records the page needs, registered in order and named when every page's
/// shape is merged (<see cref="Merge"/>). Each page reads its names from the names step
/// (<see cref="NameClaims"/>), so an edit to one page shapes that page again and no other.
/// </summary>
internal static class ApiShaper
{
    /// <summary>One page's shape, or null when the page describes an endpoint another page keeps; a failure is FSG0013 for the page.</summary>
    public static PageShape? ShapePage(EndpointModel model, ApiNames names, GeneratorOptions options)
    {
        if (names.For(model.SpecPath) is not { } named)
        {
            return null;
        }

        return Isolation.Page(model.SpecPath, () => Shape(model, named, options), failure => PageShape.Failed(named.Order, model.SpecPath, failure));
    }

    private static PageShape Shape(EndpointModel page, NamedEndpoint named, GeneratorOptions options)
    {
        var names = named.Names;
        var model = page with { Naming = names.Naming };
        var endpoint = new EndpointSpec(model, names, model.RequestKind == PayloadKind.Json, MemberNames.ErrorConstants(model.Errors, names.ErrorsClass.Name), ReplyAtTopLevel(model));
        var types = new PendingTypes();
        var requests = new TypeResolver(types, endpoint.Namespace, endpoint.ResourceProperty, requiredFromPage: true);
        var request = Finish(endpoint.IsUpload ? UploadRequestType(endpoint, requests) : RequestType(endpoint, requests));
        var response = endpoint.IsDownload ? null : Finish(ResponseType(endpoint, new TypeResolver(types, endpoint.Namespace, endpoint.ResourceProperty)));
        return new PageShape(named.Order, model.SpecPath, endpoint, request, response, types.Registrations, EquatableArray<DiagnosticInfo>.Empty);
    }

    /// <summary>
    /// Every page's shape merged, in the order of the names step: the requests and responses of the
    /// pages, then the nested records with their names, shared within a service version.
    /// </summary>
    public static ApiSpec Merge(IEnumerable<PageShape> shapes, GeneratorOptions options)
    {
        var ordered = shapes.OrderBy(s => s.Order).ToList();
        var registry = new TypeRegistry();
        foreach (var endpoint in ordered.Select(s => s.Endpoint).OfType<EndpointSpec>())
        {
            registry.Reserve(endpoint.RequestType);
            registry.Reserve(endpoint.ResponseType);
            registry.Reserve(endpoint.Names.Resource);
            registry.Reserve(endpoint.ErrorsClass);
        }

        var types = new List<TypeSpec>();
        foreach (var shape in ordered.Where(s => s.Endpoint is not null))
        {
            var slots = registry.Merge(shape.Registrations);
            types.Add(Resolved(shape.Request!, slots));
            if (shape.Response is { } response)
            {
                types.Add(Resolved(response, slots));
            }
        }

        types.AddRange(registry.Build(types).ToList().Select(Finish));
        return new ApiSpec(
            options,
            ordered.Select(s => s.Endpoint).OfType<EndpointSpec>().ToEquatableArray(),
            types.ToEquatableArray(),
            ordered.SelectMany(s => s.Failures).ToEquatableArray());
    }

    /// <summary>
    /// A page's record with its pending records named; the same record when it has none, so that an
    /// unchanged page's records stay the same values through the merge.
    /// </summary>
    public static TypeSpec Resolved(TypeSpec type, TypeRef[] slots)
        => type.Properties.Any(p => p.Type.IsPending)
            ? type with { Properties = type.Properties.Select(p => p.Type.IsPending ? p with { Type = TypeRegistry.Resolve(p.Type, slots) } : p).ToEquatableArray() }
            : type;

    /// <summary>
    /// The decisions a record's final properties allow: the constants of documented values, the
    /// unknown-members property, the C# required members (a request's and a nested record's: a nested
    /// member is required only when every page that shares the record is a request that marks it). A page's own records are finished when the
    /// page is shaped (a pending record never has constants); the shared ones once they are merged.
    /// </summary>
    public static TypeSpec Finish(TypeSpec type)
        => type with
        {
            Properties = type.Properties.Select(p => p with { Constants = MemberNames.ValueConstants(p), IsRequiredMember = p.Required && type.Role != TypeRole.Response }).ToEquatableArray(),
            UnknownMembers = type.KeepsUnknownMembers ? MemberNames.UnknownMembers(type.Name, type.Properties) : null,
        };

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
            body.Add(Property(field, endpoint.RequestType.Name, taken, type, ParameterLocation.Body));
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
                        Identifiers.Unique(Identifiers.Property(member.Key, endpoint.RequestType.Name), taken), member.Key, inferred, false, ParameterLocation.Body,
                        "Sent in the page's request example; the parameter table does not list it.", null, null,
                        EquatableArray<AllowedValue>.Empty, EquatableArray<ValidationRule>.Empty));
                }
            }
        }

        var parameters = new List<PropertySpec>();
        foreach (var field in model.PathParameters)
        {
            parameters.Add(Property(field, endpoint.RequestType.Name, taken, TypeResolver.UrlParameter(field.Type), ParameterLocation.Path));
        }

        foreach (var field in model.QueryParameters)
        {
            parameters.Add(Property(field, endpoint.RequestType.Name, taken, TypeResolver.UrlParameter(field.Type), ParameterLocation.Query));
        }

        var summary = "The request of " + model.Title + ".";
        return new TypeSpec(endpoint.RequestType, TypeRole.Request, summary,
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
            properties.Add(Property(field, endpoint.RequestType.Name, taken, TypeResolver.UrlParameter(field.Type), ParameterLocation.Path));
        }

        foreach (var field in model.QueryParameters)
        {
            properties.Add(Property(field, endpoint.RequestType.Name, taken, TypeResolver.UrlParameter(field.Type), ParameterLocation.Query));
        }

        foreach (var field in model.BodyFields)
        {
            var type = resolver.DeclaredPart(field.Type, field.Name);
            var part = type.Kind is TypeKind.File or TypeKind.String or TypeKind.Int64 or TypeKind.Boolean ? type : TypeRef.String;
            properties.Add(Property(field, endpoint.RequestType.Name, taken, part, ParameterLocation.Form));
        }

        var documented = model.BodyFields.Count > 0;
        properties.Add(new PropertySpec(
            Identifiers.Unique("Form", taken), string.Empty, TypeRef.Form, !documented, ParameterLocation.Form,
            documented
                ? "More multipart/form-data parts to send after the documented ones."
                : "The multipart/form-data parts to upload: the page does not document them, Feishu's API reference names them (files with FeishuFile).",
            null, null, EquatableArray<AllowedValue>.Empty, EquatableArray<ValidationRule>.Empty));
        return new TypeSpec(endpoint.RequestType, TypeRole.Request, "The upload request of " + model.Title + ".",
            properties.ToEquatableArray(), KeepsUnknownMembers: false);
    }

    private static TypeSpec ResponseType(EndpointSpec endpoint, TypeResolver resolver)
    {
        // The 响应体 table, where the page has one, types data's members; the example adds what it lacks.
        var reply = Parse(endpoint.Model.ResponseExample);
        var data = reply?.Get("data");
        var table = endpoint.Model.ResponseFields.FirstOrDefault(f => f.Name == "data")?.Shape;
        if (endpoint.ReplyAtTopLevel)
        {
            // A few replies (bot info, the older APIs) put their members beside code and msg.
            table = new TypeDefinition("reply", endpoint.Model.ResponseFields
                .Where(f => !IsEnvelopeMember(f.Name))
                .Select(f => new TypeProperty(f.Name, f.Type, f.Shape, f.Description, f.AllowedValues))
                .ToEquatableArray());
            data = reply;
        }

        var properties = table is not null
            ? resolver.ShapedProperties(table, data is { Kind: JsonKind.Object } ? data : null, endpoint.ResponseType.Name)
            : data is { Kind: JsonKind.Object }
                ? resolver.InferredProperties(data, endpoint.ResponseType.Name)
                : new List<PropertySpec>();
        var summary = "The data of a successful reply to " + endpoint.Model.Title + ".";
        return new TypeSpec(endpoint.ResponseType, TypeRole.Response, summary,
            properties.ToEquatableArray(), KeepsUnknownMembers: true);
    }

    /// <summary>
    /// Whether the reply's members sit beside <c>code</c> and <c>msg</c> instead of under <c>data</c>:
    /// the 响应体 table has no <c>data</c> but other top-level members (e.g. <c>bot</c> of 获取机器人信息),
    /// and the example agrees (no <c>data</c>, those members at the top): many tables list data's
    /// members at the top and leave the wrapper out.
    /// </summary>
    private static bool ReplyAtTopLevel(EndpointModel model)
    {
        if (model.ResponseKind == PayloadKind.Binary || model.ResponseFields.Any(f => f.Name == "data") || Parse(model.ResponseExample) is not { Kind: JsonKind.Object } example || example.Get("data") is not null)
        {
            return false;
        }

        return model.ResponseFields.Any(f => !IsEnvelopeMember(f.Name) && example.Get(f.Name) is not null);
    }

    private static bool IsEnvelopeMember(string name) => name is "code" or "msg" or "error" or "data";

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
