using System.Linq;
using FeishuGen.Generator.Model;
using FeishuGen.Generator.Reading;
using Xunit;

namespace FeishuGen.Tests.Naming;

/// <summary>
/// Names come from everything the page carries, most trusted first: the SDK samples, the API
/// explorer link, the doc path (fullPath, full_path), a doc URL in the front matter; the URL only
/// when the page carries none of them (FSG0010).
/// </summary>
public sealed class PageNamesTests
{
    // A standard-Markdown page written for these tests: POST /open-apis/demo/v1/notes, with
    // whatever front matter and samples each test puts around it.
    private static string Page(string frontMatter = "", string samples = "", string url = "https://open.feishu.cn/open-apis/demo/v1/notes", string method = "POST")
        => (frontMatter.Length > 0 ? "---\n" + frontMatter + "\n---\n\n" : string.Empty) + $$$"""
            # 新建便签

            新建一张便签。

            ## 请求

            | 项目 | 值 |
            | --- | --- |
            | HTTP URL | {{{url}}} |
            | HTTP Method | {{{method}}} |

            ### 请求体

            | 名称 | 类型 | 必填 | 描述 |
            | --- | --- | --- | --- |
            | `text` | `string` | 是 | 便签内容<br>**示例值**："买牛奶" |

            ## 响应

            ### 响应体示例

            ```json
            {"code": 0, "msg": "success", "data": {}}
            ```

            """ + samples;

    private static (SdkNaming Naming, bool UrlNote) Read(string page)
    {
        var result = PageReader.Read("/p/specs/note.md", page);
        return (result.Endpoint!.Naming, result.Diagnostics.Any(d => d.Id == "FSG0010"));
    }

    [Fact]
    public void The_python_sample_names_the_call()
    {
        var (naming, note) = Read(Page(samples: "```python\nresponse = client.demo.v1.sticky_note.create(request)\n```\n"));

        Assert.Equal(("demo.v1.sticky_note.create", NameSource.PythonSample, false), (naming.Dotted, naming.Source, note));
    }

    [Fact]
    public void The_go_sample_names_the_call_in_snake_case_when_there_is_no_python_one()
    {
        var (naming, _) = Read(Page(samples: "```go\nresp, err := client.Demo.V1.StickyNote.BatchCreate(ctx, req)\n```\n"));

        Assert.Equal(("demo.v1.sticky_note.batch_create", NameSource.GoSample), (naming.Dotted, naming.Source));
    }

    [Fact]
    public void The_api_explorer_link_names_the_call_with_a_dotted_resource_joined()
    {
        var page = Page().Replace("新建一张便签。", "新建一张便签。{尝试一下}(url=/api/tools/api_explore/api_explore_config?project=demo&version=v1&resource=board.note&method=create)");

        var (naming, note) = Read(page);

        Assert.Equal(("demo.v1.board_note.create", NameSource.ApiExplorer, false), (naming.Dotted, naming.Source, note));
    }

    [Theory]
    [InlineData("fullPath: \"/uAjLw4CM/ukTMukTMukTM/demo-v1/board-note/create\"")]
    [InlineData("full_path: /uAjLw4CM/ukTMukTMukTM/reference/demo-v1/board-note/create")]
    public void The_doc_path_names_the_call_with_a_dash_joining_parent_and_child(string frontMatter)
    {
        var (naming, note) = Read(Page("title: 新建便签\n" + frontMatter));

        Assert.Equal(("demo.v1.board_note.create", NameSource.DocPath, false), (naming.Dotted, naming.Source, note));
    }

    [Theory]
    [InlineData("source_url: https://open.feishu.cn/document/server-docs/demo-v1/board-note/create")]
    [InlineData("source_url: \"https://open.larksuite.com/document/uAjLw4CM/ukTMukTMukTM/reference/demo-v1/board-note/create?lang=zh-CN\"")]
    [InlineData("url: https://open.feishu.cn/document/server-docs/demo-v1/board-note/create")]
    public void A_doc_url_in_the_front_matter_names_the_call(string frontMatter)
    {
        var (naming, note) = Read(Page("title: 新建便签\n" + frontMatter + "\n最后更新: 2026-01-05"));

        Assert.Equal(("demo.v1.board_note.create", NameSource.DocUrl, false), (naming.Dotted, naming.Source, note));
    }

