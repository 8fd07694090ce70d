using System;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using FeishuGen.Generator.Emitting;
using FeishuGen.Generator.Reading;
using FeishuGen.Generator.Shaping;

namespace FeishuGen.Cli;

/// <summary><c>show &lt;page&gt;</c>: prints the endpoint model the page reads into, its diagnostics, and the C# it generates.</summary>
internal static class ShowCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static int Run(string page, string ns)
    {
        if (!File.Exists(page))
        {
            Console.Error.WriteLine("No such page: " + page);
            return 2;
        }

        var result = PageReader.Read(page, File.ReadAllText(page));
        foreach (var diagnostic in result.Diagnostics)
        {
            Console.WriteLine(diagnostic.Format());
        }

        if (result.Endpoint is null)
        {
            return 1;
        }

        Console.WriteLine("// ==== endpoint model");
        Console.WriteLine(JsonSerializer.Serialize(result.Endpoint, Json));
        var api = ApiShaper.Shape(new[] { result.Endpoint }, new GeneratorOptions(ns, GeneratorOptions.DefaultClientName, null));
        foreach (var file in ApiEmitter.Emit(api))
        {
            Console.WriteLine();
            Console.WriteLine("// ==== " + file.HintName);
            Console.Write(file.Source);
        }

        return 0;
    }
}
