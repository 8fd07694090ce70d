using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using FeishuGen.Generator.Reading;
using Microsoft.CodeAnalysis;

namespace FeishuGen.Corpus;

/// <summary>Runs every check on every page against the compiled corpus.</summary>
internal static class CorpusRunner
{
    // An API page names an open-apis URL in its request table, labelled (cleaned pages) or not
    // (older pages), as a pipe-table cell or the portal's <md-td>. Decided from the raw text, so a
    // page the reader misses still counts as an API page that failed.
    private static readonly Regex ApiPage = new(@"^(\|\s*(HTTP URL\s*\|\s*)?`?|\s*<md-td>\s*)https://open\.(feishu\.cn|larksuite\.com)/open-apis/", RegexOptions.Multiline | RegexOptions.Compiled);

    public static async Task<List<PageOutcome>> RunAsync(string folder, IReadOnlyList<(string Path, string Text)> pages, CompiledCorpus compiled)
    {
        var catalogue = Catalogue(compiled);
        var navigator = compiled.Assembly is null ? null : new ClientNavigator(compiled.Assembly, compiled.Namespace);
        var checks = navigator is null ? null : new EndpointChecks(navigator);
        var payload = navigator is null ? null : new PayloadCheck(navigator);
        var diagnosticsByFile = compiled.GeneratorDiagnostics
            .GroupBy(d => d.Location.GetLineSpan().Path)
            .ToDictionary(g => g.Key, g => g.ToList());
        var problemFiles = compiled.CompileProblems.Select(p => Path.GetFileName(p.Location.SourceTree?.FilePath ?? string.Empty)).ToHashSet();

        var events = new EventChecks(compiled);
        var outcomes = new List<PageOutcome>();
        foreach (var (path, text) in pages)
        {
            var relative = Path.GetRelativePath(folder, path).Replace('\\', '/');
            catalogue.TryGetValue(relative, out var endpoint);
            var outcome = new PageOutcome(relative, ApiPage.IsMatch(text) || endpoint is not null, EventChecks.IsEventPage(text));
            var diagnostics = diagnosticsByFile.TryGetValue(path, out var list) ? list : new List<Diagnostic>();
            outcome.Diagnostics.AddRange(diagnostics.Select(d => $"{d.Id} {d.Severity} line {d.Location.GetLineSpan().StartLinePosition.Line + 1}: {d.GetMessage()}"));
            outcome.Endpoint = endpoint?.ToString();
            outcomes.Add(outcome);
            var read = PageReader.Read(path, text);
            outcome.Accounting = read.Accounting;
            outcome.Read = read;

            if (outcome.IsEventPage)
            {
                events.Run(outcome, path, text, diagnostics);
                continue;
            }

            if (!outcome.IsApiPage)
            {
                outcome.Checks[CheckNames.NonApiClean] = endpoint is null && diagnostics.All(d => d.Severity == DiagnosticSeverity.Info)
                    ? CheckResult.Pass
                    : CheckResult.Fail(endpoint is not null ? "generated an endpoint" : "reported " + string.Join(", ", diagnostics.Where(d => d.Severity > DiagnosticSeverity.Info).Select(d => d.Id)));
                continue;
            }

            if (endpoint is null && diagnostics.FirstOrDefault(d => d.Id is "FSG0009" or "FSG0031") is { } duplicate)
            {
                outcome.Checks[CheckNames.Generated] = CheckResult.Pass;
                outcome.Endpoint = "same endpoint as another page: " + duplicate.GetMessage();
                continue;
            }

            if (endpoint is null)
            {
                var why = diagnostics.FirstOrDefault(d => d.Severity >= DiagnosticSeverity.Warning) ?? diagnostics.FirstOrDefault();
                outcome.Checks[CheckNames.Generated] = CheckResult.Fail(why is null ? "no endpoint and no diagnostic" : why.Id + ": " + why.GetMessage());
                continue;
            }

            outcome.Checks[CheckNames.Generated] = CheckResult.Pass;
            outcome.Payload = endpoint.RequestKind == FeishuPayloadKind.Multipart ? "upload" : endpoint.ResponseKind == FeishuPayloadKind.File ? "download" : null;
            outcome.Checks[CheckNames.Compiles] = CompilesCheck(endpoint, problemFiles);
            if (checks is null)
            {
                continue;
            }

            var samples = CurlSample.Of(text);
            outcome.NamedFrom = read.Endpoint?.Naming.Source.ToString();
            outcome.Checks[CheckNames.Wire] = await Guard(() => checks.WireAsync(endpoint, samples));
            outcome.Checks[CheckNames.BodyRoundTrip] = await Guard(() => Task.FromResult(checks.BodyRoundTrip(endpoint)));
            outcome.Checks[CheckNames.ResponseRoundTrip] = await Guard(() => Task.FromResult(checks.ResponseRoundTrip(endpoint)));
            outcome.Checks[CheckNames.Naming] = EndpointChecks.Naming(endpoint, text);
            outcome.Checks[CheckNames.Payload] = await Guard(() => payload!.RunAsync(endpoint, text, read.Endpoint));
        }

        return outcomes;
    }

    // One page's surprise must not stop the report on the other 1,700: it becomes that page's failure.
    private static async Task<CheckResult> Guard(Func<Task<CheckResult>> check)
    {
        try
        {
            return await check();
        }
        catch (Exception e)
        {
            return CheckResult.Fail("the check itself failed: " + e.GetType().Name + ": " + e.Message);
        }
    }

    private static Dictionary<string, FeishuEndpoint> Catalogue(CompiledCorpus compiled)
    {
        var type = compiled.Assembly?.GetType(compiled.Namespace + ".FeishuEndpointCatalogue");
        var all = (IReadOnlyList<FeishuEndpoint>?)type?.GetProperty("All")!.GetValue(null) ?? Array.Empty<FeishuEndpoint>();
        return all.GroupBy(e => e.SpecPath).ToDictionary(g => g.Key, g => g.First());
    }

    private static CheckResult CompilesCheck(FeishuEndpoint endpoint, HashSet<string> problemFiles)
    {
        if (problemFiles.Count == 0)
        {
            return CheckResult.Pass;
        }

        var own = new[] { endpoint.RequestType.Name, endpoint.ResponseType.Name };
        var hit = problemFiles.FirstOrDefault(f => own.Any(o => f.EndsWith("." + o + ".g.cs", StringComparison.Ordinal)));
        return hit is null ? CheckResult.Pass : CheckResult.Fail("compile problems in " + hit);
    }
}
