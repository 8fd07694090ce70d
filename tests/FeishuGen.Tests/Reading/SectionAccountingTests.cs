using System.Linq;
using FeishuGen.Generator.Reading;
using FeishuGen.Tests.Support;
using Xunit;

namespace FeishuGen.Tests.Reading;

/// <summary>Nothing a page's sections hold goes missing without a word: every table row, fenced block and example is read or reported.</summary>
public sealed class SectionAccountingTests
{
    [Fact]
    public void The_seed_page_reads_every_table_row_and_example_of_its_sections()
    {
        var result = PageReader.Read("/p/specs/seed.md", Repo.ReadSeed());

        var accounting = result.Accounting;
        Assert.Equal(3, accounting.TablesRead);
        Assert.Equal(accounting.Rows, accounting.RowsRead);
        Assert.Equal(2, accounting.FencesRead);
        Assert.Equal(0, accounting.Unexplained);
    }

    [Fact]
    public void A_table_that_reads_fewer_rows_than_it_has_says_which_at_the_line()
    {
        var page = Repo.ReadSeed().Replace("| result | string | 是 | 背调结果", "|  | string | 是 | 背调结果").Replace("| result_time |", "| &emsp;∟orphan_member | string | 是 | 没有上级的行 |\n| result_time |");

        var result = PageReader.Read("/p/specs/page.md", page);

        var warning = Assert.Single(result.Diagnostics, d => d.Id == "FSG0023");
        Assert.Equal(20, warning.Line);
        Assert.Equal(new[] { "请求体", "5", "3" }, warning.Arguments.Take(3));
        Assert.Contains("line 21", warning.Arguments[3]);
        Assert.Equal(2, result.Accounting.RowsReported);
    }

    [Fact]
    public void A_response_example_that_yields_no_member_is_a_warning_at_its_line()
    {
        var page = Repo.ReadSeed().Replace("{\n    \"code\": 0,\n    \"msg\": \"success\",\n    \"data\": {}\n}", "{}");

        var warning = Assert.Single(PageReader.Read("/p/specs/page.md", page).Diagnostics, d => d.Id == "FSG0024");

        Assert.Equal(54, warning.Line);
        Assert.Equal("it is an empty object", warning.Arguments[1]);
    }

    [Fact]
    public void A_heading_an_html_block_swallowed_is_read_and_reported()
    {
        var page = Repo.ReadSeed().Replace("\n### 请求体", "\n<br>\n### 请求体");

        var result = PageReader.Read("/p/specs/page.md", page);

        Assert.Equal(4, result.Endpoint!.BodyFields.Count);
        var warning = Assert.Single(result.Diagnostics, d => d.Id == "FSG0022");
        Assert.Equal(("请求体", "HTML block", "16"), (warning.Arguments[0], warning.Arguments[1], warning.Arguments[2]));
    }

    [Fact]
    public void A_fence_left_open_does_not_swallow_the_sections_after_it()
    {
        var page = Repo.ReadSeed().Replace("    ]\n}\n```\n\n### 响应", "    ]\n}\n\n### 响应");

        var result = PageReader.Read("/p/specs/page.md", page);

        Assert.NotNull(result.Endpoint!.ResponseExample);
        Assert.Equal(3, result.Endpoint.Errors.Count);
        // The request example's fence is closed only by the response example's closing fence.
        Assert.Contains(result.Diagnostics, d => d.Id == "FSG0022" && d.Arguments[0] == "响应" && d.Arguments[1] == "fenced block that closes only below it");
    }

    [Fact]
    public void A_second_example_is_reported_and_a_table_no_reader_takes_counts_as_unexplained()
    {
        var page = Repo.ReadSeed()
            .Replace("\n### 错误码", "\n```json\n{\"code\": 1}\n```\n\n| 字段 | 说明 |\n| --- | --- |\n| a | b |\n\n### 错误码");

        var result = PageReader.Read("/p/specs/page.md", page);

        var notes = result.Diagnostics.Where(d => d.Id == "FSG0025").ToList();
        Assert.Equal(new[] { "fenced block", "table" }, notes.Select(n => n.Arguments[0]).OrderBy(a => a));
        Assert.All(notes, n => Assert.Equal("响应", n.Arguments[1]));
        // The second example is a known case (a section's first example is read); the table is not.
        Assert.Equal(1, result.Accounting.Unexplained);
    }
}
