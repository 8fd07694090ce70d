using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using FeishuGen.Generator;
using FeishuGen.Generator.Emitting;
using FeishuGen.Generator.Model;
using FeishuGen.Generator.Naming;
using FeishuGen.Generator.Planning;
using FeishuGen.Generator.Reading;
using FeishuGen.Generator.Shaping;
using FeishuGen.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FeishuGen.Benchmarks;

/// <summary>
/// The generator over a folder of real pages (../shared/feishu-docs when present, else specs/):
/// a cold run (every page read, shaped, emitted) is the floor; an unrelated C# edit must cost a
/// tiny fraction of it; a field edit in one page re-reads that page, re-shapes and re-prints, and
/// adds only the files whose text changed.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private AdditionalText[] _pages = Array.Empty<AdditionalText>();
    private CSharpCompilation _compilation = null!;
    private GeneratorDriver _warm = null!;
    private GeneratorDriver _edited = null!;
    private AdditionalText _current = null!;
    private AdditionalText _original = null!;
    private AdditionalText _retyped = null!;
    private int _edit;
    private EndpointModel[] _models = Array.Empty<EndpointModel>();
    private ApiNames _names = null!;
    private PageShape[] _shapes = Array.Empty<PageShape>();
    private ApiSpec _spec = null!;
    private List<FileUnit> _units = new();

    [Params(200)]
    public int Pages { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var root = FindRoot();
        var shared = Path.Combine(root, "..", "shared", "feishu-docs");
        var folder = Directory.Exists(shared) ? shared : Path.Combine(root, "specs");
        _pages = Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal)
            .Take(Pages).Select(p => (AdditionalText)new InMemoryPage(p, File.ReadAllText(p))).ToArray();
        _compilation = CSharpCompilation.Create("Bench", new[] { CSharpSyntaxTree.ParseText("class A { }") });
        _warm = NewDriver().RunGenerators(_compilation);

        // One page's field changes type, and back: every iteration is a real edit of one page.
        var index = Array.FindIndex(_pages, p => p.GetText()!.ToString().Contains("| string | 是 |", StringComparison.Ordinal));
        _original = _current = _pages[index];
        var text = _original.GetText()!.ToString();
        var at = text.IndexOf("| string | 是 |", StringComparison.Ordinal);
        _retyped = new InMemoryPage(_original.Path, text.Substring(0, at) + "| integer | 是 |" + text.Substring(at + "| string | 是 |".Length));
        _edited = NewDriver().RunGenerators(_compilation);

        _models = _pages.Select(p => PageReader.Read(p.Path, p.GetText()!.ToString()).Endpoint).OfType<EndpointModel>().ToArray();
        _names = NameClaims.Resolve(_models.Select(NameClaim.Of), GeneratorOptions.DefaultNamespace);
        _shapes = _models.Select(m => ApiShaper.ShapePage(m, _names, GeneratorOptions.Default)).OfType<PageShape>().ToArray();
        _spec = ApiShaper.Merge(_shapes, GeneratorOptions.Default);
        _units = ApiPlan.Plan(_spec);
    }

    [Benchmark(Baseline = true, Description = "cold run")]
    public GeneratorDriver Cold() => NewDriver().RunGenerators(_compilation);

    [Benchmark(Description = "after an unrelated C# edit")]
    public GeneratorDriver UnrelatedEdit()
        => _warm.RunGenerators(_compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B" + _edit++ + " { }")));

    [Benchmark(Description = "after a field edit in one page")]
    public GeneratorDriver FieldEdit()
    {
        var next = _current == _original ? _retyped : _original;
        _edited = _edited.ReplaceAdditionalText(_current, next).RunGenerators(_compilation);
        _current = next;
        return _edited;
    }

    // The profile of a field edit, stage by stage. Reading and shaping run per page (only the edited
    // page is read and shaped again; the names step is cached when no name changed); the merge and
    // the plan run over every page's shape; printing runs for the units whose content changed.
    [Benchmark(Description = "stage: names step across pages (NameClaims)")]
    public object NamesStage() => NameClaims.Resolve(_models.Select(NameClaim.Of), GeneratorOptions.DefaultNamespace);

    [Benchmark(Description = "stage: shape one page (the edited one)")]
    public object? ShapeOnePage() => ApiShaper.ShapePage(_models[_models.Length / 2], _names, GeneratorOptions.Default);

    [Benchmark(Description = "stage: shape every page (cold)")]
    public int ShapeStage() => _models.Count(m => ApiShaper.ShapePage(m, _names, GeneratorOptions.Default) is not null);

    [Benchmark(Description = "stage: merge every page's shape (ApiShaper.Merge)")]
    public object MergeStage() => ApiShaper.Merge(_shapes, GeneratorOptions.Default);

    [Benchmark(Description = "stage: plan the files (ApiPlan.Plan)")]
    public int PlanStage() => ApiPlan.Plan(_spec).Count;

    [Benchmark(Description = "stage: print every file")]
    public int PrintStage()
    {
        var length = 0;
        foreach (var unit in _units)
        {
            length += Printer.Print(unit).Length;
        }

        return length;
    }

    private GeneratorDriver NewDriver()
        => CSharpGeneratorDriver.Create(
            new[] { new FeishuSourceGenerator().AsSourceGenerator() }, _pages, null,
            new InMemoryOptionsProvider(new Dictionary<string, string>()));

    internal static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FeishuGen.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("FeishuGen.sln not found");
    }
}
