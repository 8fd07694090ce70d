using FeishuGen.Generator.Diagnostics;
using FeishuGen.Generator.Model;

namespace FeishuGen.Generator.Shaping;

/// <summary>Where a request property travels.</summary>
internal enum ParameterLocation
{
    Body,
    Path,
    Query,

    /// <summary>A part of a multipart/form-data upload.</summary>
    Form,
}

/// <summary>What a generated record is for.</summary>
internal enum TypeRole
{
    Request,
    Response,
    Nested,
}

/// <summary>A property of a generated record, with everything its XML doc says.</summary>
internal sealed record PropertySpec(
    string ClrName,
    string WireName,
    TypeRef Type,
    bool Required,
    ParameterLocation Location,
    string Description,
    string? Example,
    string? Default,
    EquatableArray<AllowedValue> AllowedValues,
    EquatableArray<ValidationRule> Rules);

/// <summary>A generated record: request, response data or a nested type shared within a service version.</summary>
internal sealed record TypeSpec(
    string Namespace,
    string Name,
    TypeRole Role,
    string Summary,
    EquatableArray<PropertySpec> Properties,
    bool KeepsUnknownMembers)
{
    public string FullName => Namespace + "." + Name;
}

/// <summary>One endpoint ready to emit: its page model and the C# names chosen for it.</summary>
internal sealed record EndpointSpec(
    EndpointModel Model,
    string Namespace,
    string ServiceProperty,
    string VersionProperty,
    string ResourceProperty,
    string ResourceClass,
    string MethodName,
    string RequestType,
    string ResponseType,
    string ErrorsClass,
    bool HasRequestBody)
{
    /// <summary>Whether the call uploads multipart/form-data.</summary>
    public bool IsUpload => Model.RequestKind == PayloadKind.Multipart;

    /// <summary>Whether the reply is a file rather than JSON.</summary>
    public bool IsDownload => Model.ResponseKind == PayloadKind.Binary;

    /// <summary>The C# type the method returns (inside Task).</summary>
    public string ReturnType => IsDownload ? "global::FeishuGen.FeishuDownload" : "global::" + Namespace + "." + ResponseType;
}

/// <summary>Everything the emitters need for one compilation.</summary>
internal sealed record ApiSpec(
    GeneratorOptions Options,
    EquatableArray<EndpointSpec> Endpoints,
    EquatableArray<TypeSpec> Types,
    EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>Build properties that shape the generated code.</summary>
internal sealed record GeneratorOptions(string RootNamespace, string ClientName, string? ProjectDirectory)
{
    /// <summary>
    /// Whether the catalogue carries the pages' request and response examples. Only the local test
    /// server reads them, so by default they are compiled in only when the project references
    /// FeishuGen.Testing (the MSBuild property FeishuGenExamples=true|false decides otherwise).
    /// </summary>
    public bool IncludeExamples { get; init; } = true;

    public const string DefaultNamespace = "FeishuGen.Api";
    public const string DefaultClientName = "FeishuApi";

    public static readonly GeneratorOptions Default = new(DefaultNamespace, DefaultClientName, null);
}
