using System.Linq;
using FeishuGen.Generator.Reading;
using Xunit;

namespace FeishuGen.Tests.Reading;

/// <summary>
/// Fault 1 of issue #19 in every form: a fenced block inside a table cell ends inside that cell, so the
/// rows after it and the sections after the table are read (tests/pages/cleaned holds the cleaned form's page).
/// </summary>
public sealed class FenceInCellTests
{
    private const string Head = "## 列出条目\n\n列出条目。\n\n## 请求\n\n| 基本 | |\n| --- | --- |\n| HTTP URL | `https://open.feishu.cn/open-apis/demo/v1/items` |\n| HTTP Method | GET |\n| 支持的访问令牌 | tenant_access_token |\n\n";

    private const string Response = "\n\n### 响应\n\n**响应示例**:\n\n```json\n{\"code\": 0, \"msg\": \"success\", \"data\": {\"has_more\": false, \"total\": 1}}\n```\n";

    [Fact]
    public void A_fence_on_lines_of_its_own_inside_a_row_with_outer_pipes()
        => AssertRead(Head + "### 查询参数\n\n| 参数名 | 类型 | 必填 | 描述 |\n| --- | --- | --- | --- |\n| filter | string | 否 | 筛选条件，例如：\n```json\n{\"a\": \"x|y\"}\n```\n |\n| page_size | integer | 否 | 分页大小 |" + Response);

    [Fact]
    public void A_fence_opened_inside_a_row_without_outer_pipes()
        => AssertRead(Head + "### 查询参数\n\n参数名 | 类型 | 必填 | 描述\n--- | --- | --- | ---\nfilter | string | 否 | 筛选条件，例如：  \n```json\n{\"a\": 1}\n```\npage_size | integer | 否 | 分页大小" + Response);

    [Fact]
    public void A_fence_inside_a_portal_cell_that_closes_on_the_cells_own_line()
        => AssertRead(Head + "### 查询参数\n\n<md-dt-table>\n<md-dt-thead>\n<md-dt-tr>\n<md-dt-th>名称</md-dt-th>\n<md-dt-th>类型</md-dt-th>\n<md-dt-th>必填</md-dt-th>\n<md-dt-th>描述</md-dt-th>\n</md-dt-tr>\n</md-dt-thead>\n<md-dt-tbody>\n<md-dt-tr level=\"0\">\n<md-dt-td>filter</md-dt-td>\n<md-dt-td>string</md-dt-td>\n<md-dt-td>否</md-dt-td>\n<md-dt-td>\n筛选条件，例如：\n\n```json\n{\"a\": 1}\n```</md-dt-td>\n</md-dt-tr>\n<md-dt-tr level=\"0\">\n<md-dt-td>page_size</md-dt-td>\n<md-dt-td>integer</md-dt-td>\n<md-dt-td>否</md-dt-td>\n<md-dt-td>分页大小</md-dt-td>\n</md-dt-tr>\n</md-dt-tbody>\n</md-dt-table>" + Response);

    [Fact]
    public void A_fence_written_on_one_line_of_a_standard_markdown_row()
        => AssertRead(Head + "### 查询参数\n\n| 名称 | 类型 | 必填 | 描述 |\n| --- | --- | --- | --- |\n| `filter` | `string` | 否 | 筛选条件，例如：<br>```json<br>{\"a\": 1}<br>``` |\n| `page_size` | `int` | 否 | 分页大小 |" + Response);

    private static void AssertRead(string page)
    {
        var result = PageReader.Read("/p/specs/page.md", page);
        var endpoint = result.Endpoint!;
        Assert.Equal(new[] { "filter", "page_size" }, endpoint.QueryParameters.Select(q => q.Name));
        Assert.Contains("{\"a\"", endpoint.QueryParameters[0].Description);
        Assert.Contains("\"has_more\"", endpoint.ResponseExample);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id is "FSG0023" or "FSG0025");
    }
}
