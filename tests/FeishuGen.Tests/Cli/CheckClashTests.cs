using System;
using System.IO;
using FeishuGen.Cli;
using FeishuGen.Tests.Support;
using Xunit;

namespace FeishuGen.Tests.Cli;

/// <summary><c>feishugen check</c> on two pages of one endpoint says what the build says (FSG0031).</summary>
public sealed class CheckClashTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "feishugen-check-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Check_names_the_page_generated_for_the_endpoint_and_why_and_warns_at_both()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "z-seed.md"), Repo.ReadSeed());
        File.WriteAllText(Path.Combine(_folder, "a-copy.md"), Repo.ReadSeed().Replace("| result | string | 是 | 背调结果 <br> **示例**: 无差异  |", "| result | string 是 背调结果 |"));
        var output = new StringWriter();

        var code = CheckCommand.Run(_folder, verbose: false, output);

        var text = output.ToString();
        Assert.Equal(1, code);
        Assert.Contains("a-copy.md: POST /open-apis/hire/v1/eco_background_checks/update_result -> not generated: z-seed.md is generated for this endpoint (it has fewer type cells that name no type (0 against 1))", text);
        Assert.Contains("z-seed.md: POST /open-apis/hire/v1/eco_background_checks/update_result -> api.Hire.V1.EcoBackgroundCheck.UpdateResultAsync", text);
        Assert.Contains("a-copy.md(9,1): warning FSG0031", text);
        Assert.Contains("z-seed.md(9,1): warning FSG0031", text);
        Assert.Contains("2 with warnings", text);
    }
}
