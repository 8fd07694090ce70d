using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using FeishuGen.Generator;
using FeishuGen.Generator.Diagnostics;
using FeishuGen.Generator.Model;
using FeishuGen.Generator.Naming;
using FeishuGen.Generator.Reading;
using FeishuGen.Generator.Shaping;
using Microsoft.CodeAnalysis;

namespace FeishuGen.Cli;

/// <summary>
/// <c>check &lt;folder or page&gt;</c>: reads every page as the generator would and lists, per page,
/// the endpoint and C# method (or the event and registration) it becomes, or the diagnostics that say why not. Exits 1 when any
/// page gets a warning.
/// </summary>
internal static class CheckCommand
{
    public static int Run(string target, bool verbose, System.IO.TextWriter output)
    {
        var files = Directory.Exists(target)
            ? Directory.EnumerateFiles(target, "*.md", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToList()
            : new List<string> { target };
        var root = Directory.Exists(target) ? target : Path.GetDirectoryName(Path.GetFullPath(target))!;
        var results = files.Select(f => (Path: f, Result: PageReader.Read(f, File.ReadAllText(f)))).ToList();
        var models = results.Where(r => r.Result.Endpoint is not null).Select(r => r.Result.Endpoint!).ToList();
        var api = Generation.ShapeApi(models, GeneratorOptions.Default);
        var clashes = Generation.Names(models, GeneratorOptions.Default).Clashes.ToDictionary(c => c.Dropped);
        var names = api.Endpoints.ToDictionary(e => e.Model.SpecPath, e => $"{e.ServiceProperty}.{e.VersionProperty}.{e.ResourceProperty}.{e.MethodName}");
        var lines = results.Where(r => r.Result.Endpoint is not null).Select(r => new PageLine(r.Result.Endpoint!.SpecPath, r.Result.EndpointLine)).ToImmutableArray();
        var extra = DiagnosticPlacement.AtPageLines(api.Diagnostics, lines).ToLookup(d => d.FilePath);

        int endpoints = 0, events = 0, notApi = 0, warnings = 0;
        foreach (var (path, result) in results)
        {
            var relative = Path.GetRelativePath(root, path);
            var diagnostics = result.Diagnostics.Concat(extra[path]).ToList();
            var worst = diagnostics.Select(d => DiagnosticDescriptors.Find(d.Id).DefaultSeverity).DefaultIfEmpty(DiagnosticSeverity.Hidden).Max();
            if (worst >= DiagnosticSeverity.Warning)
            {
                warnings++;
            }

            if (result.Endpoint is { } endpoint)
            {
                endpoints++;
                var becomes = names.TryGetValue(endpoint.SpecPath, out var name) ? "api." + name
                    : clashes.TryGetValue(endpoint.SpecPath, out var clash) ? $"not generated: {Path.GetRelativePath(root, clash.Kept)} is generated for this endpoint ({clash.Why})"
                    : "not generated";
                output.WriteLine($"ok    {relative}: {endpoint.HttpMethod} {endpoint.PathTemplate} -> {becomes}");
            }
            else if (result.Event is { } page)
            {
                events++;
                output.WriteLine($"ok    {relative}: event {page.EventType} -> events.On{EventNames.TypeName(page.EventType)}");
            }
            else if (diagnostics.All(d => d.Id == DiagnosticDescriptors.NotAnApiPage.Id))
            {
                notApi++;
                if (verbose)
                {
                    output.WriteLine($"skip  {relative}: not an API page");
                }

                continue;
            }
            else
            {
                output.WriteLine($"FAIL  {relative}");
            }

            foreach (var diagnostic in diagnostics.Where(d => verbose || DiagnosticDescriptors.Find(d.Id).DefaultSeverity >= DiagnosticSeverity.Warning || (result.Endpoint is null && result.Event is null)))
            {
                output.WriteLine("      " + diagnostic.Format());
            }
        }

        output.WriteLine();
        output.WriteLine($"{files.Count} pages: {endpoints} endpoints, {events} events, {notApi} other pages, {warnings} with warnings");
        return warnings == 0 ? 0 : 1;
    }
}
