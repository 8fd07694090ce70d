using FeishuGen.Generator.Model;
using FeishuGen.Generator.Shaping;

namespace FeishuGen.Generator.Naming;

/// <summary>
/// Every C# name of one endpoint, from its SDK names: <c>hire.v1.eco_background_check.update_result</c>
/// is <c>api.Hire.V1.EcoBackgroundCheck.UpdateResultAsync</c> in <c>{root}.Hire.V1</c>, with
/// <c>UpdateResultEcoBackgroundCheckRequest</c>/<c>Response</c>/<c>Errors</c>, the resource class
/// <c>EcoBackgroundCheckApi</c> and the catalogue entry <c>HireV1EcoBackgroundCheckUpdateResult</c>.
/// <see cref="Naming"/> is the SDK naming as generated (a renamed endpoint's method included).
/// </summary>
internal sealed record EndpointNames(
    SdkNaming Naming,
    string Namespace,
    string ServiceProperty,
    string VersionProperty,
    string ResourceProperty,
    string ResourceClass,
    string MethodName,
    TypeName RequestType,
    TypeName ResponseType,
    TypeName ErrorsClass)
{
    /// <summary>The endpoint's key among the names of the compilation: its resource class and method.</summary>
    public EndpointKey Key => new(Namespace, ResourceClass, MethodName);

    /// <summary>The service's group of the client tree: <c>{root}.Hire.HireService</c>.</summary>
    public TypeName ServiceGroup => new(Namespace.Substring(0, Namespace.Length - VersionProperty.Length - 1), ServiceProperty + "Service");

    /// <summary>The version's group of the client tree: <c>{root}.Hire.V1.HireV1Service</c>.</summary>
    public TypeName VersionGroup => new(Namespace, ServiceProperty + VersionProperty + "Service");

    /// <summary>The resource's class: <c>{root}.Hire.V1.EcoBackgroundCheckApi</c>.</summary>
    public TypeName Resource => new(Namespace, ResourceClass);

    /// <summary>The catalogue entry: service, version, resource and method without 'Async'.</summary>
    public string EntryName => ServiceProperty + VersionProperty + ResourceProperty + MethodName.Substring(0, MethodName.Length - "Async".Length);

    /// <summary>The names of the SDK call <paramref name="naming"/>.</summary>
    public static EndpointNames For(SdkNaming naming, string rootNamespace)
    {
        var service = Identifiers.Pascal(naming.Service);
        var version = Identifiers.Pascal(naming.Version);
        var resource = Identifiers.Pascal(naming.Resource);
        var method = Identifiers.Pascal(naming.Method);
        var ns = rootNamespace + "." + service + "." + version;
        return new EndpointNames(
            naming, ns, service, version, resource, resource + "Api", method + "Async",
            new TypeName(ns, method + resource + "Request"), new TypeName(ns, method + resource + "Response"), new TypeName(ns, method + resource + "Errors"));
    }

    /// <summary>
    /// The names of an endpoint whose method another endpoint keeps: the HTTP verb first
    /// (get_data_validation beside create_data_validation), then a number.
    /// </summary>
    public EndpointNames Renumbered(string httpMethod, int n)
    {
        var verb = Words.Verb(httpMethod, oneItem: true);
        var wire = n == 2 && !Naming.Method.StartsWith(verb, System.StringComparison.Ordinal)
            ? verb + "_" + Naming.Method
            : Naming.Method + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var method = Identifiers.Pascal(wire);
        return this with
        {
            Naming = Naming with { Method = wire },
            MethodName = method + "Async",
            RequestType = RequestType.Sibling(method + ResourceProperty + "Request"),
            ResponseType = ResponseType.Sibling(method + ResourceProperty + "Response"),
            ErrorsClass = ErrorsClass.Sibling(method + ResourceProperty + "Errors"),
        };
    }
}

/// <summary>An endpoint's identity among the names of a compilation: two endpoints with one key would be one C# method.</summary>
internal sealed record EndpointKey(string Namespace, string ResourceClass, string MethodName)
{
    public override string ToString() => Namespace + "." + ResourceClass + "." + MethodName;
}
