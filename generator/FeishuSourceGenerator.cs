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

        // The API's pages and the event pages take the same stages in steps of their own: adding or
        // editing an event page never re-shapes or re-prints the API's methods, and the reverse.
        Register(context, pages, options, pageLines, new PagePath<EndpointModel, NameClaim, ApiNames, PageShape>(
            static result => result.Endpoint,
            NameClaim.Of,
            static (claims, options) => NameClaims.Resolve(claims, options.RootNamespace),
            static names => names.Diagnostics,
            ApiShaper.ShapePage,
            static (shapes, options) => Plan(shapes, all => ApiPlan.Plan(ApiShaper.Merge(all, options)), s => s.SpecPath, s => s.Failures, events: false),
            TrackingNames.Model, TrackingNames.Names, TrackingNames.Shape, TrackingNames.Plan));
        Register(context, pages, options, pageLines, new PagePath<EventModel, EventClaim, EventPlanNames, EventShape>(
            static result => result.Event,
            static model => new EventClaim(model.SpecPath, model.EventType),
            static (claims, options) => EventPlanNames.Resolve(claims, options.RootNamespace),
            static names => names.Diagnostics,
            static (model, names, _) => EventShaper.ShapePage(model, names),
            static (shapes, options) => Plan(shapes, all => EventPlan.Plan(EventShaper.Merge(all, options)), s => s.SpecPath, s => s.Failures, events: true),
            TrackingNames.EventModel, TrackingNames.EventNames, TrackingNames.EventShape, TrackingNames.EventPlan));
    }

    /// <summary>One kind of page's way through the stages after Read, and the names of its steps.</summary>
    private sealed record PagePath<TModel, TClaim, TNames, TShape>(
        Func<PageReadResult, TModel?> Model,
        Func<TModel, TClaim> Claim,
        Func<ImmutableArray<TClaim>, GeneratorOptions, TNames> Names,
        Func<TNames, EquatableArray<DiagnosticInfo>> NameDiagnostics,
        Func<TModel, TNames, GeneratorOptions, TShape?> Shape,
        Func<ImmutableArray<TShape>, GeneratorOptions, PlannedFiles> Plan,
        string ModelStep,
        string NamesStep,
        string ShapeStep,
        string PlanStep)
        where TModel : class
        where TShape : class;

    // Names (across pages, names only) → Shape (each page on its own) → Plan (merge, files) → Print (each file).
    private static void Register<TModel, TClaim, TNames, TShape>(
        IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<PageReadResult> pages, IncrementalValueProvider<GeneratorOptions> options,
        IncrementalValueProvider<ImmutableArray<PageLine>> pageLines, PagePath<TModel, TClaim, TNames, TShape> path)
        where TModel : class
        where TShape : class
    {
        var models = pages
            .Select((result, _) => path.Model(result))
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .WithTrackingName(path.ModelStep);

        var names = models
            .Select((model, _) => path.Claim(model))
            .Collect()
            .Combine(options)
            .Select((pair, _) => path.Names(pair.Left, pair.Right))
            .WithTrackingName(path.NamesStep);
        var placed = names
            .Select((n, _) => path.NameDiagnostics(n))
            .Combine(pageLines)
            .Select(static (pair, _) => DiagnosticPlacement.AtPageLines(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.NameDiagnostics);
        context.RegisterSourceOutput(placed, Report);

        var shapes = models
            .Combine(names)
            .Combine(options)
            .Select((input, _) => path.Shape(input.Left.Left, input.Left.Right, input.Right))
            .WithTrackingName(path.ShapeStep)
            .Where(static shape => shape is not null)
            .Select(static (shape, _) => shape!);

        var planned = shapes
            .Collect()
            .Combine(options)
            .Select((pair, _) => path.Plan(pair.Left, pair.Right))
            .WithTrackingName(path.PlanStep);
        RegisterFiles(context, planned);
    }

    /// <summary>The merge of every page's shape and the plan of the files; a page that breaks them is left out with FSG0013.</summary>
    internal static PlannedFiles Plan<TShape>(
        ImmutableArray<TShape> shapes, Func<IReadOnlyList<TShape>, List<FileUnit>> plan, Func<TShape, string> pathOf, Func<TShape, EquatableArray<DiagnosticInfo>> failuresOf, bool events)
    {
        var failures = new List<DiagnosticInfo>();
        var units = Isolation.Pages(shapes, plan, pathOf, new List<FileUnit>(), failures, events);
        return new PlannedFiles(units.ToEquatableArray(), shapes.SelectMany(s => (IEnumerable<DiagnosticInfo>)failuresOf(s)).Concat(failures).ToEquatableArray());
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
