using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using FeishuGen.Generator;
using FeishuGen.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FeishuGen.Corpus;

/// <summary>
/// Where the compiler's time goes on the generated code of a whole folder (issue #11's build goal):
/// the generator alone, then compiling (to IL) the generated sources as they are, without their
/// doc comments, and with its records as classes. Each variant is compiled on its own, after
/// one warm-up compile, on this process's Roslyn.
/// Usage: FeishuGen.Corpus --compile-profile &lt;folder&gt;
/// </summary>
internal static class CompileProfile
{
    public static int Run(string folder)
    {
        var texts = Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => (AdditionalText)new InMemoryPage(f, File.ReadAllText(f))).ToImmutableArray();
        var parse = new CSharpParseOptions(LanguageVersion.CSharp12, DocumentationMode.None);
        var options = new InMemoryOptionsProvider(new Dictionary<string, string> { ["FeishuGenNamespace"] = CorpusCompiler.Namespace, ["FeishuGenExamples"] = "false" });
        var empty = CSharpCompilation.Create("Profile", Array.Empty<SyntaxTree>(), CorpusCompiler.References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, optimizationLevel: OptimizationLevel.Debug));
        var clock = Stopwatch.StartNew();
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new FeishuSourceGenerator().AsSourceGenerator() }, texts, parse, options);
        driver = driver.RunGenerators(empty);
        var generated = driver.GetRunResult().Results.Single().GeneratedSources;
        Console.WriteLine($"generator: {texts.Length} pages, {generated.Length} files in {clock.Elapsed.TotalSeconds:0.0} s");

        var sources = generated.Select(s => (s.HintName, Text: s.SourceText.ToString())).ToList();
        Compile("warm-up (as generated)", empty, parse, sources, s => s);
        Compile("as generated", empty, parse, sources, s => s);
        Compile("as generated, doc comments parsed", empty, parse.WithDocumentationMode(DocumentationMode.Parse), sources, s => s);
        Compile("records as classes", empty, parse, sources, s => s.Replace("sealed partial record ", "sealed partial class ").Replace("next = next with { PageToken = page.PageToken };", "next.PageToken = page.PageToken;"));
        return 0;
    }

    private static void Compile(string name, CSharpCompilation empty, CSharpParseOptions parse, IReadOnlyList<(string HintName, string Text)> sources, Func<string, string> change)
    {
        var clock = Stopwatch.StartNew();
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(change(s.Text), parse, s.HintName)).ToList();
        var parsed = clock.Elapsed;
        using var stream = new MemoryStream();
        var result = empty.AddSyntaxTrees(trees).Emit(stream);
        var errors = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        Console.WriteLine($"{name}: {clock.Elapsed.TotalSeconds:0.0} s (parse {parsed.TotalSeconds:0.0} s), {sources.Count} files, {stream.Length / 1048576.0:0.0} MB, {errors} errors{(errors > 0 ? ": " + result.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error) : string.Empty)}");
    }
}
