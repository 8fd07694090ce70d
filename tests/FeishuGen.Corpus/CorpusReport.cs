using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using FeishuGen.Generator.Model;

namespace FeishuGen.Corpus;

/// <summary>Per-page table, per-check counts and the reasons for every failure, as text and as JSON.</summary>
internal sealed class CorpusReport
{
    public CorpusReport(IReadOnlyList<PageOutcome> pages, CompiledCorpus compiled, JsonObject? mutation, JsonObject? respelling = null)
    {
        Pages = pages;
        Compiled = compiled;
        Mutation = mutation;
        Respelling = respelling;
        Accounting = pages.Select(p => p.Accounting).Aggregate(PageAccounting.None, (a, b) => new PageAccounting(
            a.Tables + b.Tables, a.TablesRead + b.TablesRead, a.TablesReported + b.TablesReported,
            a.Rows + b.Rows, a.RowsRead + b.RowsRead, a.RowsReported + b.RowsReported,
            a.Fences + b.Fences, a.FencesRead + b.FencesRead, a.FencesReported + b.FencesReported, a.Unexplained + b.Unexplained));
    }

    /// <summary>The re-spelling check's result (--respell), or null.</summary>
    public JsonObject? Respelling { get; }

    /// <summary>The section accounting of all pages together.</summary>
    public PageAccounting Accounting { get; }

    /// <summary>One line of the section accounting, for the text report.</summary>
    public string DescribeAccounting()
    {
        var a = Accounting;
        return $"{a.Tables} tables ({a.TablesRead} read, {a.TablesReported} reported, {a.Tables - a.TablesRead - a.TablesReported} prose); "
            + $"{a.Rows} rows of the tables read ({a.RowsRead} read, {a.RowsReported} reported); "
            + $"{a.Fences} fenced blocks ({a.FencesRead} examples read, {a.FencesReported} reported, {a.Fences - a.FencesRead - a.FencesReported} samples or prose); "
            + $"unexplained: {a.Unexplained} (on {Pages.Count(p => p.Accounting.Unexplained > 0)} pages)";
    }

    public IReadOnlyList<PageOutcome> Pages { get; }

    public CompiledCorpus Compiled { get; }

    public JsonObject? Mutation { get; }

    public int ApiPages => Pages.Count(p => p.IsApiPage);

    public int EventPages => Pages.Count(p => p.IsEventPage);

    /// <summary>(passed, failed, not applicable) of one check over the API pages.</summary>
    public (int Pass, int Fail, int NotApplicable) Count(string check)
    {
        var results = Pages.Where(p => p.Checks.ContainsKey(check)).Select(p => p.Checks[check].State).ToList();
        return (results.Count(s => s == CheckState.Pass), results.Count(s => s == CheckState.Fail), results.Count(s => s == CheckState.NotApplicable));
    }

