using System;
using System.Collections.Generic;
using System.Text;
using BenchmarkDotNet.Attributes;
using FeishuGen.Generator;
using FeishuGen.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FeishuGen.Benchmarks;

/// <summary>
/// One page with a deep body tree (standard Markdown form, '└' rows up to six levels deep, like
/// the document-block pages), generated cold. The 1,000-row page is the floor; generation must
/// grow linearly with the rows: the 4,000-row page near 4× the floor, not 16×.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class DeepPageBenchmarks
{
    private AdditionalText[] _page = Array.Empty<AdditionalText>();
    private readonly CSharpCompilation _compilation = CSharpCompilation.Create("Bench", new[] { CSharpSyntaxTree.ParseText("class A { }") });

    [Params(1000, 4000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup() => _page = new AdditionalText[] { new InMemoryPage("/bench/specs/deep.md", DeepPage(Rows)) };

    [Benchmark(Description = "a page of nested rows, cold")]
    public GeneratorDriver Generate()
        => CSharpGeneratorDriver.Create(new[] { new FeishuSourceGenerator().AsSourceGenerator() }, _page, null, new InMemoryOptionsProvider(new Dictionary<string, string>()))
            .RunGenerators(_compilation);

    /// <summary>A page whose body field 'blocks' holds <paramref name="rows"/> nested rows, cycling through six levels.</summary>
    public static string DeepPage(int rows)
    {
        var page = new StringBuilder()
            .Append("# 创建块\n\n创建一组块。\n\n## 请求\n\n| 项目 | 值 |\n| --- | --- |\n")
            .Append("| HTTP URL | https://open.feishu.cn/open-apis/bench/v1/documents/:document_id/blocks |\n")
            .Append("| HTTP Method | POST |\n\n### 请求体\n\n| 名称 | 类型 | 必填 | 描述 |\n| --- | --- | --- | --- |\n")
            .Append("| `blocks` | `block\\[\\]` | 是 | 块 |\n");
        for (var i = 0; i < rows; i++)
        {
            var depth = 1 + (i % 6);
            var type = depth < 6 ? "\\-" : "string";
            page.Append("| ").Append(string.Concat(System.Linq.Enumerable.Repeat("&nbsp;&nbsp;", depth))).Append("└ `f").Append(i).Append("` | `").Append(type).Append("` | 否 | 字段 ").Append(i).Append(" |\n");
        }

        return page.Append("\n## 响应\n\n### 响应体示例\n\n```json\n{\"code\": 0, \"msg\": \"success\", \"data\": {}}\n```\n").ToString();
    }
}