    [Fact]
    public void The_front_matter_of_a_page_saved_with_a_bom_and_crlf_still_names_the_call()
    {
        var page = "\uFEFF" + Page("title: 新建便签\nsource_url: https://open.feishu.cn/document/server-docs/demo-v1/board-note/create").Replace("\n", "\r\n");

        Assert.Equal(NameSource.DocUrl, Read(page).Naming.Source);
    }

    [Fact]
    public void A_doc_path_of_another_service_or_version_is_not_this_calls_name()
    {
        var (naming, note) = Read(Page("fullPath: \"/uAjLw4CM/ukTMukTMukTM/other-v2/board-note/create\""));

        Assert.Equal(("demo.v1.note.create", NameSource.Url, true), (naming.Dotted, naming.Source, note));
    }

    // Fault 4 of #19: the Markdown form's app_access_token page was named Auth.V3.Auth.AppAccessTokenAsync.
    [Theory]
    [InlineData("auth-v3/auth/app_access_token", "https://open.feishu.cn/open-apis/auth/v3/app_access_token", "auth.v3.app_access_token.create")]
    [InlineData("auth-v3/auth/app_ticket_resend", "https://open.feishu.cn/open-apis/auth/v3/app_ticket/resend", "auth.v3.app_ticket.resend")]
    [InlineData("auth-v3/auth/tenant_access_token_internal", "https://open.feishu.cn/open-apis/auth/v3/tenant_access_token/internal", "auth.v3.tenant_access_token.internal")]
    public void A_doc_path_whose_resource_is_the_services_docs_folder_names_resource_and_method_in_its_last_segment(string docPath, string url, string dotted)
    {
        var page = Page("title: \"获取访问凭证\"\nfullPath: \"/ukTMukTMukTM/ukDNz4SO0MjL5QzM/" + docPath + "\"", url: url);

        var (naming, note) = Read(page);

        Assert.Equal((dotted, NameSource.DocPath, false), (naming.Dotted, naming.Source, note));
    }

    [Fact]
    public void A_docs_folder_whose_last_segment_the_url_does_not_confirm_is_no_name()
    {
        var page = Page("fullPath: \"/x/auth-v3/auth/something_else\"", url: "https://open.feishu.cn/open-apis/auth/v3/app_access_token");

        Assert.Equal(("auth.v3.app_access_token.create", NameSource.Url), (Read(page).Naming.Dotted, Read(page).Naming.Source));
    }

    [Fact]
    public void A_resource_named_like_its_service_is_kept_when_the_url_names_it()
    {
        var page = Page("fullPath: \"/uAjLw4CM/ukTMukTMukTM/reference/calendar-v4/calendar/create\"", url: "https://open.feishu.cn/open-apis/calendar/v4/calendars");

        Assert.Equal(("calendar.v4.calendar.create", NameSource.DocPath), (Read(page).Naming.Dotted, Read(page).Naming.Source));
    }

    [Fact]
    public void A_page_that_carries_no_name_is_named_from_its_url_with_a_note()
    {
        var (naming, note) = Read(Page("title: 新建便签\nfullPath: \"/ukTMukTMukTM/uUjN1YjL2UTN24iN1UjN\""));

        Assert.Equal(("demo.v1.note.create", NameSource.Url, true), (naming.Dotted, naming.Source, note));
    }

    [Fact]
    public void A_sample_beats_the_link_which_beats_the_doc_path_which_beats_the_doc_url()
    {
        var frontMatter = "fullPath: \"/x/demo-v1/from_path/create\"\nsource_url: https://open.feishu.cn/document/server-docs/demo-v1/from_url/create";
        var link = "{尝试一下}(url=/api/tools/api_explore/api_explore_config?project=demo&version=v1&resource=from_link&method=create)";
        var sample = "```python\nclient.demo.v1.from_sample.create(request)\n```\n";

        Assert.Equal("from_sample", Read(Page(frontMatter, sample).Replace("新建一张便签。", link)).Naming.Resource);
        Assert.Equal("from_link", Read(Page(frontMatter).Replace("新建一张便签。", link)).Naming.Resource);
        Assert.Equal("from_path", Read(Page(frontMatter)).Naming.Resource);
        Assert.Equal("from_url", Read(Page(frontMatter.Substring(frontMatter.IndexOf('\n') + 1))).Naming.Resource);
    }
}