    public void WriteText(TextWriter output, bool allPages)
    {
        if (allPages)
        {
            output.WriteLine("| page | endpoint | " + string.Join(" | ", CheckNames.Api) + " |");
            output.WriteLine("|---|---|" + string.Concat(Enumerable.Repeat("---|", CheckNames.Api.Length)));
            foreach (var page in Pages.Where(p => p.IsApiPage))
            {
                output.WriteLine($"| {page.Path} | {page.Endpoint ?? "-"} | " + string.Join(" | ", CheckNames.Api.Select(c => Mark(page, c))) + " |");
            }

            output.WriteLine();
        }

        output.WriteLine("Failures and their reasons:");
        foreach (var check in CheckNames.All)
        {
            foreach (var page in Pages.Where(p => p.Checks.TryGetValue(check, out var r) && r.State == CheckState.Fail))
            {
                output.WriteLine($"  [{check}] {page.Path}: {page.Checks[check].Reason}");
            }
        }

        output.WriteLine();
        output.WriteLine("Not applicable, by reason (page: a fault of the page itself; upload: the check does not apply to a multipart body):");
        foreach (var check in CheckNames.Api.Concat(CheckNames.Event))
        {
            var reasons = Pages.Where(p => p.Checks.TryGetValue(check, out var r) && r.State == CheckState.NotApplicable)
                .GroupBy(p => Category(p.Checks[check].Reason!)).OrderByDescending(g => g.Count());
            foreach (var group in reasons)
            {
                output.WriteLine($"  [{check}] {group.Count(),4} × {group.Key}");
            }
        }

        output.WriteLine();
        output.WriteLine($"Pages: {Pages.Count} ({ApiPages} API pages, {EventPages} event pages, {Pages.Count - ApiPages - EventPages} other pages)");
        output.WriteLine($"Events: {Pages.Count(p => p.Event is not null)} generated ({Pages.Count(p => p.Event?.EndsWith("(1.0)", System.StringComparison.Ordinal) == true)} with the schema 1.0 envelope)");
        output.WriteLine($"Endpoints: {Pages.Count(p => p.Endpoint is not null)}, of which {Pages.Count(p => p.Payload == "upload")} multipart uploads and {Pages.Count(p => p.Payload == "download")} streamed downloads");
        output.WriteLine("Naming sources (what on the page named each generated method): " + string.Join(", ", NamingSources().Select(s => $"{s.Key} {s.Value}")));
        output.WriteLine($"Generated code: {Compiled.GeneratedFiles} files, {Compiled.GeneratedLines} lines; compile errors and warnings: {Compiled.CompileProblems.Count}");
        var endpoints = Pages.Count(p => p.Endpoint is not null);
        output.WriteLine($"Code size: {Compiled.Size.CodeLines} lines not comments ({(endpoints == 0 ? 0 : Compiled.Size.CodeLines / endpoints)} per endpoint); assembly {Compiled.Size.Describe()}");
        output.WriteLine($"Code lines by kind of file: {Compiled.Size.DescribeKinds()}");
        foreach (var problem in Compiled.CompileProblems.Take(20))
        {
            output.WriteLine("  " + problem);
        }

        output.WriteLine();
        output.WriteLine("| check | passed | failed | n/a | pass rate |");
        output.WriteLine("|---|---|---|---|---|");
        foreach (var check in CheckNames.All)
        {
            var (pass, fail, na) = Count(check);
            var rate = pass + fail == 0 ? 100.0 : 100.0 * pass / (pass + fail);
            output.WriteLine($"| {check} | {pass} | {fail} | {na} | {rate:0.00}% |");
        }

        output.WriteLine();
        output.WriteLine("Section accounting: " + DescribeAccounting());
        foreach (var page in Pages.Where(p => p.Accounting.Unexplained > 0).Take(20))
        {
            output.WriteLine($"  unexplained in {page.Path}: " + string.Join("; ", page.Diagnostics.Where(d => d.StartsWith("FSG0023", StringComparison.Ordinal) || d.StartsWith("FSG0025", StringComparison.Ordinal))));
        }

        if (Respelling is not null)
        {
            output.WriteLine();
            output.WriteLine($"Re-spelling: {Respelling["equal"]} of {Respelling["pages"]} pages give the same model re-spelled ({Respelling["respelled"]!.ToJsonString()}; with CRLF line ends and a byte order mark)");
            foreach (var difference in Respelling["differences"]!.AsArray().Take(20))
            {
                output.WriteLine("  differs: " + difference);
            }
        }

        if (Mutation is not null)
        {
            output.WriteLine();
            output.WriteLine("Mutation check: " + Mutation.ToJsonString());
        }
    }

    /// <summary>How many generated methods each naming source named: PythonSample, GoSample, ApiExplorer, DocPath, DocUrl, Url.</summary>
    public SortedDictionary<string, int> NamingSources()
        => new(Pages.Where(p => p.NamedFrom is not null).GroupBy(p => p.NamedFrom!).ToDictionary(g => g.Key, g => g.Count()), StringComparer.Ordinal);

    public void WriteJson(string path)
    {
        var checks = new JsonObject();
        foreach (var check in CheckNames.All)
        {
            var (pass, fail, na) = Count(check);
            checks[check] = new JsonObject { ["passed"] = pass, ["failed"] = fail, ["notApplicable"] = na };
        }

        var pages = new JsonArray();
        foreach (var page in Pages)
        {
            var results = new JsonObject();
            foreach (var (check, result) in page.Checks)
            {
                results[check] = new JsonObject { ["state"] = result.State.ToString(), ["reason"] = result.Reason };
            }

            pages.Add(new JsonObject
            {
                ["path"] = page.Path,
                ["api"] = page.IsApiPage,
                ["event"] = page.Event,
                ["endpoint"] = page.Endpoint,
                ["payload"] = page.Payload,
                ["namedFrom"] = page.NamedFrom,
                ["diagnostics"] = new JsonArray(page.Diagnostics.Select(d => (JsonNode)d).ToArray()),
                ["checks"] = results,
            });
        }

        var root = new JsonObject
        {
            ["pages"] = Pages.Count,
            ["apiPages"] = ApiPages,
            ["compileProblems"] = Compiled.CompileProblems.Count,
            ["checks"] = checks,
            ["namingSources"] = new JsonObject(NamingSources().Select(s => new KeyValuePair<string, JsonNode?>(s.Key, s.Value))),
            ["mutation"] = Mutation?.DeepClone(),
            ["respelling"] = Respelling?.DeepClone(),
            ["accounting"] = JsonSerializer.SerializeToNode(Accounting),
            ["perPage"] = pages,
        };
        File.WriteAllText(path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    private static string Mark(PageOutcome page, string check)
        => page.Checks.TryGetValue(check, out var r) ? r.State switch { CheckState.Pass => "ok", CheckState.Fail => "FAIL", _ => "n/a" } : "-";

    // Groups reasons like "page: curl URL /x does not match" by their wording, not their values.
    private static string Category(string reason)
    {
        var cut = reason.IndexOfAny(new[] { '(', '/' });
        return (cut > 0 ? reason.Substring(0, cut) : reason).Trim();
    }
}
