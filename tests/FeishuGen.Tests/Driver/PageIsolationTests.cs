using System;
using System.IO;
using System.Linq;
using FeishuGen.Generator;
using FeishuGen.Generator.Emitting;
using FeishuGen.Generator.Naming;
using FeishuGen.Generator.Planning;
using FeishuGen.Generator.Reading;
using FeishuGen.Generator.Shaping;
using FeishuGen.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FeishuGen.Tests.Driver;

/// <summary>One page never breaks the others, and adding a page never moves another page's method.</summary>
public sealed class PageIsolationTests
{
    private const string SeedPath = "/p/specs/seed.md";

    [Fact]
    public void A_page_that_fails_to_plan_gets_FSG0013_at_its_file_and_every_other_page_is_generated()
    {
        var pages = new[] { SeedPath, "/p/specs/chats.md", "/p/specs/bad.md" };
        var texts = new[] { Repo.ReadSeed(), File.ReadAllText(Path.Combine(Repo.Root, "specs", "群组", "获取群列表.md")), Repo.ReadSeed().Replace("/eco_background_checks/update_result", "/eco_background_checks/retry") };
        var models = pages.Select((path, i) => PageReader.Read(path, texts[i]).Endpoint!).ToList();
        var names = NameClaims.Resolve(models.Select(NameClaim.Of), GeneratorOptions.DefaultNamespace);
        var shapes = models.Select(m => ApiShaper.ShapePage(m, names, GeneratorOptions.Default)!).ToList();

        // A stage that breaks on the bad page only, as a planning bug would; the same helper isolates shaping, planning and printing.
        var failures = new System.Collections.Generic.List<FeishuGen.Generator.Diagnostics.DiagnosticInfo>();
        var units = Isolation.Pages(shapes, all => all.Any(s => s.SpecPath == "/p/specs/bad.md") ? throw new NullReferenceException("planning bug") : ApiPlan.Plan(ApiShaper.Merge(all, GeneratorOptions.Default)), s => s.SpecPath, new System.Collections.Generic.List<FileUnit>(), failures);
        var files = Generation.Print(units);

        var failure = Assert.Single(failures);
        Assert.Equal("FSG0013", failure.Id);
        Assert.Equal("/p/specs/bad.md", failure.FilePath);
        Assert.Contains("NullReferenceException: planning bug", failure.Format());
        var output = GeneratorHarness.Compilation(files.Select(f => f.Source).ToArray());
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.NotNull(output.GetTypeByMetadataName("FeishuGen.Api.Hire.V1.EcoBackgroundCheckApi")!.GetMembers("UpdateResultAsync").FirstOrDefault());
        Assert.NotNull(output.GetTypeByMetadataName("FeishuGen.Api.Im.V1.ChatApi")!.GetMembers("ListAsync").FirstOrDefault());
        Assert.Empty(output.GetTypeByMetadataName("FeishuGen.Api.Hire.V1.EcoBackgroundCheckApi")!.GetMembers().Where(m => m.Name.Contains("Retry", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_page_that_fails_to_shape_gets_FSG0013_and_the_others_are_shaped()
    {
        var failure = Isolation.Page<PageShape?>(SeedPath, () => throw new InvalidOperationException("shaping bug"), f => PageShape.Failed(0, SeedPath, f))!.Failures.Single();

        Assert.Equal(("FSG0013", SeedPath), (failure.Id, failure.FilePath));
        Assert.Contains("InvalidOperationException: shaping bug", failure.Format());
    }

    [Fact]
    public void A_unit_that_fails_to_print_gives_FSG0013_at_its_pages_and_no_file_instead_of_an_exception()
    {
        var model = PageReader.Read(SeedPath, Repo.ReadSeed()).Endpoint!;
        var api = Generation.ShapeApi(new[] { model }, GeneratorOptions.Default);
        var errors = ApiPlan.Plan(api).OfType<ErrorsUnit>().First();

        // A unit no emitter prints: an emitter fault.
        var broken = new BrokenUnit(errors.HintName, errors.Pages);
        var printed = Printer.PrintSafely(broken);

        Assert.Null(printed.File);
        var failure = Assert.Single(printed.Failures);
        Assert.Equal("FSG0013", failure.Id);
        Assert.Equal(SeedPath, failure.FilePath);
        Assert.NotNull(Printer.PrintSafely(errors).File);
    }

    private sealed record BrokenUnit(string HintName, FeishuGen.Generator.Model.EquatableArray<string> Pages) : FileUnit(HintName, Pages);

    [Fact]
    public void A_deep_document_block_page_in_standard_markdown_generates_beside_the_seed()
    {
        var deep = Repo.SharedPage("feishu-docs-markdown", "group/upgraded-group-announcement/chat-announcement-block/create.md");
        var (_, output, diagnostics) = GeneratorHarness.Run(GeneratorHarness.Page(SeedPath, Repo.ReadSeed()), GeneratorHarness.Page("/p/specs/deep.md", deep));

        Assert.DoesNotContain(diagnostics, d => d.Id == "FSG0013");
        Assert.NotNull(output.GetTypeByMetadataName("FeishuGen.Api.Hire.V1.EcoBackgroundCheckApi"));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Theory]
    [InlineData("/p/specs/a-copy.md")]
    [InlineData("/p/specs/z-copy.md")]
    public void A_copied_page_whose_url_gains_an_id_never_takes_the_seeds_method_whatever_its_file_name(string copyPath)
    {
        var copy = Repo.ReadSeed().Replace("/eco_background_checks/update_result", "/eco_background_checks/:id/update_result");
        var (driver, output, diagnostics) = GeneratorHarness.Run(GeneratorHarness.Page(SeedPath, Repo.ReadSeed()), GeneratorHarness.Page(copyPath, copy));

        var resource = output.SyntaxTrees.Single(t => t.FilePath.EndsWith("EcoBackgroundCheckApi.g.cs", StringComparison.Ordinal)).ToString();
        Assert.Matches(@"UpdateResultAsync\([^)]*options[^{]*\{[^}]*""/open-apis/hire/v1/eco_background_checks/update_result""", resource);
        Assert.Contains("CreateUpdateResultAsync", resource);

        var claims = diagnostics.Where(d => d.Id == "FSG0014").OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal).ToList();
        Assert.Equal(2, claims.Count);
        Assert.All(claims, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        var onSeed = claims.Single(d => d.Location.GetLineSpan().Path == SeedPath);
        var onCopy = claims.Single(d => d.Location.GetLineSpan().Path == copyPath);
        Assert.Contains("this page keeps it", onSeed.GetMessage());
        Assert.Contains("this page's method is generated as 'EcoBackgroundCheckApi.CreateUpdateResultAsync'", onCopy.GetMessage());

        // At the line where each page declares its endpoint (its HTTP URL row), not at the top of the file.
        var requestLine = Repo.ReadSeed().Split('\n').ToList().FindIndex(l => l.StartsWith("| HTTP URL", StringComparison.Ordinal));
        Assert.Equal(requestLine, onSeed.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal(requestLine, onCopy.Location.GetLineSpan().StartLinePosition.Line);
        Assert.NotNull(driver);
    }
}
