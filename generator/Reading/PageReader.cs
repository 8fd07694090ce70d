using System;
using System.Collections.Generic;
using System.Linq;
using FeishuGen.Generator.Diagnostics;
using FeishuGen.Generator.Json;
using FeishuGen.Generator.Model;
using FeishuGen.Generator.Naming;
using Microsoft.CodeAnalysis;

namespace FeishuGen.Generator.Reading;

/// <summary>
/// Reads one documentation page into an <see cref="EndpointModel"/> (or, for event pages, an <see cref="EventModel"/>) and its diagnostics. It never
/// throws: a page it cannot read yields a diagnostic with a line instead of an endpoint.
/// </summary>
internal static class PageReader
{
    private const string RequestHeading = "请求";

    /// <summary>Reads one page; a page the reader cannot read gets FSG0011 (see <see cref="Isolation.Read"/>).</summary>
    public static PageReadResult Read(string filePath, string text) => Isolation.Read(filePath, () => ReadCore(filePath, text));

    private static PageReadResult ReadCore(string filePath, string text)
    {
        var outline = PageOutline.Parse(text);
        text = outline.Text; // without a byte order mark and CRs, for whatever else reads the page
        var diagnostics = new DiagnosticCollector();
        var request = outline.Find(RequestHeading, 1, 3);
        if (request is null && EventPageReader.IsEventPage(outline))
        {
            return EventPageReader.Read(filePath, text, outline);
        }

        if (request is null)
        {
            return NotAnEndpoint(filePath, DiagnosticDescriptors.NotAnApiPage, 0, outline, System.IO.Path.GetFileName(filePath));
        }

        var basicTable = outline.TableIn(request.Line + 1, outline.Take(request));
        basicTable?.ReadWhole();
        var basic = BasicTable.Read(basicTable?.Rows ?? Array.Empty<TableRow>());
        if (basic.Url is null || !Uri.TryCreate(basic.Url, UriKind.Absolute, out var url))
        {
            return NotAnEndpoint(filePath, DiagnosticDescriptors.MissingUrl, request.Line, outline);
        }

        if (basic.Method is null)
        {
            var line = basic.MethodLine >= 0 ? basic.MethodLine : basic.UrlLine;
            var column = basic.RawMethod is { Length: > 0 } raw ? System.Math.Max(0, outline.Lines[line].IndexOf(raw, StringComparison.Ordinal)) : 0;
            return NotAnEndpoint(filePath, DiagnosticDescriptors.MissingMethod, line, outline, column, basic.RawMethod?.Length ?? 0, basic.RawMethod ?? "nothing");
        }

        diagnostics.AddRange(NotesOf(outline, filePath));
        var tokensInBasicTable = basic.Tokens.Count > 0;
        var multipartHeader = ReadRequestHeaders(outline, basic) == PayloadKind.Multipart;
        var title = ReadTitle(outline, request, filePath);
        var description = ReadDescription(outline, title.Line, request.Line);

        var pathFields = ReadSection(outline, filePath, "路径参数", alwaysRequired: true, diagnostics);
        AddUndocumentedPathParameters(pathFields, url.AbsolutePath);
        var queryFields = ReadSection(outline, filePath, "查询参数", alwaysRequired: false, diagnostics);
        if (queryFields.Count == 0 && basic.Method is "GET" or "DELETE" && outline.Find("查询参数", 3, 4) is null)
        {
            // Older pages and the Lark portal put a GET's query parameters under 请求参数.
            queryFields = ReadSection(outline, filePath, "请求参数", alwaysRequired: false, diagnostics);
        }

        var body = outline.Find("请求体", 3, 4);
        var bodyFields = new List<FieldModel>();
        string? requestExample = null;
        if (body is not null)
        {
            var end = outline.Take(body);
            var treeStart = FindLine(outline.Lines, "**类型额外说明**", body.Line, end);
            var exampleStart = FindLine(outline.Lines, "**请求体示例**", body.Line, end);
            var tableEnd = Min(treeStart, exampleStart, end);
            var rowLines = new List<int>();
            bodyFields = FieldTableReader.Read(outline, filePath, "请求体", body.Line + 1, tableEnd, false, diagnostics, rowLines);
            var fence = exampleStart >= 0 ? outline.FenceIn(exampleStart, end) : ExampleUnderHeading(outline, "请求体示例") ?? outline.FenceIn(body.Line, end);
            requestExample = fence?.Content;
            if (fence is not null)
            {
                fence.Use = Use.Read;
            }

            var exampleJson = ParseExample(requestExample, filePath, fence?.Line ?? body.Line, DiagnosticDescriptors.InvalidRequestExample, diagnostics);
            var roots = treeStart >= 0 ? TypeTreeReader.Read(outline.Lines, treeStart + 1, Min(exampleStart, end, end)) : new List<TypeDefinition>();
            bodyFields = TypeTreeBinder.Bind(bodyFields, roots, exampleJson);
            FieldChecks.Report(bodyFields, rowLines, exampleJson, filePath, outline, diagnostics);
        }

        var responseExample = ReadResponseExample(outline, filePath, diagnostics, out var responseJson);
        var responseFields = ResponseRows.Nest(ReadSection(outline, filePath, "响应体", alwaysRequired: false, diagnostics), responseJson);
        var errors = ReadErrors(outline);
        SectionAccounting.Close(outline, filePath, diagnostics);
        // The page's own word first (an SDK sample, the API explorer link, the doc path or URL); the URL last.
        var fences = outline.Fences.Select(f => (f.Info, f.Content)).ToList();
        var naming = PageNames.From(fences, text, FrontMatter.Read(text), url.AbsolutePath, basic.Method);
        if (naming.Source == NameSource.Url)
        {
            diagnostics.Report(DiagnosticDescriptors.NamingFromUrl, new Place(filePath, request.Line, 0, 0), naming.Dotted);
        }
        var tokens = ReadTokens(basic, filePath, outline, diagnostics);

        var endpoint = new EndpointModel(
            filePath.Replace('\\', '/'),
            title.Text,
            description,
            basic.Method,
            HostNames.Canonical(url),
            url.AbsolutePath,
            tokens.ToEquatableArray(),
            basic.AppTypes.ToEquatableArray(),
            basic.Scopes.ToEquatableArray(),
            pathFields.ToEquatableArray(),
            queryFields.ToEquatableArray(),
            bodyFields.ToEquatableArray(),
            requestExample,
            responseExample,
            errors.ToEquatableArray(),
            naming,
            PayloadDetection.Request(basic.Method, body is not null, bodyFields, requestExample, outline, multipartHeader, tokensInBasicTable),
            PayloadDetection.Response(outline),
            responseFields.ToEquatableArray());

        // Diagnostics about the page against others point at its HTTP URL row.
        return new PageReadResult(endpoint, diagnostics.ToEquatableArray(), basic.UrlLine >= 0 ? basic.UrlLine : request.Line)
        {
            Accounting = SectionAccounting.Count(outline),
        };
    }

