using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using FeishuGen.Generator;
using FeishuGen.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FeishuGen.Benchmarks;

/// <summary>
/// The generator over a folder of real pages (../shared/feishu-docs when present, else specs/):
/// a cold run (every page read, shaped, emitted) is the floor; an unrelated C# edit must cost a
/// tiny fraction of it, and a prose-only edit of one page only that page's read.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private AdditionalText[] _pages = Array.Empty<AdditionalText>();
    private CSharpCompilation _compilation = null!;
    private GeneratorDriver _warm = null!;
    private int _edit;

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
    }

    [Benchmark(Baseline = true, Description = "cold run")]
    public GeneratorDriver Cold() => NewDriver().RunGenerators(_compilation);

    [Benchmark(Description = "after an unrelated C# edit")]
    public GeneratorDriver UnrelatedEdit()
        => _warm.RunGenerators(_compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B" + _edit++ + " { }")));

    private GeneratorDriver NewDriver()
        => CSharpGeneratorDriver.Create(
            new[] { new FeishuSourceGenerator().AsSourceGenerator() }, _pages, null,
            new InMemoryOptionsProvider(new Dictionary<string, string>()));

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FeishuGen.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("FeishuGen.sln not found");
    }
}
