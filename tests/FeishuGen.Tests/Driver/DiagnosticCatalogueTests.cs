using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using FeishuGen.Generator;
using FeishuGen.Generator.Diagnostics;
using FeishuGen.Generator.Emitting;
using FeishuGen.Generator.Model;
using FeishuGen.Generator.Reading;
using FeishuGen.Generator.Shaping;
using FeishuGen.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FeishuGen.Tests.Driver;

/// <summary>Every diagnostic ID: documented, release-tracked, and triggered by a test at the right line.</summary>
public sealed class DiagnosticCatalogueTests
{
    public static IEnumerable<object[]> Ids => DiagnosticDescriptors.All.Select(d => new object[] { d.Id });

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_id_has_a_docs_page_with_an_example_and_a_fix(string id)
    {
        var page = Path.Combine(Repo.Root, "docs", "diagnostics", id + ".md");
        Assert.True(File.Exists(page), page + " is missing");
        var text = File.ReadAllText(page);
        Assert.StartsWith("# " + id + ": " + DiagnosticDescriptors.Find(id).Title, text);
        Assert.Contains("## Example", text);
        Assert.Contains("## How to fix", text);
        Assert.Equal("docs/diagnostics/" + id + ".md", DiagnosticDescriptors.Find(id).HelpLinkUri);
    }

