using System.Linq;
using FeishuGen.Generator;
using FeishuGen.Generator.Planning;
using FeishuGen.Generator.Reading;
using FeishuGen.Generator.Shaping;
using FeishuGen.Tests.Support;
using Xunit;

namespace FeishuGen.Tests.Emitting;

/// <summary>A nested record's summary is the description of the field that holds it (issue #21), else the generic sentence.</summary>
public sealed class NestedSummaryTests
{
    private static readonly string Page = MarkdownPages.CreateRecord("""
        ### 请求体

        | 名称 | 类型 | 必填 | 描述 |
        | --- | --- | --- | --- |
        | `owner` | `owner_info` | 否 | 记录的负责人，见[用户](https://open.feishu.cn/document/user)。创建后不可修改 |
        | &nbsp;&nbsp;└ `user_id` | `string` | 否 | 用户 ID |
        | `extra` | `object` | 否 |  |

        ### 请求体示例

        ```json
        {"owner": {"user_id": "u"}, "extra": {"note": "n"}}
        ```
        """);

    [Theory]
    [InlineData("记录的负责人。创建后不可修改", "记录的负责人。")]
    [InlineData("The owner. Set once.", "The owner.")]
    [InlineData("负责人\n**示例**: x", "负责人")]
    [InlineData("用户列表：", "用户列表")]
    [InlineData("", "")]
    public void The_summary_is_the_first_sentence_of_the_description(string description, string summary)
        => Assert.Equal(summary, NestedSummaries.FirstSentence(description));

    [Fact]
    public void The_holding_fields_description_is_the_summary_printed_and_a_record_without_one_gets_the_generic_sentence()
    {
        var model = PageReader.Read("/p/specs/create.md", Page).Endpoint!;
        var api = Generation.ShapeApi(new[] { model }, GeneratorOptions.Default);
        Assert.Equal("记录的负责人，见[用户](https://open.feishu.cn/document/user)。", api.Types.Single(t => t.Name == "OwnerInfo").Summary);
        Assert.Equal(NestedSummaries.Fallback, api.Types.Single(t => t.Name == "Extra").Summary);

        var files = Generation.Print(ApiPlan.Plan(api));
        var owner = files.Single(f => f.Source.Contains("public sealed partial record OwnerInfo")).Source;
        Assert.Contains("/// 记录的负责人，见<see href=\"https://open.feishu.cn/document/user\">用户</see>。\n", owner);
        Assert.Contains("/// " + NestedSummaries.Fallback + "\n", files.Single(f => f.Source.Contains("public sealed partial record Extra")).Source);
    }
}
