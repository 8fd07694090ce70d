using System.Linq;
using FeishuGen.Generator.Reading;
using Xunit;

namespace FeishuGen.Tests.Reading;

/// <summary>The table and cell readers on the irregular shapes real pages have.</summary>
public sealed class TableAndCellTests
{
    [Fact]
    public void A_row_continues_over_several_lines_until_one_ends_with_a_pipe()
    {
        var lines = new[]
        {
            "| 参数名 | 类型 | 必填 | 描述 |",
            "| --- | --- | --- | --- |",
            "| start_time | string | 否 | 起始时间。",
            "",
            "**注意**：",
            "- 若未传值默认最早。 |",
            "| end_time | string | 否 | 结束时间 |",
        };
        var (header, rows) = Table(lines);
        Assert.Equal(4, header!.Cells.Count);
        Assert.Equal(2, rows.Count);
        Assert.Equal("start_time", rows[0].Cells[0]);
        Assert.Contains("若未传值默认最早。", rows[0].Cells[3]);
        Assert.Equal(2, rows[0].Line);
        Assert.Equal("end_time", rows[1].Cells[0]);
        Assert.Equal(6, rows[1].Line);
    }

    [Fact]
    public void Escaped_pipes_and_pipes_in_code_stay_in_the_cell_and_stray_pipes_fold_into_the_last_column()
    {
        var lines = new[]
        {
            "| 参数名 | 类型 | 必填 | 描述 |",
            "| --- | --- | --- | --- |",
            "| a | string | 是 | x \\| y and `p|q` |",
            "| b | string | 否 | left | right |",
        };
        var (_, rows) = Table(lines);
        Assert.Equal("x | y and `p|q`", rows[0].Cells[3]);
        var folded = PipeRow.Normalize(rows[1].Cells, 4);
        Assert.Equal("left | right", folded[3]);
    }

    [Fact]
    public void A_fenced_json_block_inside_a_cell_stays_in_the_cell_and_the_rows_after_it_are_read()
    {
        var lines = new[]
        {
            "| 参数 | 类型 | 必填 | 描述 |",
            "| --- | --- | --- | --- |",
            "| filter | string | 否 | 过滤条件，JSON 字符串 <br> **示例**:",
            "```json",
            "{\"status\": [\"open\"], \"owner\": \"a|b\"}",
            "```",
            " |",
            "| page_size | int | 否 | 分页大小 <br> **示例**: 20 |",
            "| page_token | string | 否 | 分页标记 |",
        };

        var (_, rows) = Table(lines);

        Assert.Equal(new[] { "filter", "page_size", "page_token" }, rows.Select(r => r.Cells[0]));
        Assert.Contains("\"owner\": \"a|b\"", rows[0].Cells[3]);
        Assert.Equal(7, rows[1].Line);
    }

    [Fact]
    public void An_unclosed_last_row_does_not_swallow_the_example_fence_below_the_table()
    {
        var lines = new[] { "| a | b |", "| --- | --- |", "| x | y", "", "**请求体示例**:", "```json", "{}", "```", "", "## 响应" };

        var (_, rows) = Table(lines);

        Assert.DoesNotContain("{}", string.Join(" ", rows.SelectMany(r => r.Cells)));
    }

    [Fact]
    public void A_row_that_never_closes_stops_at_the_next_heading()
    {
        var lines = new[] { "| 参数名 | 类型 | 描述 |", "| --- | --- | --- |", "| id | string | 未闭合", "### 响应" };
        var (_, rows) = Table(lines);
        Assert.Equal("未闭合", Assert.Single(rows).Cells[2]);
    }

    [Fact]
    public void A_cell_yields_description_example_allowed_values_rules_and_default()
    {
        var cell = CellParser.Parse("授予名单类型 <br> **示例**: 0 <br> **可选值**:<br>- 0: 手动选择有效期 <br>- 1: 匹配系统入职时间 <br>");
        Assert.Equal("授予名单类型", cell.Description);
        Assert.Equal("0", cell.Example);
        Assert.Equal(new[] { ("0", "手动选择有效期"), ("1", "匹配系统入职时间") }, cell.AllowedValues.Select(v => (v.Value, v.Label)));

        var rules = CellParser.Parse("名称 <br> **示例**: abc <br> **数据校验规则**:<br>最大长度: 100最小长度: 1");
        Assert.Equal(new[] { ("最大长度", "100"), ("最小长度", "1") }, rules.Rules.Select(r => (r.Kind, r.Value)));

        var withDefault = CellParser.Parse("分页大小 <br> **默认值**：`20` <br> **示例**: 10");
        Assert.Equal("20", withDefault.Default);
        Assert.Equal("10", withDefault.Example);
    }

    // The first table of a page made of these lines, as the reader's outline sees it.
    private static (TableRow? Header, System.Collections.Generic.IReadOnlyList<TableRow> Rows) Table(params string[] lines)
    {
        var table = PageOutline.Parse(string.Join("\n", lines)).Tables[0];
        return (table.Header, table.Rows);
    }
}
