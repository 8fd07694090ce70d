using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using FeishuGen.Generator;
using FeishuGen.TestSupport;
using Markdig;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FeishuGen.Benchmarks;

/// <summary>
/// Issue #11, goal 3: the generator's cold run over every page of one form of ../shared, against
/// the floor of Markdig parsing the same pages (with the pipeline the reader uses) and nothing else.
/// Each form is its own group, so each ratio is read inside one form; the reader alone shows how
/// much of the gap is reading and how much shaping, printing and the driver's own work.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByParams)]
public class ColdRunBenchmarks
{
    // The reader's own pipeline (GFM pipe tables, YAML front matter, ':::' containers): the floor is Markdig doing the parse the reader does.
    private static readonly MarkdownPipeline Pipeline = FeishuGen.Generator.Reading.PageOutline.Pipeline;
    private AdditionalText[] _pages = Array.Empty<AdditionalText>();
    private string[] _texts = Array.Empty<string>();
    private string[] _paths = Array.Empty<string>();
    private CSharpCompilation _compilation = null!;

    [Params("feishu-docs", "feishu-docs-portal", "feishu-docs-markdown")]
    public string Form { get; set; } = "feishu-docs";

    [GlobalSetup]
    public void Setup()
    {
        var folder = Path.Combine(GeneratorBenchmarks.FindRoot(), "..", "shared", Form);
        _paths = Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal).ToArray();
        _texts = _paths.Select(File.ReadAllText).ToArray();
        _pages = _paths.Select((path, i) => (AdditionalText)new InMemoryPage(path, _texts[i])).ToArray();
        _compilation = CSharpCompilation.Create("Bench", new[] { CSharpSyntaxTree.ParseText("class A { }") });
    }

    [Benchmark(Baseline = true, Description = "Markdig parse only (floor)")]
    public int MarkdigFloor()
    {
        var blocks = 0;
        foreach (var text in _texts)
        {
            blocks += Markdown.Parse(text, Pipeline).Count;
        }

        return blocks;
    }

    // The profile of the gap: reading alone (Markdig plus the tables, samples and naming). Issue #19's goal: at most 2x the floor on every form.
    [Benchmark(Description = "reader only (every page to its model)")]
    public int ReaderOnly()
    {
        var endpoints = 0;
        for (var i = 0; i < _texts.Length; i++)
        {
            endpoints += FeishuGen.Generator.Reading.PageReader.Read(_paths[i], _texts[i]).Endpoint is null ? 0 : 1;
        }

        return endpoints;
    }

    [Benchmark(Description = "generator cold run (read, shape, emit)")]
    public GeneratorDriver Generator()
        => CSharpGeneratorDriver.Create(
            new[] { new FeishuSourceGenerator().AsSourceGenerator() }, _pages, null,
            new InMemoryOptionsProvider(new Dictionary<string, string>())).RunGenerators(_compilation);
}
