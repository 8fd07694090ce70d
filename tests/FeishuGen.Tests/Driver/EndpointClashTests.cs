using System;
using System.Linq;
using FeishuGen.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FeishuGen.Tests.Driver;

/// <summary>Two pages of one endpoint (issue #21): one is generated, chosen from the pages, and both are told why, as a warning.</summary>
public sealed class EndpointClashTests
{
    // A copy of the seed whose rows lost their separators: what they typed is read from the wrong cells.
    private static string BrokenCopy() => Repo.ReadSeed()
        .Replace("| result | string | 是 | 背调结果 <br> **示例**: 无差异  |", "| result | string 是 背调结果 |")
        .Replace("| report_file_list | eco_background_check_report_file[] | 否 | 报告列表 <br> **示例**:   |", "| report_file_list | eco_background_check_report_file[] 否 报告列表 |");

    private const string UserCode = """
        namespace App;

        /// <summary>User code that needs the intact page's nested type.</summary>
        public static class Use
        {
            /// <summary>A report file.</summary>
            public static object Report() => new FeishuGen.Api.Hire.V1.EcoBackgroundCheckReportFile { ReportName = "r" };
        }
        """;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_intact_page_is_generated_whatever_the_file_names_and_order_and_both_pages_get_a_warning_at_their_url_row(bool copyFirst)
    {
        // The broken copy's path sorts first: a rule of file names would keep it.
        var seed = GeneratorHarness.Page("/p/specs/z-seed.md", Repo.ReadSeed());
        var copy = GeneratorHarness.Page("/p/specs/a-copy.md", BrokenCopy());
        var pages = copyFirst ? new[] { copy, seed } : new[] { seed, copy };

        var driver = GeneratorHarness.Driver(pages).RunGeneratorsAndUpdateCompilation(GeneratorHarness.Compilation(UserCode), out var output, out var diagnostics);

        var clashes = diagnostics.Where(d => d.Id == "FSG0031").OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { "/p/specs/a-copy.md", "/p/specs/z-seed.md" }, clashes.Select(d => d.Location.GetLineSpan().Path));
        Assert.All(clashes, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.All(clashes, d => Assert.Equal(8, d.Location.GetLineSpan().StartLinePosition.Line));
        Assert.Contains("that page, as it has fewer type cells that name no type (0 against 2)", clashes[0].GetMessage());
        Assert.Contains("'/p/specs/z-seed.md'", clashes[0].GetMessage());
        Assert.Contains("this page, as it has fewer type cells", clashes[1].GetMessage());
        Assert.Contains("what only that page documents is not generated", clashes[1].GetMessage());
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.NotNull(output.GetTypeByMetadataName("FeishuGen.Api.Hire.V1.EcoBackgroundCheckReportFile"));
        Assert.NotNull(driver);
    }

    [Fact]
    public void Two_pages_that_document_the_same_get_a_note_at_both_and_lose_nothing()
    {
        var (_, output, diagnostics) = GeneratorHarness.Run(
            GeneratorHarness.Page("/p/specs/b.md", Repo.ReadSeed()), GeneratorHarness.Page("/p/specs/a.md", Repo.ReadSeed()));

        var notes = diagnostics.Where(d => d.Id == "FSG0009").ToList();
        Assert.Equal(new[] { "/p/specs/a.md", "/p/specs/b.md" }, notes.Select(d => d.Location.GetLineSpan().Path).OrderBy(p => p, StringComparer.Ordinal));
        Assert.All(notes, d => Assert.Equal(DiagnosticSeverity.Info, d.Severity));
        Assert.DoesNotContain(diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }
}
