using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using FeishuGen.Generator;
using FeishuGen.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace FeishuGen.Corpus;

/// <summary>What generating and compiling all pages together produced.</summary>
internal sealed record CompiledCorpus(
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    IReadOnlyList<Diagnostic> CompileProblems,
    Assembly? Assembly,
    string Namespace,
    int GeneratedFiles,
    int GeneratedLines,
    CodeSize Size);

/// <summary>
/// Runs FeishuGen over every page of a folder in one generator run, compiles the output into one
/// assembly (documentation mode on, so a missing XML doc is a warning) and loads it.
/// </summary>
internal static class CorpusCompiler
{
    public const string Namespace = "Corpus.Api";

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12, DocumentationMode.Diagnose);

    public static CompiledCorpus Compile(string folder, IReadOnlyList<(string Path, string Text)> pages)
    {
        var texts = pages.Select(p => (AdditionalText)new InMemoryPage(p.Path, p.Text)).ToImmutableArray();
        var properties = new Dictionary<string, string>
        {
            ["FeishuGenNamespace"] = Namespace,
            ["projectdir"] = folder,
        };
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new FeishuSourceGenerator().AsSourceGenerator() }, texts, ParseOptions, new InMemoryOptionsProvider(properties));
        var compilation = CSharpCompilation.Create(
            "FeishuCorpus",
            Array.Empty<SyntaxTree>(),
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999)
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));

        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var trees = output.SyntaxTrees.ToList();
        var lines = trees.Sum(t => t.GetText().Lines.Count);
        using var stream = new MemoryStream();
        var emit = output.Emit(stream);
        var size = CodeSize.Measure(trees, emit.Success ? stream.ToArray() : Array.Empty<byte>());
        var problems = emit.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assembly? assembly = null;
        if (emit.Success)
        {
            stream.Position = 0;
            assembly = AssemblyLoadContext.Default.LoadFromStream(stream);
        }

        return new CompiledCorpus(generatorDiagnostics, problems, assembly, Namespace, trees.Count, lines, size);
    }

    /// <summary>Runs only the generator (no compilation) and returns its diagnostics, exceptions included.</summary>
    public static ImmutableArray<Diagnostic> Generate(IReadOnlyList<(string Path, string Text)> pages)
    {
        var texts = pages.Select(p => (AdditionalText)new InMemoryPage(p.Path, p.Text)).ToImmutableArray();
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new FeishuSourceGenerator().AsSourceGenerator() }, texts, ParseOptions, new InMemoryOptionsProvider(new Dictionary<string, string>()));
        var compilation = CSharpCompilation.Create("Mutants", Array.Empty<SyntaxTree>(), Array.Empty<MetadataReference>());
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out _, out var diagnostics);
        var result = driver.GetRunResult().Results.Single();
        return result.Exception is null ? diagnostics : diagnostics.Add(Diagnostic.Create("CS8785", "Generator", result.Exception.Message, DiagnosticSeverity.Warning, DiagnosticSeverity.Warning, true, 0));
    }

    internal static MetadataReference[] References()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return platform.Append(typeof(FeishuClient).Assembly.Location)
            .Append(typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection).Assembly.Location)
            .Where(File.Exists)
            .Distinct()
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToArray();
    }
}
