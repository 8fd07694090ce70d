using FeishuGen.Generator.Model;
using FeishuGen.Generator.Shaping;

namespace FeishuGen.Generator.Planning;

/// <summary>
/// One generated file as a pipeline value: its hint name, the pages it comes from (for FSG0013 when
/// printing fails) and exactly what it prints, nothing more. Roslyn compares units by value, so
/// after an edit to one page only the units whose content changed are printed again; lists (the
/// catalogue's, the resolver's, the client tree's) carry names only, so a changed field leaves
/// them equal. Each kind of file is a record of its own.
/// </summary>
internal abstract record FileUnit(string HintName, EquatableArray<string> Pages);

/// <summary>One record: request, response, nested type or event body.</summary>
internal sealed record RecordUnit(string HintName, TypeSpec Type) : FileUnit(HintName, EquatableArray<string>.Empty);

/// <summary>One endpoint's error constants.</summary>
internal sealed record ErrorsUnit(string HintName, EquatableArray<string> Pages, TypeName Class, string Title, string MethodCref, EquatableArray<ErrorConstant> Errors)
    : FileUnit(HintName, Pages);

/// <summary>A resource class: one pair of methods per endpoint, with their paging methods.</summary>
internal sealed record ResourceUnit(string HintName, EquatableArray<string> Pages, TypeName Class, SdkNaming Naming, string CatalogueClass, EquatableArray<MethodSpec> Methods)
    : FileUnit(HintName, Pages);

/// <summary>A resource's part of the endpoint catalogue.</summary>
internal sealed record CatalogueEntriesUnit(string HintName, EquatableArray<string> Pages, string RootNamespace, string ClassName, EquatableArray<CatalogueEntry> Entries)
    : FileUnit(HintName, Pages);

/// <summary>The catalogue's list of entries, by name only.</summary>
internal sealed record CatalogueListUnit(string HintName, string RootNamespace, string ClassName, EquatableArray<string> EntryNames)
    : FileUnit(HintName, EquatableArray<string>.Empty);

/// <summary>A service or version group of the client tree.</summary>
internal sealed record GroupUnit(string HintName, TypeName Class, string Summary, EquatableArray<TreeChild> Children)
    : FileUnit(HintName, EquatableArray<string>.Empty);

/// <summary>The entry point (<c>FeishuApi</c>) and its DI registration, with one property per service.</summary>
internal sealed record RootUnit(string HintName, string RootNamespace, string ClientName, EquatableArray<TreeChild> Services)
    : FileUnit(HintName, EquatableArray<string>.Empty);

/// <summary>A JSON resolver over records known by identity only: a field edit does not change it.</summary>
internal sealed record ResolverUnit(string HintName, string RootNamespace, string ClassName, EquatableArray<TypeName> Types)
    : FileUnit(HintName, EquatableArray<string>.Empty);

/// <summary>The event type constants.</summary>
internal sealed record EventTypesUnit(string HintName, string RootNamespace, string ClassName, EquatableArray<EventEntry> Events)
    : FileUnit(HintName, EquatableArray<string>.Empty);

/// <summary>The typed <c>On…</c> registrations on the runtime's dispatcher.</summary>
internal sealed record EventRegistrationsUnit(string HintName, string RootNamespace, string ClassName, string TypesClass, EquatableArray<EventEntry> Events)
    : FileUnit(HintName, EquatableArray<string>.Empty);

/// <summary>The event catalogue.</summary>
internal sealed record EventCatalogueUnit(string HintName, string RootNamespace, string ClassName, EquatableArray<EventEntry> Events)
    : FileUnit(HintName, EquatableArray<string>.Empty);

/// <summary>A property of the client tree: its name, its type and what it is, for its doc.</summary>
internal sealed record TreeChild(string Property, TypeName Type, string What);

/// <summary>
/// One client method as its resource class prints it: names, docs, how the request goes on the
/// wire (path segments, query members, JSON or form body) and how it pages.
/// </summary>
internal sealed record MethodSpec(
    string MethodName,
    TypeName RequestType,
    TypeName ResponseType,
    string ReturnType,
    string EntryName,
    MethodDoc Doc,
    EquatableArray<PathSegment> Path,
    EquatableArray<WireMember> Query,
    BodyKind Body,
    EquatableArray<FormPart> Form,
    bool IsDownload,
    PagingSpec? Paged);

/// <summary>What a method's XML doc says: the page's title and description, the HTTP call, tokens, scopes and documented errors.</summary>
internal sealed record MethodDoc(
    string Title,
    string Description,
    string HttpMethod,
    string PathTemplate,
    EquatableArray<string> TokenTypes,
    EquatableArray<ScopeModel> Scopes,
    EquatableArray<ErrorConstant> Errors,
    string ErrorsClass,
    bool IsDownload);

/// <summary>A path segment: literal text, or the request property that fills it.</summary>
internal sealed record PathSegment(string Text, bool IsProperty);

/// <summary>A request member by its wire and C# names.</summary>
internal sealed record WireMember(string WireName, string ClrName);

/// <summary>A form part of an upload: a documented part by its wire name, or the free parts (<see cref="IsFreeParts"/>).</summary>
internal sealed record FormPart(string WireName, string ClrName, bool IsFreeParts);

/// <summary>How a request's body travels.</summary>
internal enum BodyKind
{
    None,
    Json,
    Form,
}

/// <summary>One endpoint of the catalogue, with everything its entry prints (<see cref="Pager"/>: how the resource's pager methods page it).</summary>
internal sealed record CatalogueEntry(
    string EntryName,
    string Title,
    SdkNaming Naming,
    string HttpMethod,
    string PathTemplate,
    string? Host,
    TypeName RequestType,
    string ReturnType,
    bool IsUpload,
    bool IsDownload,
    EquatableArray<string> TokenTypes,
    EquatableArray<ScopeModel> Scopes,
    EquatableArray<string> RequiredBodyFields,
    EquatableArray<string> RequiredQueryParameters,
    TypeName ErrorsClass,
    bool IncludesExamples,
    string? RequestExample,
    string? ResponseExample,
    string SpecPath,
    bool ReplyAtTopLevel,
    PagingWire? Pager);

/// <summary>One event, with everything the event files print about it.</summary>
internal sealed record EventEntry(
    string Name,
    string EventType,
    string Title,
    string Description,
    bool LegacySchema,
    EquatableArray<ScopeModel> Scopes,
    TypeName BodyType,
    string MethodName,
    string SpecPath);
