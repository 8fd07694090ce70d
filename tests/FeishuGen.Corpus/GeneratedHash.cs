using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using FeishuGen.Generator;
using FeishuGen.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FeishuGen.Corpus;

/// <summary>
/// <c>--hash &lt;folder&gt;…</c>: runs the generator over every page of each folder (no compilation)
/// and prints one SHA-256 of everything it generated (each file's hint name and text, in hint
/// order) and one of its diagnostics. A refactoring of the generator leaves both unchanged.
/// </summary>
internal static class GeneratedHash
{
    public static int Run(IEnumerable<string> folders)
    {
        foreach (var folder in folders.Select(Path.GetFullPath))
        {
            var pages = Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => (AdditionalText)new InMemoryPage(Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllText(f)))
                .ToImmutableArray();
            var properties = new Dictionary<string, string> { ["FeishuGenNamespace"] = CorpusCompiler.Namespace };
            GeneratorDriver driver = CSharpGeneratorDriver.Create(
                new[] { new FeishuSourceGenerator().AsSourceGenerator() }, pages, new CSharpParseOptions(LanguageVersion.CSharp12), new InMemoryOptionsProvider(properties));
            driver = driver.RunGenerators(CSharpCompilation.Create("Hash"));
            var result = driver.GetRunResult().Results.Single();
            var sources = result.GeneratedSources.OrderBy(s => s.HintName, StringComparer.Ordinal).ToList();
            var code = new StringBuilder();
            foreach (var source in sources)
            {
                code.Append(source.HintName).Append('\n').Append(source.SourceText.ToString()).Append('\n');
            }

            var diagnostics = string.Join("\n", result.Diagnostics.Select(d => d.Id + " " + d.Location.GetLineSpan() + " " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).OrderBy(d => d, StringComparer.Ordinal));
            Console.WriteLine($"{Path.GetFileName(folder)}: generated {Sha(code.ToString())} ({sources.Count} files, {code.Length} chars); diagnostics {Sha(diagnostics)} ({result.Diagnostics.Length}){(result.Exception is null ? string.Empty : "; generator exception: " + result.Exception.Message)}");
        }

        return 0;
    }

    private static string Sha(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant()[..16];
}
