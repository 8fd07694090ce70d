using System.Linq;
using FeishuGen.Generator;
using FeishuGen.Generator.Model;
using FeishuGen.Generator.Reading;
using FeishuGen.Generator.Shaping;
using Xunit;

namespace FeishuGen.Tests.Reading;

/// <summary>The one vocabulary of page types: every spelling the forms use means one thing, in reading and in shaping.</summary>
public sealed class PageTypeTests
{
    [Theory]
    [InlineData("string", "String")]
    [InlineData("String", "String")]
    [InlineData("`string`", "String")]
    [InlineData("字符串", "String")]
    [InlineData("int", "Integer")]
    [InlineData("int32", "Integer")]
    [InlineData("int64", "Integer")]
    [InlineData("integer", "Integer")]
    [InlineData("i64", "Integer")]
    [InlineData("整数", "Integer")]
    [InlineData("number", "Number")]
    [InlineData("float", "Number")]
    [InlineData("float64", "Number")]
    [InlineData("double", "Number")]
    [InlineData("number(float)", "Number")]
    [InlineData("浮点数", "Number")]
    [InlineData("boolean", "Boolean")]
    [InlineData("bool", "Boolean")]
    [InlineData("布尔", "Boolean")]
    [InlineData("object", "Object")]
    [InlineData("对象", "Object")]
    [InlineData("map", "Map")]
    [InlineData("map&lt;string, string&gt;", "Map")]
    [InlineData("map<string, map<string, int>>", "Map")]
    [InlineData("file", "File")]
    [InlineData("binary", "File")]
    [InlineData("\\-", "Container")]
    [InlineData("-", "Container")]
    [InlineData("user_id", "Named")]
    [InlineData("app.table.record", "Named")]
    [InlineData("ClockInAbnormalSettings", "Named")]
    [InlineData("interface", "Any")]
    [InlineData("", "Empty")]
    [InlineData("一个元素", "Unknown")]
    [InlineData("是否需要参会人列表，默认为false", "Unknown")]
    public void Every_spelling_names_one_kind(string cell, string kind)
        => Assert.Equal(kind, PageTypes.Parse(cell).Kind.ToString());

    [Theory]
    [InlineData("int[]", "Integer")]
    [InlineData("int\\[\\]", "Integer")]
    [InlineData("`string\\[\\]`", "String")]
    [InlineData("[]int64", "Integer")]
    [InlineData("list<i64>", "Integer")]
    [InlineData("array&lt;string&gt;", "String")]
    [InlineData("array<int64>", "Integer")]
    [InlineData("Array<boolean>", "Boolean")]
    [InlineData("number(float)\\[\\]", "Number")]
    [InlineData("undefined[]", "Undefined")]
    [InlineData("array", "Undefined")]
    [InlineData("数组", "Undefined")]
    [InlineData("i18n\\[\\]", "Named")]
    [InlineData("list&lt;batch_item_result&gt;", "Named")]
    [InlineData("array<interface>", "Any")]
    [InlineData("list<Object>", "Any")]
    public void Every_array_form_names_its_items(string cell, string item)
    {
        var type = PageTypes.Parse(cell);

        Assert.Equal(PageTypeKind.Array, type.Kind);
        Assert.Equal(item, type.Item!.Kind.ToString());
    }

    [Fact]
    public void Arrays_of_arrays_keep_both_levels()
    {
        var type = PageTypes.Parse("department_base_info\\[\\]\\[\\]");

        Assert.Equal((PageTypeKind.Array, PageTypeKind.Array, PageTypeKind.Named), (type.Kind, type.Item!.Kind, type.Item.Item!.Kind));
        Assert.Equal("department_base_info", type.Item.Item.Name);
    }

    [Theory]
    [InlineData("int\\[\\]", "global::System.Collections.Generic.IReadOnlyList<long>")]
    [InlineData("int32", "long")]
    [InlineData("i64", "long")]
    [InlineData("float64", "double")]
    [InlineData("number(float)", "double")]
    [InlineData("array<int64>", "global::System.Collections.Generic.IReadOnlyList<long>")]
    [InlineData("string[]", "global::System.Collections.Generic.IReadOnlyList<string>")]
    [InlineData("bool", "bool")]
    public void A_url_parameter_gets_the_type_it_is_declared_with(string cell, string csharp)
        => Assert.Equal(csharp, TypeResolver.UrlParameter(cell).CSharp);

    // Fault 2 of #19: a query parameter declared 'int\[\]' became 'required string'.
    [Fact]
    public void A_query_parameter_declared_as_an_escaped_int_array_is_a_list_of_long()
    {
        const string page = """
            # 查询示例记录

            ## 请求

            | 项目 | 值 |
            | --- | --- |
            | HTTP URL | https://open.feishu.cn/open-apis/demo/v1/records |
            | HTTP Method | GET |

            ### 查询参数

            | 名称 | 类型 | 必填 | 描述 |
            | --- | --- | --- | --- |
            | `record_ids` | `int\[\]` | 是 | 记录的 ID 列表<br>**示例值**：1 |
            | `ratio` | `number(float)` | 否 | 比例<br>**示例值**：0.5 |

            ## 响应

            ### 响应体示例

            ```json
            {"code": 0, "msg": "success", "data": {}}
            ```
            """;
        var model = PageReader.Read("/p/specs/records.md", page).Endpoint!;

        var request = Generation.ShapeApi(new[] { model }, GeneratorOptions.Default).Types.Single(t => t.Role == TypeRole.Request);

        var ids = request.Properties.Single(p => p.WireName == "record_ids");
        Assert.Equal(("global::System.Collections.Generic.IReadOnlyList<long>", true), (ids.Type.CSharp, ids.Required));
        Assert.Equal("double", request.Properties.Single(p => p.WireName == "ratio").Type.CSharp);
    }

    [Fact]
    public void A_cell_that_is_no_type_is_reported_at_its_row_and_a_field_with_members_and_no_type_is_an_object()
    {
        const string page = """
            # 创建示例记录

            ## 请求

            | 项目 | 值 |
            | --- | --- |
            | HTTP URL | https://open.feishu.cn/open-apis/demo/v1/records |
            | HTTP Method | POST |

            ### 查询参数

            | 名称 | 类型 | 必填 | 描述 |
            | --- | --- | --- | --- |
            | `owner` | `owner_info` | 否 | 负责人 |

            ### 请求体

            | 名称 | 类型 | 必填 | 描述 |
            | --- | --- | --- | --- |
            | `note` | 一段文字 | 否 | 备注 |
            | `owner` |  | 是 | 负责人 |
            | &nbsp;&nbsp;└ `user_id` | `string` | 是 | 用户 ID |
            """;
        var result = PageReader.Read("/p/specs/create.md", page);

        var reported = result.Diagnostics.Where(d => d.Id == "FSG0030").Select(d => (d.Arguments[0], d.Arguments[1], d.Line + 1)).ToList();
        Assert.Equal(new[] { ("owner", "owner_info", 14), ("note", "一段文字", 20) }, reported.OrderBy(r => r.Item3));
        var request = Generation.ShapeApi(new[] { result.Endpoint! }, GeneratorOptions.Default).Types;
        var owner = request.Single(t => t.Role == TypeRole.Request).Properties.Single(p => p.WireName == "owner" && p.Location == ParameterLocation.Body);
        Assert.Equal(TypeKind.Named, owner.Type.Kind);
        Assert.Contains(request, t => t.Properties.Any(p => p.WireName == "user_id"));
    }
}
