using System.IO;
using System.Linq;
using FeishuGen.Generator.Model;
using FeishuGen.Generator.Reading;
using FeishuGen.Tests.Support;
using Xunit;

namespace FeishuGen.Tests.Reading;

/// <summary>
/// Pages from sources the reader was not shaped for, written for these tests in tests/pages/: another
/// crawler's Markdown converter (tables without outer pipes, cells over hard breaks and lists, rows left
/// as paragraphs, flattened response rows) and the Lark portal (components inside pipe-table cells,
/// 请求参数, a field whose type cell is empty).
/// </summary>
public sealed class OtherSourcesTests
{
    [Fact]
    public void Another_crawlers_page_reads_tables_without_outer_pipes_and_cells_over_hard_breaks_and_lists()
    {
        var result = Read("other-crawler/batch_get_okr.md");
        var endpoint = result.Endpoint!;

        Assert.Equal("GET", endpoint.HttpMethod);
        Assert.Equal("/open-apis/okr/v1/okrs/batch_get", endpoint.PathTemplate);
        Assert.Equal("批量查询目标", endpoint.Title);
        Assert.DoesNotContain("最后更新于", endpoint.Description);
        Assert.Equal(new[] { "custom", "isv" }, endpoint.AppTypes);
        Assert.Equal(("查看目标", "okr:okr:readonly"), (endpoint.Scopes.Single().Name, endpoint.Scopes.Single().Key));
        Assert.Equal(new[] { "tenant_access_token", "user_access_token" }, endpoint.TokenTypes);

        Assert.Equal(new[] { "user_id_type", "okr_ids", "lang" }, endpoint.QueryParameters.Select(q => q.Name));
        var userIdType = endpoint.QueryParameters[0];
        Assert.Equal("open_id", userIdType.Example);
        Assert.Equal(new[] { "open_id", "union_id", "user_id" }, userIdType.AllowedValues.Select(v => v.Value));
        Assert.Equal("应用内的用户标识", userIdType.AllowedValues[0].Label);
        var okrIds = endpoint.QueryParameters[1];
        Assert.Equal("string[]", okrIds.Type);
        Assert.True(okrIds.Required);
        Assert.Equal("7012345678901234567", okrIds.Example);
        Assert.Equal("zh_cn", endpoint.QueryParameters[2].Default);
        Assert.Equal(new long[] { 1009999, 1009996 }, endpoint.Errors.Select(e => e.Code));

        // The query table's cells ran over hard breaks and a list: repaired, with a note.
        Assert.Contains(result.Diagnostics, d => d.Id == "FSG0021");
    }

    [Fact]
    public void Flattened_response_rows_are_nested_as_the_example_shows()
    {
        var data = Read("other-crawler/batch_get_okr.md").Endpoint!.ResponseFields.Single(f => f.Name == "data");

        var okrList = Assert.Single(data.Shape!.Properties);
        Assert.Equal(("okr_list", "array"), (okrList.Name, okrList.Type));
        Assert.Equal(new[] { "id", "name", "objective_list" }, okrList.Child!.Properties.Select(p => p.Name));
        var objectives = okrList.Child.Properties[2];
        Assert.Equal(new[] { "id", "content", "progress_rate" }, objectives.Child!.Properties.Select(p => p.Name));
        Assert.Equal("int", objectives.Child.Properties[2].Type);
    }

    [Fact]
    public void Rows_a_list_inside_a_cell_left_as_paragraphs_are_still_rows()
    {
        var endpoint = Read("other-crawler/create_task_comment.md").Endpoint!;

        Assert.Equal(new[] { "content", "parent_id", "notify_level", "rich_content" }, endpoint.BodyFields.Select(f => f.Name));
        Assert.Equal(new[] { "1", "2" }, endpoint.BodyFields[2].AllowedValues.Select(v => v.Value));
        Assert.Equal(new[] { "task_id" }, endpoint.PathParameters.Select(p => p.Name));
        Assert.Equal(new[] { "open_id", "user_id" }, endpoint.QueryParameters.Single().AllowedValues.Select(v => v.Value));
        Assert.Equal(new[] { "task:task", "task:task:write" }, endpoint.Scopes.Select(s => s.Key));
        Assert.Equal(new[] { "content", "parent_id", "id" }, endpoint.ResponseFields.Single(f => f.Name == "data").Shape!.Properties.Single().Child!.Properties.Select(p => p.Name));
    }

