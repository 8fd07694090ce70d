using System;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using FeishuGen.Generator;
using FeishuGen.Generator.Emitting;
using FeishuGen.Generator.Planning;
using FeishuGen.Generator.Reading;
using FeishuGen.Generator.Shaping;

namespace FeishuGen.Cli;

/// <summary><c>show &lt;page&gt;</c>: prints the endpoint (or event) model the page reads into, its diagnostics, and the C# it generates.</summary>
internal static class ShowCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static int Run(string page, string ns, System.IO.TextWriter output, System.IO.TextWriter error)
    {
        if (!File.Exists(page))
        {
            error.WriteLine("error: no such page: " + page);
            return 2;
        }

        var text = File.ReadAllText(page);
        var result = PageReader.Read(page, text);
        foreach (var diagnostic in result.Diagnostics)
        {
            output.WriteLine(diagnostic.Format());
        }

        if (result.Event is { } model)
        {
            output.WriteLine("// ==== event model");
            output.WriteLine(JsonSerializer.Serialize(model, Json));
            var events = Generation.ShapeEvents(new[] { model }, new GeneratorOptions(ns, GeneratorOptions.DefaultClientName, null));
            foreach (var file in Generation.Print(EventPlan.Plan(events)))
            {
                output.WriteLine();
                output.WriteLine("// ==== " + file.HintName);
                output.Write(file.Source);
            }

            return 0;
        }

        if (result.Endpoint is null)
        {
            var kind = PageKind.Of(result, SpecFile.TitleIn(text), SpecFile.ContentOf(text));
            error.WriteLine($"error: {page} ({kind}): nothing to show, as {kind.WhyNothing()}");
            return 1;
        }

        output.WriteLine("// ==== endpoint model");
        output.WriteLine(JsonSerializer.Serialize(result.Endpoint, Json));
        var api = Generation.ShapeApi(new[] { result.Endpoint }, new GeneratorOptions(ns, GeneratorOptions.DefaultClientName, null));
        foreach (var file in Generation.Print(ApiPlan.Plan(api)))
        {
            output.WriteLine();
            output.WriteLine("// ==== " + file.HintName);
            output.Write(file.Source);
        }

        return 0;
    }
}
