using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using FeishuGen.Corpus;
using FeishuGen.Generator.Reading;

// The corpus check: generate a client from every page under a folder, compile it as one
// assembly, exercise it, and report per page and per check.
//   dotnet run --project tests/FeishuGen.Corpus -- <folder> [--json out.json] [--floor floor.json]
//                                                  [--mutate N] [--seed S] [--table] [--respell]
//   dotnet run --project tests/FeishuGen.Corpus -- --compare <folder> <other folder> [--min-equal N]
//   dotnet run --project tests/FeishuGen.Corpus -- --compile-profile <folder>   (where the compiler's time goes)
//   dotnet run --project tests/FeishuGen.Corpus -- --hash <folder>...           (a hash of the generated code per folder)
Console.OutputEncoding = Encoding.UTF8;
if (args.Length >= 3 && args[0] == "--compare" && args.Length >= 3)
{
    // Cross-form equality: FeishuGen.Corpus --compare <folder> <other folder> [--min-equal N]
    var (shared, equal, pageFaults, differences) = CrossFormCheck.Run(Path.GetFullPath(args[1]), Path.GetFullPath(args[2]));
    foreach (var fault in pageFaults)
    {
        Console.WriteLine("  n/a (page fault): " + fault);
    }

    foreach (var difference in differences)
    {
        Console.WriteLine("  differs: " + difference);
    }

    var applicable = shared - pageFaults.Count;
    Console.WriteLine($"Cross-form equality: {equal} of {applicable} shared docs give the same model ({(applicable == 0 ? 100 : 100.0 * equal / applicable):0.00}%); {differences.Count} differ; {pageFaults.Count} n/a as page faults; {shared} shared docs with the same updateTime");
    var minimum = Array.IndexOf(args, "--min-equal") is var m and >= 0 && m + 1 < args.Length ? int.Parse(args[m + 1], System.Globalization.CultureInfo.InvariantCulture) : 0;
    if (equal < minimum)
    {
        Console.WriteLine($"BELOW FLOOR: cross-form equality {equal}, floor {minimum}");
        return 1;
    }

    return 0;
}

if (args.Length >= 2 && args[0] == "--hash")
{
    return GeneratedHash.Run(args.Skip(1));
}

if (args.Length == 2 && args[0] == "--respell-only")
{
    // The re-spelling check alone (fast: no compilation): FeishuGen.Corpus --respell-only <folder>
    var respellPages = Directory.EnumerateFiles(Path.GetFullPath(args[1]), "*.md", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal)
        .Select(f => (Path: f, Text: File.ReadAllText(f))).ToList();
    var respelled = RespellCheck.Run(respellPages);
    Console.WriteLine(respelled.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    return (int)respelled["different"]! == 0 ? 0 : 1;
}

if (args.Length == 2 && args[0] == "--compile-profile")
{
    return CompileProfile.Run(Path.GetFullPath(args[1]));
}

if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
{
    Console.Error.WriteLine("usage: FeishuGen.Corpus <folder of pages> [--json file] [--floor file] [--mutate N] [--seed S] [--table] [--respell]");
    return 2;
}

var folder = Path.GetFullPath(args[0]);
string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
var mutate = int.Parse(Option("--mutate") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
var seed = int.Parse(Option("--seed") ?? "20261125", System.Globalization.CultureInfo.InvariantCulture);

var files = Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToList();
var pages = files.Select(f => (Path: f, Text: File.ReadAllText(f))).ToList();
Console.WriteLine($"Reading {pages.Count} pages under {folder}");

var started = DateTime.UtcNow;
var compiled = CorpusCompiler.Compile(folder, pages);
Console.WriteLine($"Generated and compiled in {(DateTime.UtcNow - started).TotalSeconds:0.0}s");
Console.WriteLine("Generator diagnostics: " + string.Join(", ", compiled.GeneratorDiagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key).Select(g => $"{g.Key} x{g.Count()}")));
foreach (var failure in compiled.GeneratorDiagnostics.Where(d => d.Id is "FSG0013" or "CS8785" or "FSG0011").Take(5))
{
    Console.WriteLine("  " + failure);
}

var outcomes = await CorpusRunner.RunAsync(folder, pages, compiled);
var mutation = mutate > 0 ? MutationCheck.Run(pages, mutate, seed) : null;
var readByPath = outcomes.Where(o => o.Read is not null).ToDictionary(o => o.Path, o => o.Read!);
var respelling = args.Contains("--respell")
    ? RespellCheck.Run(pages, (path, text) => readByPath.TryGetValue(Path.GetRelativePath(folder, path).Replace('\\', '/'), out var known) ? known : PageReader.Read(path, text))
    : null;
var report = new CorpusReport(outcomes, compiled, mutation, respelling);
report.WriteText(Console.Out, args.Contains("--table"));
Console.WriteLine(ShapeFigures.Describe(pages));
if (Option("--json") is { } json)
{
    report.WriteJson(json);
    Console.WriteLine("JSON report: " + json);
}

if (Option("--floor") is { } floorPath)
{
    var violations = Floor.Violations(floorPath, report);
    foreach (var violation in violations)
    {
        Console.WriteLine("BELOW FLOOR: " + violation);
    }

    if (violations.Count > 0)
    {
        return 1;
    }

    Console.WriteLine("All counts at or above the floor in " + floorPath);
}

return 0;
