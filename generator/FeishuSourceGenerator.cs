using System;
using System.Collections.Immutable;
using System.Linq;
using System.Collections.Generic;
using FeishuGen.Generator.Diagnostics;
using FeishuGen.Generator.Emitting;
using FeishuGen.Generator.Model;
using FeishuGen.Generator.Naming;
using FeishuGen.Generator.Planning;
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
            .WithTrackingName(TrackingNames.Read);

        var diagnostics = pages
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, Report);

        // Diagnostics about pages against each other go to the lines the pages declare their endpoints
        // on, in an output of their own: moving lines re-reports them without re-emitting any source.
        var pageLines = pages
            .Where(static result => result.Endpoint is not null)
            .Select(static (result, _) => new PageLine(result.Endpoint!.SpecPath, result.EndpointLine))
            .Collect()
            .WithTrackingName(TrackingNames.PageLines);

        RegisterApi(context, pages, options, pageLines);
        RegisterEvents(context, pages, options, pageLines);
    }

    // Read → Names (across pages, names only) → Shape (each page on its own) → Plan (merge, files) → Print (each file).
    private static void RegisterApi(
        IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<PageReadResult> pages, IncrementalValueProvider<GeneratorOptions> options, IncrementalValueProvider<ImmutableArray<PageLine>> pageLines)
    {
        var endpoints = pages
            .Select(static (result, _) => result.Endpoint)
            .Where(static endpoint => endpoint is not null)
            .Select(static (endpoint, _) => endpoint!)
            .WithTrackingName(TrackingNames.Model);

        var names = endpoints
            .Select(static (endpoint, _) => NameClaim.Of(endpoint))
            .Collect()
            .Combine(options)
            .Select(static (pair, _) => NameClaims.Resolve(pair.Left, pair.Right.RootNamespace))
            .WithTrackingName(TrackingNames.Names);
        ReportAtPageLines(context, names.Select(static (n, _) => n.Diagnostics), pageLines);

        var shapes = endpoints
            .Combine(names)
            .Combine(options)
            .Select(static (input, _) => ApiShaper.ShapePage(input.Left.Left, input.Left.Right, input.Right))
            .WithTrackingName(TrackingNames.Shape)
            .Where(static shape => shape is not null)
            .Select(static (shape, _) => shape!);

        var planned = shapes
            .Collect()
            .Combine(options)
            .Select(static (pair, _) => MergeAndPlan(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Plan);
        RegisterFiles(context, planned);
    }

    private static void RegisterEvents(
        IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<PageReadResult> pages, IncrementalValueProvider<GeneratorOptions> options, IncrementalValueProvider<ImmutableArray<PageLine>> pageLines)
    {
        // Events have their own names and merge: adding or editing an event page never re-shapes or
        // re-prints the API's methods, and the reverse.
        var events = pages
            .Select(static (result, _) => result.Event)
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .WithTrackingName(TrackingNames.EventModel);

        var names = events
            .Select(static (model, _) => new EventClaim(model.SpecPath, model.EventType))
            .Collect()
            .Combine(options)
            .Select(static (pair, _) => EventPlanNames.Resolve(pair.Left, pair.Right.RootNamespace))
            .WithTrackingName(TrackingNames.EventNames);
        ReportAtPageLines(context, names.Select(static (n, _) => n.Diagnostics), pageLines);

        var shapes = events
            .Combine(names)
            .Select(static (input, _) => EventShaper.ShapePage(input.Left, input.Right))
            .WithTrackingName(TrackingNames.EventShape)
            .Where(static shape => shape is not null)
            .Select(static (shape, _) => shape!);

        var planned = shapes
            .Collect()
            .Combine(options)
            .Select(static (pair, _) => MergeAndPlan(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.EventPlan);
        RegisterFiles(context, planned);
    }

    /// <summary>The merge of every page's shape and the plan of the files; a page that breaks them is left out with FSG0013.</summary>
    internal static PlannedFiles MergeAndPlan(ImmutableArray<PageShape> shapes, GeneratorOptions options)
    {
        var failures = new List<DiagnosticInfo>();
        var units = Isolation.Pages(shapes, all => ApiPlan.Plan(ApiShaper.Merge(all, options)), s => s.SpecPath, new List<FileUnit>(), failures);
        return new PlannedFiles(units.ToEquatableArray(), shapes.SelectMany(s => s.Failures).Concat(failures).ToEquatableArray());
    }

    /// <summary>The events' merge and plan, like <see cref="MergeAndPlan(ImmutableArray{PageShape}, GeneratorOptions)"/>.</summary>
    internal static PlannedFiles MergeAndPlan(ImmutableArray<EventShape> shapes, GeneratorOptions options)
    {
        var failures = new List<DiagnosticInfo>();
        var units = Isolation.Pages(shapes, all => EventPlan.Plan(EventShaper.Merge(all, options)), s => s.SpecPath, new List<FileUnit>(), failures, events: true);
        return new PlannedFiles(units.ToEquatableArray(), shapes.SelectMany(s => s.Failures).Concat(failures).ToEquatableArray());
    }

    // Every file is its own pipeline value with its own output: after an edit, only the units whose
    // content changed are printed again, and only the files whose text changed are added again.
    private static void RegisterFiles(IncrementalGeneratorInitializationContext context, IncrementalValueProvider<PlannedFiles> planned)
    {
        context.RegisterSourceOutput(planned.Select(static (result, _) => result.Failures), Report);
        var printed = planned
            .SelectMany(static (result, _) => result.Units)
            .WithTrackingName(TrackingNames.Units)
            .Select(static (unit, _) => Printer.PrintSafely(unit))
            .WithTrackingName(TrackingNames.Print);
        context.RegisterSourceOutput(printed, static (spc, result) =>
        {
            Report(spc, result.Failures);
            if (result.File is { } file)
            {
                spc.AddSource(file.HintName, file.Source);
            }
        });
    }

    private static void ReportAtPageLines(IncrementalGeneratorInitializationContext context, IncrementalValueProvider<EquatableArray<DiagnosticInfo>> diagnostics, IncrementalValueProvider<ImmutableArray<PageLine>> pageLines)
    {
        var placed = diagnostics
            .Combine(pageLines)
            .Select(static (pair, _) => DiagnosticPlacement.AtPageLines(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.NameDiagnostics);
        context.RegisterSourceOutput(placed, Report);
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
