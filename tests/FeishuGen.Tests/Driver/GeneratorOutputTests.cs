using System.Linq;
using FeishuGen.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FeishuGen.Tests.Driver;

/// <summary>The generator driver on the seed page: what it generates compiles cleanly.</summary>
public sealed class GeneratorOutputTests
{
    [Fact]
    public void Seed_output_compiles_with_zero_warnings_including_missing_xml_docs()
    {
        var (_, output, generatorDiagnostics) = GeneratorHarness.Run(GeneratorHarness.Page("/p/specs/seed.md", Repo.ReadSeed()));

        Assert.Empty(generatorDiagnostics);
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(output.SyntaxTrees.Count() > 5);
    }

    [Fact]
    public void Seed_output_has_the_official_sdk_surface()
    {
        var (_, output, _) = GeneratorHarness.Run(GeneratorHarness.Page("/p/specs/seed.md", Repo.ReadSeed()));

        var request = output.GetTypeByMetadataName("FeishuGen.Api.Hire.V1.UpdateResultEcoBackgroundCheckRequest");
        Assert.NotNull(request);
        Assert.True(request!.IsRecord);
        var required = request.GetMembers().OfType<IPropertySymbol>().Where(p => p.IsRequired).Select(p => p.Name);
        Assert.Equal(new[] { "BackgroundCheckId", "Result", "ResultTime" }, required);
        var list = request.GetMembers("ReportFileList").OfType<IPropertySymbol>().Single();
        Assert.Equal("System.Collections.Generic.IReadOnlyList<FeishuGen.Api.Hire.V1.EcoBackgroundCheckReportFile>?", list.Type.ToDisplayString());
        var wireName = list.GetAttributes().Single(a => a.AttributeClass!.Name == "JsonPropertyNameAttribute").ConstructorArguments[0].Value;
        Assert.Equal("report_file_list", wireName);

        var nested = output.GetTypeByMetadataName("FeishuGen.Api.Hire.V1.EcoBackgroundCheckReportFile")!;
        var urlType = nested.GetMembers("ReportUrlType").OfType<IPropertySymbol>().Single();
        Assert.Equal("long?", urlType.Type.ToDisplayString());

        var resource = output.GetTypeByMetadataName("FeishuGen.Api.Hire.V1.EcoBackgroundCheckApi")!;
        Assert.Contains(resource.GetMembers("UpdateResultAsync").OfType<IMethodSymbol>(), m => m.Parameters.Length == 2);
        var api = output.GetTypeByMetadataName("FeishuGen.Api.FeishuApi")!;
        Assert.Equal("FeishuGen.Api.Hire.HireService", api.GetMembers("Hire").OfType<IPropertySymbol>().Single().Type.ToDisplayString());

        var errors = output.GetTypeByMetadataName("FeishuGen.Api.Hire.V1.UpdateResultEcoBackgroundCheckErrors")!;
        var codes = errors.GetMembers().OfType<IFieldSymbol>().Where(f => f.IsConst).Select(f => (f.Name, f.ConstantValue));
        Assert.Equal(new[] { ("Code1002858", (object?)1002858), ("Code1002862", 1002862), ("Code1002001", 1002001) }, codes);
    }

    [Fact]
    public void Method_docs_carry_http_line_tokens_scopes_and_errors()
    {
        var (_, output, _) = GeneratorHarness.Run(GeneratorHarness.Page("/p/specs/seed.md", Repo.ReadSeed()));
        var method = output.GetTypeByMetadataName("FeishuGen.Api.Hire.V1.EcoBackgroundCheckApi")!
            .GetMembers("UpdateResultAsync").OfType<IMethodSymbol>().First(m => m.Parameters.Length == 2);
        var xml = method.GetDocumentationCommentXml()!;
        Assert.Contains("回传背调订单的最终结果", xml);
        Assert.Contains("POST /open-apis/hire/v1/eco_background_checks/update_result", xml);
        Assert.Contains("tenant_access_token", xml);
        Assert.Contains("hire:background_check_order", xml);
        Assert.Contains("1002862", xml);
        Assert.Contains("背调订单不存在", xml);
    }

    [Fact]
    public void Build_properties_choose_namespace_and_client_name()
    {
        var properties = new System.Collections.Generic.Dictionary<string, string> { ["FeishuGenNamespace"] = "Acme.Lark", ["FeishuGenClientName"] = "LarkApi" };
        var driver = GeneratorHarness.Driver(new[] { GeneratorHarness.Page("/p/specs/seed.md", Repo.ReadSeed()) }, properties);
        driver.RunGeneratorsAndUpdateCompilation(GeneratorHarness.Compilation(), out var output, out _);
        Assert.NotNull(output.GetTypeByMetadataName("Acme.Lark.LarkApi"));
        Assert.NotNull(output.GetTypeByMetadataName("Acme.Lark.Hire.V1.UpdateResultEcoBackgroundCheckRequest"));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }
}
