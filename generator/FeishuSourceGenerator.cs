using System;
using System.Collections.Immutable;
using System.Linq;
using FeishuGen.Generator.Diagnostics;
using FeishuGen.Generator.Emitting;
using FeishuGen.Generator.Model;
using FeishuGen.Generator.Reading;
using FeishuGen.Generator.Shaping;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FeishuGen.Generator;

/// <summary>
/// Turns Feishu API documentation pages (Markdown AdditionalFiles) into typed requests,
/// responses and client methods. Each page is read once per edit into a value-only model; the
/// C# compilation never enters the pipeline, so typing in C# files never re-reads a page.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class FeishuSourceGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // The examples are for the local server only: kept when the project can run it. The
        // compilation changes on every edit, but this bool does not, so nothing below re-runs.
        var referencesTestServer = context.CompilationProvider
            .Select(static (compilation, _) => compilation.ReferencedAssemblyNames.Any(static a => a.Name == TestServerAssembly))
            .WithTrackingName(TrackingNames.ReferencesTestServer);
        var options = context.AnalyzerConfigOptionsProvider
            .Combine(referencesTestServer)
            .Select(static (pair, _) => ReadOptions(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Options);

        var pages = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(static pair => IsSpecPage(pair.Left, pair.Right))
            .Select(static (pair, cancellationToken) => pair.Left)
            .WithTrackingName(TrackingNames.Pages)
            .Select(static (text, cancellationToken) => PageReader.Read(text.Path, text.GetText(cancellationToken)?.ToString() ?? string.Empty))
            .WithTrackingName(TrackingNames.Parse);

        var diagnostics = pages
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, Report);

        var api = pages
            .Select(static (result, _) => result.Endpoint)
            .WithTrackingName(TrackingNames.Model)
            .Where(static endpoint => endpoint is not null)
            .Collect()
            .Combine(options)
            .Select(static (pair, _) => ApiShaper.ShapeSafely(pair.Left.Select(e => e!), pair.Right))
            .WithTrackingName(TrackingNames.Api);

        // Diagnostics about the API as a whole go to the lines the pages declare their endpoints on,
        // in an output of their own: moving lines re-reports them without re-emitting any source.
        var pageLines = pages
            .Where(static result => result.Endpoint is not null)
            .Select(static (result, _) => new PageLine(result.Endpoint!.SpecPath, result.EndpointLine))
            .Collect()
            .WithTrackingName(TrackingNames.PageLines);
        var apiDiagnostics = api
            .Select(static (spec, _) => spec.Diagnostics)
            .Combine(pageLines)
            .Select(static (pair, _) => DiagnosticPlacement.AtPageLines(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.ApiDiagnostics);
        context.RegisterSourceOutput(apiDiagnostics, Report);

        // Every file is its own pipeline value with its own output: after an edit, only the files whose
        // text changed are added again, so the compiler re-reads those and keeps the rest. A page whose
        // code cannot be emitted is left out with FSG0013; the others are generated.
        var planned = api
            .Select(static (spec, _) => new PlannedFiles(ApiEmitter.PlanIsolated(spec, out var failures).ToEquatableArray(), failures.ToEquatableArray()))
            .WithTrackingName(TrackingNames.Emit);
        context.RegisterSourceOutput(planned.Select(static (result, _) => result.Failures), Report);

        // Each unit is printed on its own: after an edit, only the units whose content changed are
        // printed again, and only the files whose text changed are added again.
        var printed = planned
            .SelectMany(static (result, _) => result.Units)
            .WithTrackingName(TrackingNames.Units)
            .Select(static (unit, _) => ApiEmitter.PrintSafely(unit))
            .WithTrackingName(TrackingNames.Files);
        context.RegisterSourceOutput(printed, static (spc, result) =>
        {
            Report(spc, result.Failures);
            if (result.File is { } file)
            {
                spc.AddSource(file.HintName, file.Source);
            }
        });

        RegisterEvents(context, pages, options);
    }

    // Events have their own collect and output: adding or editing an event page never re-shapes
    // or re-emits the API's methods, and the reverse.
    private static void RegisterEvents(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<PageReadResult> pages, IncrementalValueProvider<GeneratorOptions> options)
    {
        var events = pages
            .Select(static (result, _) => result.Event)
            .Where(static model => model is not null)
            .WithTrackingName(TrackingNames.EventModel)
            .Collect()
            .Combine(options)
            .Select(static (pair, _) => EventShaper.ShapeSafely(pair.Left.Select(e => e!), pair.Right))
            .WithTrackingName(TrackingNames.Events)
            .Select(static (spec, _) =>
            {
                var files = EventEmitter.EmitSafely(spec, out var failure);
                return EmittedFiles.Of(files, failure is null ? spec.Diagnostics : spec.Diagnostics.Append(failure));
            });
        context.RegisterSourceOutput(events.Select(static (result, _) => result.Failures), Report);
        context.RegisterSourceOutput(
            events.SelectMany(static (result, _) => result.Files).WithTrackingName(TrackingNames.EventFiles),
            static (spc, file) => spc.AddSource(file.HintName, file.Source));
    }

    private const string TestServerAssembly = "FeishuGen.Testing";

    private static void Report(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }

    private static GeneratorOptions ReadOptions(AnalyzerConfigOptionsProvider provider, bool referencesTestServer)
    {
        var global = provider.GlobalOptions;
        string? Get(string name) => global.TryGetValue("build_property." + name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        var ns = Get("FeishuGenNamespace") ?? GeneratorOptions.DefaultNamespace;
        var client = Get("FeishuGenClientName") ?? GeneratorOptions.DefaultClientName;
        var examples = Get("FeishuGenExamples");
        var includeExamples = examples is null ? referencesTestServer : string.Equals(examples, "true", StringComparison.OrdinalIgnoreCase);
        return new GeneratorOptions(ns, client, Get("projectdir")) { IncludeExamples = includeExamples };
    }

    // Markdown AdditionalFiles are pages unless the build says otherwise for that file
    // (FeishuGenExclude metadata, set by the package's props for excluded pages).
    private static bool IsSpecPage(AdditionalText text, AnalyzerConfigOptionsProvider provider)
    {
        if (!text.Path.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var fileOptions = provider.GetOptions(text);
        return !(fileOptions.TryGetValue("build_metadata.AdditionalFiles.FeishuGenExclude", out var exclude)
            && string.Equals(exclude, "true", StringComparison.OrdinalIgnoreCase));
    }
}
