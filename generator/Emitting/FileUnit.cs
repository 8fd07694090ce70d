using FeishuGen.Generator.Model;
using FeishuGen.Generator.Shaping;

namespace FeishuGen.Generator.Emitting;

/// <summary>What a generated file prints.</summary>
internal enum FileKind
{
    /// <summary>One record: request, response or nested type (<see cref="FileUnit.Types"/>[0]).</summary>
    Record,

    /// <summary>One endpoint's error constants (<see cref="FileUnit.Endpoints"/>[0]).</summary>
    Errors,

    /// <summary>A resource class: its endpoints and their request and response records.</summary>
    Resource,

    /// <summary>A resource's part of the endpoint catalogue.</summary>
    CatalogueEntries,

    /// <summary>The catalogue's list of entry names (<see cref="FileUnit.Names"/>).</summary>
    CatalogueList,

    /// <summary>A service or version group (<see cref="FileUnit.Children"/>).</summary>
    Group,

    /// <summary>The entry point and its DI registration (<see cref="FileUnit.Children"/>: the services).</summary>
    Root,

    /// <summary>The JSON resolver over every record (<see cref="FileUnit.Names"/>: namespace and name pairs).</summary>
    Resolver,
}

/// <summary>
/// One generated file as a pipeline value: its hint name and exactly what it prints, nothing
/// more. Roslyn compares units by value, so after an edit to one page only the units whose
/// content changed are printed again; lists (the catalogue's, the resolver's, the client tree's)
/// carry names only, so a changed field leaves them equal.
/// </summary>
internal sealed record FileUnit(
    string HintName,
    FileKind Kind,
    GeneratorOptions Options,
    EquatableArray<EndpointSpec> Endpoints,
    EquatableArray<TypeSpec> Types,
    EquatableArray<string> Names,
    EquatableArray<TreeChild> Children,
    string Namespace = "",
    string ClassName = "",
    string Summary = "");