    [Fact]
    public void A_lark_page_reads_components_in_pipe_cells_without_raw_markup()
    {
        var endpoint = Read("lark-portal/list_chat_members.md").Endpoint!;

        // The page's host never decides where a call goes: a Lark page reads into its Feishu twin's model.
        Assert.Equal("https://open.feishu.cn", endpoint.Host);
        Assert.Equal(new[] { "custom", "isv" }, endpoint.AppTypes);
        Assert.Equal(new[] { ("读取群信息", "im:chat:readonly"), ("读取与更新群信息", "im:chat") }, endpoint.Scopes.Select(s => (s.Name, s.Key)));
        Assert.Equal(new[] { "tenant_access_token", "user_access_token" }, endpoint.TokenTypes);
        Assert.Equal(new[] { "chat_id" }, endpoint.PathParameters.Select(p => p.Name));

        // Query parameters under 请求参数 are the GET's query parameters.
        Assert.Equal(new[] { "member_id_type", "page_size", "page_token" }, endpoint.QueryParameters.Select(q => q.Name));
        Assert.Equal(new[] { "open_id", "user_id" }, endpoint.QueryParameters[0].AllowedValues.Select(v => v.Value));
        Assert.Equal("int", endpoint.QueryParameters[1].Type);

        // No markup reaches a name, a type or a scope.
        var names = endpoint.PathParameters.Concat(endpoint.QueryParameters).Concat(endpoint.ResponseFields).Select(f => f.Name + f.Type)
            .Concat(endpoint.Scopes.Select(s => s.Name + s.Key)).Concat(endpoint.AppTypes);
        Assert.All(names, n => Assert.DoesNotContain("<", n));
    }

    [Fact]
    public void A_field_whose_type_cell_is_empty_is_an_object_of_the_rows_below_it()
    {
        var lark = Read("lark-portal/create_app_table.md").Endpoint!;
        var table = Assert.Single(lark.BodyFields);
        Assert.Equal(("table", "object", false), (table.Name, table.Type, table.Required));
        Assert.Equal(new[] { "name", "default_view_name" }, table.Shape!.Properties.Select(p => p.Name));

        var members = Read("lark-portal/list_chat_members.md").Endpoint!;
        var data = members.ResponseFields.Single(f => f.Name == "data");
        Assert.Equal("object", data.Type);
        Assert.Equal(new[] { "items", "page_token", "has_more" }, data.Shape!.Properties.Select(p => p.Name));
        Assert.Equal(new[] { "member_id", "name" }, data.Shape.Properties[0].Child!.Properties.Select(p => p.Name));
    }

    /// <summary>Fault 1 of issue #19: a fence inside a query-parameter cell must end in that cell, and the response example after it is read.</summary>
    [Fact]
    public void A_fence_inside_a_cell_ends_in_the_cell_and_the_response_example_after_it_is_read()
    {
        var result = Read("cleaned/list_fields_with_fenced_filter.md");
        var endpoint = result.Endpoint!;

        Assert.Equal(new[] { "view_id", "text_field_as_array", "page_token", "page_size" }, endpoint.QueryParameters.Select(q => q.Name));
        Assert.Contains("\"第一行\"", endpoint.QueryParameters[1].Description);
        Assert.NotNull(endpoint.ResponseExample);
        Assert.Contains("\"has_more\"", endpoint.ResponseExample);
        Assert.Single(endpoint.Errors);

        // Markdown itself reads the 响应 heading as part of a fenced block ('``` |' opens one): the page is told.
        var swallowed = Assert.Single(result.Diagnostics, d => d.Id == "FSG0022");
        Assert.Equal("响应", swallowed.Arguments[0]);
    }

    /// <summary>
    /// Damaged copies of these pages never crash the reader: blocks of lines moved elsewhere (the shape of
    /// the ArgumentOutOfRangeException issue #19 found on Lark pages) give an endpoint or a diagnostic, no FSG0011.
    /// </summary>
    [Fact]
    public void Pages_with_blocks_of_lines_moved_never_crash_the_reader()
    {
        var random = new System.Random(19);
        foreach (var page in Directory.EnumerateFiles(Path.Combine(Repo.Root, "tests", "pages"), "*.md", SearchOption.AllDirectories))
        {
            var lines = File.ReadAllLines(page);
            for (var variant = 0; variant < 300; variant++)
            {
                var moved = lines.ToList();
                var at = random.Next(moved.Count);
                var block = moved.GetRange(at, System.Math.Min(moved.Count - at, 1 + random.Next(20)));
                moved.RemoveRange(at, block.Count);
                moved.Insert(random.Next(moved.Count + 1), string.Join("\n", block));

                var result = PageReader.Read(page, string.Join("\n", moved));

                Assert.DoesNotContain(result.Diagnostics, d => d.Id == "FSG0011");
                Assert.True(result.Endpoint is not null || result.Event is not null || result.Diagnostics.Count > 0);
            }
        }
    }

    private static PageReadResult Read(string page)
    {
        var path = Path.Combine(Repo.Root, "tests", "pages", page);
        return PageReader.Read(path, File.ReadAllText(path));
    }
}
