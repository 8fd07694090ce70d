using System.Linq;
using FeishuGen.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FeishuGen.Tests.Driver;

/// <summary>Pages the generator cannot read get a diagnostic at the right file and line, never an exception.</summary>
public sealed class DiagnosticTests
{
    [Fact]
    public void A_page_without_a_url_gets_FSG0002_at_its_request_heading()
    {
        var page = "## 标题\n\n描述\n\n## 请求\n\n| 基本 | |\n| --- | --- |\n| HTTP Method | GET |\n";
        var diagnostic = Single("/p/specs/broken.md", page);
        Assert.Equal("FSG0002", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("/p/specs/broken.md", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(4, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void A_page_with_an_unknown_method_gets_FSG0003_at_the_method_row()
    {
        var page = Repo.ReadSeed().Replace("| HTTP Method | POST |", "| HTTP Method | SEND |");
        var diagnostic = Single("/p/specs/seed.md", page);
        Assert.Equal("FSG0003", diagnostic.Id);
        Assert.Equal(9, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal(16, diagnostic.Location.GetLineSpan().StartLinePosition.Character);
        Assert.Contains("SEND", diagnostic.GetMessage());
    }

    [Fact]
    public void A_page_that_is_not_an_api_page_gets_an_informational_FSG0001_and_no_code()
    {
        var diagnostic = Single("/p/specs/guide.md", "# 开发指南\n\n这是一篇说明。\n");
        Assert.Equal("FSG0001", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
    }

    [Fact]
    public void A_short_table_row_gets_FSG0004_at_its_line_and_the_rest_is_still_generated()
    {
        var page = Repo.ReadSeed().Replace("| result | string | 是 | 背调结果 <br> **示例**: 无差异  |", "| result | string |");
        var (driver, output, diagnostics) = GeneratorHarness.Run(GeneratorHarness.Page("/p/specs/seed.md", page));
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("FSG0004", diagnostic.Id);
        Assert.Equal(20, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.NotNull(output.GetTypeByMetadataName("FeishuGen.Api.Hire.V1.UpdateResultEcoBackgroundCheckRequest"));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void An_invalid_response_example_gets_FSG0006_at_its_fence()
    {
        var page = Repo.ReadSeed().Replace("\"msg\": \"success\",", "\"msg\": \"success\" \"oops\",");
        Assert.NotEqual(Repo.ReadSeed(), page);
        var diagnostic = Single("/p/specs/seed.md", page);
        Assert.Equal("FSG0006", diagnostic.Id);

        // At the character where the example's JSON breaks, not just at its fence.
        Assert.Equal(57, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal(21, diagnostic.Location.GetLineSpan().StartLinePosition.Character);
    }

    private static Diagnostic Single(string path, string text)
    {
        var (_, _, diagnostics) = GeneratorHarness.Run(GeneratorHarness.Page(path, text));
        return Assert.Single(diagnostics);
    }
}