    [Fact]
    public void The_release_tracking_file_lists_every_id_with_its_severity()
    {
        var rows = File.ReadAllLines(Path.Combine(Repo.Root, "generator", "AnalyzerReleases.Unshipped.md"))
            .Where(l => l.StartsWith("FSG", StringComparison.Ordinal))
            .Select(l => l.Split('|').Select(c => c.Trim()).ToArray())
            .ToDictionary(c => c[0], c => c[2]);
        Assert.Equal(DiagnosticDescriptors.All.Select(d => d.Id).OrderBy(i => i), rows.Keys.OrderBy(i => i));
        Assert.All(DiagnosticDescriptors.All, d => Assert.Equal(d.DefaultSeverity.ToString(), rows[d.Id]));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_id_is_triggered_by_a_page_at_its_line(string id)
    {
        var (diagnostics, expectedLine) = Trigger(id);
        var diagnostic = Assert.Single(diagnostics, d => d.Id == id);
        Assert.Equal(expectedLine, diagnostic.Line);
        Assert.Equal(DiagnosticDescriptors.Find(id).DefaultSeverity, diagnostic.ToDiagnostic().Severity);
        Assert.DoesNotContain("{0}", diagnostic.Format());
    }

    [Fact]
    public void Pages_that_are_not_api_pages_get_only_an_informational_note()
    {
        var result = PageReader.Read("/p/specs/guide.md", "# 事件概述\n\n## 事件\n\n事件是什么。\n");
        Assert.Null(result.Endpoint);
        Assert.Null(result.Event);
        Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Info, d.ToDiagnostic().Severity));
    }

    // A page fragment (or a forced failure, for the two safety nets) for each ID, and the 0-based line it must be reported at.
    private static (IReadOnlyList<DiagnosticInfo> Diagnostics, int Line) Trigger(string id)
    {
        var seed = Repo.ReadSeed();
        string Replace(string from, string to)
        {
            Assert.Contains(from, seed);
            return seed.Replace(from, to);
        }

        switch (id)
        {
            case "FSG0001":
                return (Read("# 开发指南\n\n一篇说明。\n"), 0);
            case "FSG0002":
                return (Read("## 标题\n\n## 请求\n\n| 基本 | |\n| --- | --- |\n| HTTP Method | GET |\n"), 2);
            case "FSG0003":
                return (Read(Replace("| HTTP Method | POST |", "| HTTP Method | SEND |")), 9);
            case "FSG0004":
                return (Read(Replace("| result | string | 是 | 背调结果 <br> **示例**: 无差异  |", "| result | string |")), 20);
            case "FSG0005":
                return (Read(Replace("\"result\": \"无差异\",\n    \"result_time\"", "\"result\": \"无差异\"\n    \"result_time\"")), 39);
            case "FSG0006":
                return (Read(Replace("\"msg\": \"success\",", "\"msg\": \"success\" \"oops\",")), 57);
            case "FSG0007":
                return (Read(Replace("| report_file_list | eco_background_check_report_file[] | 否 | 报告列表 <br> **示例**:   |", "| tags | undefined[] | 否 | 标签 <br> **示例**:   |")), 22);
            case "FSG0008":
                return (Read(Replace("| report_file_list | eco_background_check_report_file[] | 否 | 报告列表 <br> **示例**:   |", "| rule | object | 否 | 规则 <br> **示例**:   |").Replace("**类型额外说明**:", string.Empty)), 22);
            case "FSG0009":
                var first = PageReader.Read("/p/specs/a.md", seed).Endpoint!;
                var second = PageReader.Read("/p/specs/b.md", seed).Endpoint!;
                return (Generation.ShapeApi(new[] { first, second }, GeneratorOptions.Default).Diagnostics.Where(d => d.FilePath == "/p/specs/b.md").ToList(), 0);
            case "FSG0010":
                var withoutSamples = seed.Substring(0, seed.IndexOf("### 调用示例", StringComparison.Ordinal));
                return (Read(withoutSamples), 4);
            case "FSG0011":
                return (Isolation.Read("/p/specs/seed.md", () => throw new InvalidOperationException("forced")).Diagnostics.ToList(), 0);
            case "FSG0012":
                return (Read(Replace("| 支持的访问令牌 | tenant_access_token |", "| 支持的访问令牌 | tenant_access_token, robot_token |")), 10);
            case "FSG0013":
                var failures = new List<DiagnosticInfo>();
                Isolation.Pages(new[] { "/p/specs/seed.md" }, _ => throw new InvalidOperationException("forced"), page => page, 0, failures);
                return (failures, 0);
            case "FSG0014":
                var seedPage = PageReader.Read("/p/specs/seed.md", seed).Endpoint!;
                var copy = PageReader.Read("/p/specs/copy.md", Replace("/eco_background_checks/update_result", "/eco_background_checks/:id/update_result")).Endpoint!;
                return (Generation.ShapeApi(new[] { copy, seedPage }, GeneratorOptions.Default).Diagnostics.Where(d => d.FilePath == "/p/specs/copy.md").ToList(), 0);
            case "FSG0015":
                var withoutSdk = seed.Substring(0, seed.IndexOf("### 调用示例", StringComparison.Ordinal));
                var post = PageReader.Read("/p/specs/post.md", withoutSdk).Endpoint!;
                var get = PageReader.Read("/p/specs/get.md", withoutSdk.Replace("| HTTP Method | POST |", "| HTTP Method | GET |")).Endpoint!;
                return (Generation.ShapeApi(new[] { post, get }, GeneratorOptions.Default).Diagnostics.Where(d => d.FilePath == "/p/specs/post.md").ToList(), 0);
            case "FSG0016":
                return (Read("## 某事件\n\n## 事件\n\n| 项目 | 值 |\n| --- | --- |\n| 推送方式 | `Webhook` |\n\n### 事件体\n\n| 名称 | 类型 | 描述 |\n| --- | --- | --- |\n| `schema` | `string` | 版本 |\n"), 2);
            case "FSG0017":
                var ownEvent = File.ReadAllText(Path.Combine(Repo.Root, "specs", "消息", "接收消息.md"));
                var a = PageReader.Read("/p/specs/a.md", ownEvent).Event!;
                var b = PageReader.Read("/p/specs/b.md", ownEvent).Event!;
                return (Generation.ShapeEvents(new[] { b, a }, GeneratorOptions.Default).Diagnostics.ToList(), 0);
            case "FSG0026":
                return (Read(Replace("| result | string | 是 | 背调结果 <br> **示例**: 无差异  |", "| result | string 是 背调结果 |")), 20);
            case "FSG0031":
                var intact = PageReader.Read("/p/specs/seed.md", seed).Endpoint!;
                var broken = PageReader.Read("/p/specs/broken.md", Replace("| result | string | 是 | 背调结果 <br> **示例**: 无差异  |", "| result | string 是 背调结果 |")).Endpoint!;
                return (Generation.ShapeApi(new[] { broken, intact }, GeneratorOptions.Default).Diagnostics.Where(d => d.FilePath == "/p/specs/broken.md").ToList(), 0);
            case "FSG0030":
                return (Read(Replace("| result | string | 是 | 背调结果 <br> **示例**: 无差异  |", "| result | 结果文字 | 是 | 背调结果 <br> **示例**: 无差异  |")), 20);
            case "FSG0021":
                return (Read(Replace("| result | string | 是 | 背调结果 <br> **示例**: 无差异  |", "| result | string | 是 | 背调结果\n\n**示例**: 无差异  |")), 17);
            case "FSG0022":
                return (Read(Replace("\n### 请求体", "\n<br>\n### 请求体")), 16);
            case "FSG0023":
                return (Read(Replace("| result | string | 是 | 背调结果", "|  | string | 是 | 背调结果")), 20);
            case "FSG0024":
                return (Read(Replace("{\n    \"code\": 0,\n    \"msg\": \"success\",\n    \"data\": {}\n}", "[]")), 54);
            case "FSG0025":
                return (Read(Replace("\n### 错误码", "\n```json\n{\"code\": 1}\n```\n\n### 错误码")), 62);
            default:
                throw new InvalidOperationException("No trigger for " + id + ": add one with the new diagnostic.");
        }
    }

    private static List<DiagnosticInfo> Read(string page) => PageReader.Read("/p/specs/page.md", page).Diagnostics.ToList();
}
