using FeishuGen.Generator.Diagnostics;
using FeishuGen.Generator.Model;
using FeishuGen.Generator.Naming;

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

/// <summary>
/// A property of a generated record, with everything its XML doc says and the constants of its
/// documented values. <see cref="IsRequiredMember"/>: a C# <c>required</c> member (a request's
/// required property; a reply's members are never required, whatever the page says).
/// </summary>
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
    EquatableArray<ValidationRule> Rules,
    ValueConstants? Constants = null,
    bool IsRequiredMember = false);

/// <summary>The nested class of a property's documented values (可选值): its name, the constants' C# type and each constant.</summary>
internal sealed record ValueConstants(string ClassName, string Type, EquatableArray<ValueConstant> Values);

/// <summary>One documented value as a constant: its name, its value (a string, or an integer in invariant digits) and its doc text.</summary>
internal sealed record ValueConstant(string Name, string Value, string Doc);

/// <summary>
/// A generated record: request, response data or a nested type shared within a service version.
/// <see cref="UnknownMembers"/> names the property that keeps undocumented members, when the record keeps them.
/// </summary>
internal sealed record TypeSpec(
    TypeName Id,
    TypeRole Role,
    string Summary,
    EquatableArray<PropertySpec> Properties,
    bool KeepsUnknownMembers,
    string? UnknownMembers = null)
{
    public string Namespace => Id.Namespace;

    public string Name => Id.Name;
}

/// <summary>A documented error code as a constant of the endpoint's errors class.</summary>
internal sealed record ErrorConstant(string Name, int HttpStatus, long Code, string Description, string Hint);

/// <summary>
/// One endpoint ready to plan: its page model (with the final SDK names) and every C# name and
/// decision made for it. <see cref="ReplyAtTopLevel"/>: the reply's members sit beside code and msg
/// instead of under data (bot info), so the client reads the whole reply into the response record.
/// </summary>
internal sealed record EndpointSpec(
    EndpointModel Model,
    EndpointNames Names,
    bool HasRequestBody,
    EquatableArray<ErrorConstant> Errors,
    bool ReplyAtTopLevel = false)
{
    public string Namespace => Names.Namespace;

    public string ServiceProperty => Names.ServiceProperty;

    public string VersionProperty => Names.VersionProperty;

    public string ResourceProperty => Names.ResourceProperty;

    public string ResourceClass => Names.ResourceClass;

    public string MethodName => Names.MethodName;

    public TypeName RequestType => Names.RequestType;

    public TypeName ResponseType => Names.ResponseType;

    public TypeName ErrorsClass => Names.ErrorsClass;

    /// <summary>Whether the call uploads multipart/form-data.</summary>
    public bool IsUpload => Model.RequestKind == PayloadKind.Multipart;

    /// <summary>Whether the reply is a file rather than JSON.</summary>
    public bool IsDownload => Model.ResponseKind == PayloadKind.Binary;

    /// <summary>The C# type the method returns (inside Task).</summary>
    public string ReturnType => IsDownload ? "global::FeishuGen.FeishuDownload" : ResponseType.Global;
}

/// <summary>Everything the plan needs for one compilation.</summary>
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
