using System.Linq;
using FeishuGen.Generator;
using FeishuGen.Generator.Model;
using FeishuGen.Generator.Planning;
using FeishuGen.Generator.Reading;
using FeishuGen.Generator.Shaping;
using FeishuGen.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FeishuGen.Tests.Driver;

/// <summary>
/// Nested request members marked 必填 (issue #21): read with their flag, C# <c>required</c> and not
/// null in requests, documented as required; a record a reply shares stays optional.
/// </summary>
public sealed class NestedRequiredTests
{
    private static readonly string Page = MarkdownPages.CreateRecord("""
        ### 请求体

        | 名称 | 类型 | 必填 | 描述 |
        | --- | --- | --- | --- |
        | `owner` | `owner_info` | 是 | 负责人 |
        | &nbsp;&nbsp;└ `user_id` | `string` | 是 | 用户 ID |
        | &nbsp;&nbsp;└ `name` | `string` | 否 | 名字 |
        | &nbsp;&nbsp;└ `level` | `integer` | Yes | 级别 |
        | `member` | `member_info` | 否 | 成员 |
        | &nbsp;&nbsp;└ `member_id` | `string` | 是 | 成员 ID |

        ## 响应

        ### 响应体

        | 名称 | 类型 | 描述 |
        | --- | --- | --- |
        | `data` | `\-` | \- |
        | &nbsp;&nbsp;└ `member` | `member_info` | 成员 |
        | &nbsp;&nbsp;&nbsp;&nbsp;└ `member_id` | `string` | 成员 ID |

        ### 响应体示例

        ```json
        {"code": 0, "msg": "success", "data": {"member": {"member_id": "m1"}}}
        ```
        """);

    [Fact]
    public void The_reader_keeps_the_flag_of_nested_rows_and_the_shaper_makes_request_members_required_and_shared_ones_optional()
    {
        var model = PageReader.Read("/p/specs/create.md", Page).Endpoint!;
        var owner = model.BodyFields.Single(f => f.Name == "owner").Shape!;
        Assert.Equal(new[] { ("user_id", true), ("name", false), ("level", true) }, owner.Properties.Select(p => (p.Name, p.Required)));

        var types = Generation.ShapeApi(new[] { model }, GeneratorOptions.Default).Types;
        var ownerInfo = types.Single(t => t.Name == "OwnerInfo");
        Assert.Equal(new[] { ("UserId", true), ("Name", false), ("Level", true) }, ownerInfo.Properties.Select(p => (p.ClrName, p.IsRequiredMember)));
        // member_info is also the reply's: its member stays optional for both.
        Assert.All(types.Single(t => t.Name == "MemberInfo").Properties, p => Assert.False(p.IsRequiredMember));
    }

    [Fact]
    public void A_member_the_pages_own_example_leaves_out_of_its_object_stays_optional()
    {
        var withExample = Page.Replace("## 响应", "### 请求体示例\n\n```json\n{\"owner\": {\"user_id\": \"u\"}}\n```\n\n## 响应");
        Assert.NotEqual(Page, withExample);
        var model = PageReader.Read("/p/specs/create.md", withExample).Endpoint!;

        var ownerInfo = Generation.ShapeApi(new[] { model }, GeneratorOptions.Default).Types.Single(t => t.Name == "OwnerInfo");

        Assert.Equal(new[] { ("UserId", true), ("Name", false), ("Level", false) }, ownerInfo.Properties.Select(p => (p.ClrName, p.IsRequiredMember)));
    }

    [Fact]
    public void The_emitter_prints_required_nested_members_required_not_null_and_documented_so()
    {
        var model = PageReader.Read("/p/specs/create.md", Page).Endpoint!;
        var files = Generation.Print(ApiPlan.Plan(Generation.ShapeApi(new[] { model }, GeneratorOptions.Default)));
        var source = files.Single(f => f.Source.Contains("public sealed partial record OwnerInfo")).Source;

        Assert.Contains("public required string UserId { get; set; }", source);
        Assert.Contains("public required long Level { get; set; }", source);
        Assert.Contains("public string? Name { get; set; }", source);
        Assert.Contains("/// <para>Wire name: <c>user_id</c> (JSON member). Required.</para>", source);
        Assert.Contains("static () => new global::FeishuGen.Api.Demo.V1.OwnerInfo { UserId = default!, Level = default! }", source);
        Assert.Contains("public string? MemberId { get; set; }", files.Single(f => f.Source.Contains("public sealed partial record MemberInfo")).Source);
    }

    [Fact]
    public void The_generated_code_compiles_clean_and_user_code_that_leaves_out_a_nested_required_member_gets_CS9035()
    {
        const string user = """
            namespace App;

            /// <summary>User code.</summary>
            public static class Use
            {
                /// <summary>Sets every required member.</summary>
                public static object Complete() => new FeishuGen.Api.Demo.V1.CreateRecordRequest { Owner = new FeishuGen.Api.Demo.V1.OwnerInfo { UserId = "u", Level = 1 } };

                /// <summary>Leaves out the owner's level.</summary>
                public static object Incomplete() => new FeishuGen.Api.Demo.V1.CreateRecordRequest { Owner = new FeishuGen.Api.Demo.V1.OwnerInfo { UserId = "u" } };
            }
            """;
        GeneratorHarness.Driver(new[] { GeneratorHarness.Page("/p/specs/create.md", Page) })
            .RunGeneratorsAndUpdateCompilation(GeneratorHarness.Compilation(user), out var output, out _);

        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        var missing = Assert.Single(problems);
        Assert.Equal("CS9035", missing.Id);
        Assert.Contains("Level", missing.GetMessage());
        Assert.Contains("Incomplete", missing.Location.SourceTree!.GetText().Lines[missing.Location.GetLineSpan().StartLinePosition.Line].ToString());
    }
}