    /// <summary>What reading the page's structure found to say (tables repaired, headings recovered), placed in the file.</summary>
    internal static IEnumerable<DiagnosticInfo> NotesOf(PageOutline outline, string filePath)
        => outline.Notes.Select(n => n with { Place = n.Place with { FilePath = filePath } });

    // A ':name' in the URL that the 路径参数 table forgot is still a parameter the call needs.
    private static void AddUndocumentedPathParameters(List<FieldModel> pathFields, string path)
    {
        foreach (var segment in path.Split('/'))
        {
            if (segment.Length > 1 && segment[0] == ':' && !pathFields.Any(f => f.Name == segment.Substring(1)))
            {
                pathFields.Add(new FieldModel(segment.Substring(1), "string", true, string.Empty, null, null,
                    EquatableArray<AllowedValue>.Empty, EquatableArray<ValidationRule>.Empty, null));
            }
        }
    }

    // Older pages name the token types in the Authorization header row, and uploads in Content-Type.
    private static PayloadKind? ReadRequestHeaders(PageOutline outline, BasicTable basic)
    {
        var heading = outline.Find("请求头", 3, 4);
        if (heading is null)
        {
            return null;
        }

        PayloadKind? kind = null;
        var table = outline.TableIn(heading.Line + 1, outline.Take(heading));
        table?.ReadWhole();
        foreach (var row in table?.Rows ?? Array.Empty<TableRow>())
        {
            var name = row.Cells.Count > 0 ? row.Cells[0].Trim() : string.Empty;
            var text = string.Join(" ", row.Cells);
            if (name.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
            {
                basic.AddTokensFrom(text, row.Line);
            }
            else if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) && text.IndexOf("multipart/form-data", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                kind = PayloadKind.Multipart;
            }
        }

        return kind;
    }

    private static CodeFence? ExampleUnderHeading(PageOutline outline, string text)
    {
        var heading = outline.Find(text, 2, 5);
        return heading is null ? null : outline.FenceIn(heading.Line, outline.Take(heading));
    }

