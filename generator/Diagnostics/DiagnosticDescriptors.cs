using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace FeishuGen.Generator.Diagnostics;

/// <summary>
/// The catalogue of every diagnostic FeishuGen reports. Each message says what is wrong and what
/// to do; each has a page under docs/diagnostics/.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "FeishuGen";
    private const string HelpBase = "docs/diagnostics/";

    public static readonly DiagnosticDescriptor NotAnApiPage = Create(
        "FSG0001", "Page is not an API page",
        "'{0}' has no '## 请求' section with an HTTP URL, so no method is generated for it (guide or overview pages are expected to land here)",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor MissingUrl = Create(
        "FSG0002", "API page has no readable HTTP URL",
        "The request section has no 'HTTP URL' row holding an https://…/open-apis/… address; add the row '| HTTP URL | `https://open.feishu.cn/open-apis/...` |' to the basic table",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor MissingMethod = Create(
        "FSG0003", "API page has no readable HTTP method",
        "The basic table's 'HTTP Method' row is missing or holds '{0}'; write one of GET, POST, PUT, PATCH, DELETE",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor MalformedTableRow = Create(
        "FSG0004", "Table row could not be read",
        "This row of the {0} table has {1} cells where {2} are expected; it is read as far as possible, check the '|' separators (escape a literal pipe as '\\|')",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor InvalidRequestExample = Create(
        "FSG0005", "Request example is not valid JSON",
        "The 请求体示例 is not valid JSON ({0}); types are taken from the table only. Fix the JSON to let FeishuGen infer array item types from it.",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor InvalidResponseExample = Create(
        "FSG0006", "Response example is not valid JSON",
        "The 响应示例 is not valid JSON ({0}); the response's data is exposed as raw JSON. Fix the example to get typed properties.",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor UnknownItemType = Create(
        "FSG0007", "Array item type is unknown",
        "'{0}' is declared as '{1}' and neither the examples nor the samples show its items; it is generated as a list of strings. Give the field an example value to pin the type.",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor MissingTypeDefinition = Create(
        "FSG0008", "Object field has no type definition",
        "'{0}' is declared as '{1}' but the 类型额外说明 tree has no definition for it; it is generated as raw JSON. Add a '- **{0}** 类型说明:' entry to type it.",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor DuplicateEndpoint = Create(
        "FSG0009", "Two pages describe the same endpoint",
        "This page and '{0}' describe the same endpoint {1} alike, and only one of them is generated: {2}. Nothing either page documents is lost; remove one of them from specs/.",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor NamingFromUrl = Create(
        "FSG0010", "SDK naming taken from the URL",
        "The page names no SDK call (a Python or Go sample, the API explorer link, or a fullPath, full_path or source_url ending in service-version/resource/method that agrees with the URL); the method is named '{0}' from its URL and HTTP method",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor ReaderFailure = Create(
        "FSG0011", "Page could not be read",
        "FeishuGen could not read this page ({0}); no method is generated for it. Check the page against the format in docs/how-pages-become-code.md and report the page if it is valid.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnknownTokenType = Create(
        "FSG0012", "Unknown access token type",
        "'{0}' is not tenant_access_token, app_access_token or user_access_token; it is ignored",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor GenerationFailure = Create(
        "FSG0013", "Code generation failed",
        "FeishuGen could not generate code for {0}: {1}. Report the page and this message.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NameClaimedTwice = Create(
        "FSG0014", "Two pages claim one method name",
        "The method '{0}' is claimed by this page and by '{1}': {2}. Give the pages distinct SDK samples, or remove one from specs/.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UrlNameClaimedTwice = Create(
        "FSG0015", "Two pages get one method name from their URLs",
        "The method '{0}', derived from the URL, is also derived for '{1}': {2}",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor EventTypeMissing = Create(
        "FSG0016", "Event page has no readable event type",
        "This event page names no event type (a '事件类型' row in the 事件 table, or header.event_type / event.type in the 事件体示例), so no event is generated for it; add the row '| 事件类型 | service.resource.action_v1 |'",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor DuplicateEvent = Create(
        "FSG0017", "Two pages describe the same event",
        "The event '{0}' is also described by '{1}'; it is generated once, from the page whose name sorts first",
        DiagnosticSeverity.Info);

    // FSG0021 to FSG0025: what the reader repaired or did not read (#19, the reader's accounting).
    public static readonly DiagnosticDescriptor TableRepaired = Create(
        "FSG0021", "Table repaired",
        "Markdown ends this table early or does not see it ({0}); FeishuGen read it as one table of {1} rows, lines {2} to {3}. Write each row on one line, with <br> for line breaks inside a cell, to make it a plain GFM table.",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor HeadingSwallowed = Create(
        "FSG0022", "Heading swallowed by the block before it",
        "Markdown reads the heading '{0}' as part of the {1} that starts on line {2}, so the page shows no such heading; FeishuGen reads it as one. Put a blank line before the heading, or close the block.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor RowsNotRead = Create(
        "FSG0023", "Table rows not read",
        "The {0} table has {1} rows and {2} of them are read into the API; the rows that are not: {3}. Give each row a name in its first column (and nested rows a row above them to belong to).",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ExampleWithoutMembers = Create(
        "FSG0024", "Response example yields no member",
        "The {0} here yields no member ({1}), so the response is generated without it; check that the example is the page's JSON reply and that no block above it swallowed it",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor BlockNotRead = Create(
        "FSG0025", "Block of a section not read",
        "This {0} in the '{1}' section is not read: FeishuGen takes the section's first {2} only. Move it to its own section, or out of the page, if it is prose.",
        DiagnosticSeverity.Info);

    // FSG0026: a broken row that changes the API, judged against the row its own text gives intact (#21).
    public static readonly DiagnosticDescriptor BrokenRowChangesApi = Create(
        "FSG0026", "Table row lost cells and the API with them",
        "This row of the {0} table has {1} cells where {2} are expected, and the field it gives is not the one its text describes: {3}. Check the '|' separators (escape a literal pipe as '\\|').",
        DiagnosticSeverity.Warning);

    // FSG0030 onwards: the one vocabulary of page types and payloads (#19).
    public static readonly DiagnosticDescriptor UnknownType = Create(
        "FSG0030", "Type cell names no known type",
        "'{0}' is typed '{1}', which is no type FeishuGen knows; it is generated as {2}. Write one of string, integer, number, boolean, object, map, file, a named type or an array of them (x[]).",
        DiagnosticSeverity.Info);

    // FSG0031 onwards: issue #21's faults that change the generated API.
    public static readonly DiagnosticDescriptor EndpointClash = Create(
        "FSG0031", "Two pages describe one endpoint differently",
        "This page and '{0}' describe the same endpoint {1}, and only one of them is generated: {2}; {3}. Fix or remove one of the pages in specs/.",
        DiagnosticSeverity.Warning);

    /// <summary>Every descriptor, for documentation and release-tracking checks.</summary>
    public static IReadOnlyCollection<DiagnosticDescriptor> All { get; } = new[]
    {
        NotAnApiPage, MissingUrl, MissingMethod, MalformedTableRow, InvalidRequestExample, InvalidResponseExample,
        UnknownItemType, MissingTypeDefinition, DuplicateEndpoint, NamingFromUrl, ReaderFailure, UnknownTokenType,
        GenerationFailure, NameClaimedTwice, UrlNameClaimedTwice, EventTypeMissing, DuplicateEvent,
        TableRepaired, HeadingSwallowed, RowsNotRead, ExampleWithoutMembers, BlockNotRead, BrokenRowChangesApi, UnknownType,
        EndpointClash,
    };

    /// <summary>The descriptor of <paramref name="id"/> (tests and tools look diagnostics up by ID).</summary>
    public static DiagnosticDescriptor Find(string id) => System.Linq.Enumerable.Single(All, d => d.Id == id);

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity)
        => new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpBase + id + ".md");
}
