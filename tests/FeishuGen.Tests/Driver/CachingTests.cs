using System.Linq;
using FeishuGen.Generator;
using FeishuGen.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace FeishuGen.Tests.Driver;

/// <summary>The incremental pipeline: what each kind of edit re-runs.</summary>
public sealed class CachingTests
{
    private const string SeedPath = "/p/specs/seed.md";

    [Fact]
    public void An_unrelated_csharp_edit_leaves_every_page_step_cached()
    {
        var compilation = GeneratorHarness.Compilation("namespace User { internal static class A { } }");
        var driver = GeneratorHarness.Driver(new[] { GeneratorHarness.Page(SeedPath, Repo.ReadSeed()) }).RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace User { internal static class B { } }", GeneratorHarness.ParseOptions));
        driver = driver.RunGenerators(edited);

        Assert.All(GeneratorHarness.Reasons(driver, TrackingNames.Read), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.All(GeneratorHarness.Reasons(driver, TrackingNames.Model), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.All(GeneratorHarness.Reasons(driver, TrackingNames.Shape), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.All(GeneratorHarness.Reasons(driver, TrackingNames.Plan), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.NotEmpty(GeneratorHarness.Reasons(driver, TrackingNames.Read));
    }

    [Fact]
    public void A_prose_only_edit_reparses_the_page_but_leaves_the_model_unchanged()
    {
        var seed = Repo.ReadSeed();
        var page = GeneratorHarness.Page(SeedPath, seed);
        var driver = GeneratorHarness.Driver(new[] { page }).RunGenerators(GeneratorHarness.Compilation());

        // Only a code comment in the Java sample changes: nothing the generated code depends on.
        var prose = seed.Replace("// 构建client", "// 构建 client 实例");
        Assert.NotEqual(seed, prose);
        driver = driver.ReplaceAdditionalText(page, GeneratorHarness.Page(SeedPath, prose)).RunGenerators(GeneratorHarness.Compilation());

        Assert.Contains(IncrementalStepRunReason.Modified, GeneratorHarness.Reasons(driver, TrackingNames.Pages));
        Assert.All(GeneratorHarness.Reasons(driver, TrackingNames.Read), r => Assert.Equal(IncrementalStepRunReason.Unchanged, r));
        Assert.All(GeneratorHarness.Reasons(driver, TrackingNames.Model), r => Assert.Contains(r, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
        Assert.All(GeneratorHarness.Reasons(driver, TrackingNames.Shape), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.All(GeneratorHarness.Reasons(driver, TrackingNames.Plan), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
    }

    [Fact]
    public void A_changed_field_modifies_the_model_and_the_generated_code()
    {
        var seed = Repo.ReadSeed();
        var page = GeneratorHarness.Page(SeedPath, seed);
        var driver = GeneratorHarness.Driver(new[] { page }).RunGenerators(GeneratorHarness.Compilation());

        var changed = seed.Replace("| result_time | string | 是 |", "| result_time | integer | 是 |");
        Assert.NotEqual(seed, changed);
        driver = driver.ReplaceAdditionalText(page, GeneratorHarness.Page(SeedPath, changed)).RunGenerators(GeneratorHarness.Compilation());

        Assert.Contains(IncrementalStepRunReason.Modified, GeneratorHarness.Reasons(driver, TrackingNames.Model));
        Assert.Contains(IncrementalStepRunReason.Modified, GeneratorHarness.Reasons(driver, TrackingNames.Shape));
        Assert.Contains(IncrementalStepRunReason.Modified, GeneratorHarness.Reasons(driver, TrackingNames.Plan));
        var request = driver.GetRunResult().GeneratedTrees.Single(t => t.FilePath.EndsWith("UpdateResultEcoBackgroundCheckRequest.g.cs"));
        Assert.Contains("public required long ResultTime", request.ToString());
    }

    [Fact]
    public void Running_twice_with_nothing_changed_caches_every_step()
    {
        var compilation = GeneratorHarness.Compilation();
        var driver = GeneratorHarness.Driver(new[] { GeneratorHarness.Page(SeedPath, Repo.ReadSeed()) }).RunGenerators(compilation);
        driver = driver.RunGenerators(compilation);
        var steps = driver.GetRunResult().Results.Single().TrackedSteps;
        foreach (var name in new[] { TrackingNames.Pages, TrackingNames.Read, TrackingNames.Model, TrackingNames.Names, TrackingNames.Shape, TrackingNames.Plan, TrackingNames.Print })
        {
            Assert.All(steps[name].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        }
    }

    [Fact]
    public void With_many_pages_loaded_a_field_edit_re_adds_only_that_pages_files()
    {
        // 300 real pages beside the seed: hundreds of files whose text must not be added again.
        var pages = System.IO.Directory.EnumerateFiles(System.IO.Path.Combine(Repo.Root, "..", "shared", "feishu-docs"), "*.md", System.IO.SearchOption.AllDirectories)
            .OrderBy(p => p, System.StringComparer.Ordinal).Take(300)
            .Select(p => GeneratorHarness.Page(p, System.IO.File.ReadAllText(p))).ToList();
        var seed = GeneratorHarness.Page(SeedPath, Repo.ReadSeed());
        pages.Add(seed);
        var driver = GeneratorHarness.Driver(pages).RunGenerators(GeneratorHarness.Compilation());
        var files = GeneratorHarness.Reasons(driver, TrackingNames.Print).Count();

        var changed = Repo.ReadSeed().Replace("| result_time | string | 是 |", "| result_time | integer | 是 |");
        driver = driver.ReplaceAdditionalText(seed, GeneratorHarness.Page(SeedPath, changed)).RunGenerators(GeneratorHarness.Compilation());

        var outputs = driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.Print].SelectMany(s => s.Outputs).ToList();
        var readded = outputs.Where(o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New)
            .Select(o => ((FeishuGen.Generator.Emitting.PrintedFile)o.Value).File!.HintName).OrderBy(h => h, System.StringComparer.Ordinal).ToList();
        Assert.True(files > 1000, files + " files");
        Assert.Equal(new[] { "Hire.V1.UpdateResultEcoBackgroundCheckRequest.g.cs" }, readded); // the one record whose text changed
        Assert.Equal(files - readded.Count, outputs.Count(o => o.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached));

        // Printing ran only for the units whose content changed (the record, and the resource and
        // catalogue part that describe the same endpoint); every other unit was compared and kept.
        var reprinted = driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.Units].SelectMany(s => s.Outputs)
            .Where(o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New)
            .Select(o => ((FeishuGen.Generator.Planning.FileUnit)o.Value).HintName).ToList();
        Assert.Contains("Hire.V1.UpdateResultEcoBackgroundCheckRequest.g.cs", reprinted);
        Assert.True(reprinted.Count <= 5, string.Join(", ", reprinted));

        // Shaping ran for the edited page only: every other page's shape was cached, and the names
        // step, whose claims did not change, was not run again.
        var shapes = driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.Shape].SelectMany(s => s.Outputs).ToList();
        Assert.True(shapes.Count > 200, shapes.Count + " shapes");
        Assert.Equal(1, shapes.Count(o => o.Reason == IncrementalStepRunReason.Modified));
        Assert.Equal(shapes.Count - 1, shapes.Count(o => o.Reason == IncrementalStepRunReason.Cached));
        Assert.All(GeneratorHarness.Reasons(driver, TrackingNames.Names), r => Assert.Contains(r, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
    }
}