    private static PageReadResult NotAnEndpoint(string filePath, DiagnosticDescriptor descriptor, int line, PageOutline outline, params string[] args)
        => NotAnEndpoint(filePath, descriptor, line, outline, 0, line < outline.Lines.Length ? outline.Lines[line].Length : 0, args);

    private static PageReadResult NotAnEndpoint(string filePath, DiagnosticDescriptor descriptor, int line, PageOutline outline, int column, int length, params string[] args)
        => new(null, new[] { DiagnosticCollector.Make(descriptor, new Place(filePath, line, column, length), args) }.ToEquatableArray());

    // The page's heading; without one, the front matter's title, then the file's name.
    private static Heading ReadTitle(PageOutline outline, Heading request, string filePath)
    {
        var title = outline.Headings.LastOrDefault(h => h.Line < request.Line && h.Level <= 2 && h.Text != RequestHeading);
        return title ?? new Heading(1, outline.FrontMatterTitle ?? System.IO.Path.GetFileNameWithoutExtension(filePath), -1);
    }

    private static string ReadDescription(PageOutline outline, int titleLine, int requestLine)
        => PortalMarkup.Prose(string.Join("\n", outline.CanonicalLines(titleLine + 1, requestLine)));

    private static List<FieldModel> ReadSection(PageOutline outline, string filePath, string name, bool alwaysRequired, DiagnosticCollector diagnostics)
    {
        var heading = outline.Find(name, 3, 4);
        if (heading is null)
        {
            return new List<FieldModel>();
        }

        var end = outline.Take(heading);
        return FieldTableReader.Read(outline, filePath, name, heading.Line + 1, end, alwaysRequired, diagnostics);
    }

    private static string? ReadResponseExample(PageOutline outline, string filePath, DiagnosticCollector diagnostics, out JsonValue? json)
    {
        json = null;
        var response = outline.Find("响应", 2, 3);
        if (response is null)
        {
            return null;
        }

        var fence = ExampleUnderHeading(outline, "响应体示例")
            ?? outline.FenceIn(response.Line, outline.Take(response))
            ?? ExampleUnderHeading(outline, "响应示例");
        if (fence is null)
        {
            return null;
        }

        fence.Use = Use.Read;
        json = ParseExample(fence.Content, filePath, fence.Line, DiagnosticDescriptors.InvalidResponseExample, diagnostics);
        SectionAccounting.CheckExample(json, fence, "响应示例", outline, filePath, diagnostics);
        return fence.Content;
    }

    private static List<ErrorCodeModel> ReadErrors(PageOutline outline)
    {
        var heading = outline.Find("错误码", 2, 3);
        if (heading is null)
        {
            return new List<ErrorCodeModel>();
        }

        var table = outline.TableIn(heading.Line + 1, outline.Take(heading));
        return table is null ? new List<ErrorCodeModel>() : ErrorTableReader.Read(table);
    }

    private static List<string> ReadTokens(BasicTable basic, string filePath, PageOutline outline, DiagnosticCollector diagnostics)
    {
        var tokens = new List<string>();
        foreach (var (token, line) in basic.Tokens)
        {
            if (token is "tenant_access_token" or "user_access_token" or "app_access_token")
            {
                if (!tokens.Contains(token))
                {
                    tokens.Add(token);
                }
            }
            else
            {
                var column = Math.Max(0, outline.Lines[line].IndexOf(token, StringComparison.Ordinal));
                diagnostics.Report(DiagnosticDescriptors.UnknownTokenType, new Place(filePath, line, column, token.Length), token);
            }
        }

        return tokens;
    }

    private static JsonValue? ParseExample(string? example, string filePath, int line, DiagnosticDescriptor descriptor, DiagnosticCollector diagnostics)
    {
        if (string.IsNullOrWhiteSpace(example))
        {
            return null;
        }

        var value = LenientJsonParser.TryParse(example!, out var error, out var errorLine, out var errorColumn);
        if (value is null)
        {
            // The example starts on the line after its opening fence: point at the character where the JSON breaks.
            diagnostics.Report(descriptor, new Place(filePath, line + 1 + errorLine, errorColumn, 1), error ?? "unknown error");
        }

        return value;
    }

    private static int FindLine(string[] lines, string marker, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (lines[i].TrimStart().StartsWith(marker, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static int Min(params int[] values) => values.Where(v => v >= 0).DefaultIfEmpty(-1).Min();
}
