using FeishuGen.Generator.Model;
using FeishuGen.Generator.Reading;
using Xunit;

namespace FeishuGen.Tests.Reading;

/// <summary>Uploads only where the page says so; otherwise a call with no documented body sends none.</summary>
public sealed class PayloadTests
{
    // A standard-Markdown page written for these tests, with the sections each test adds.
    private static string Page(string method, string sections, string description = "结束一场会议。") => $$"""
        # 结束会议

        {{description}}

        ## 请求

        | 项目 | 值 |
        | --- | --- |
        | HTTP URL | https://open.feishu.cn/open-apis/demo/v1/meetings/:meeting_id/end |
        | HTTP Method | {{method}} |

        ### 请求头

        | 名称 | 类型 | 必填 | 描述 |
        | --- | --- | --- | --- |
        | Authorization | string | 是 | `tenant_access_token` |
        {{sections}}

        ## 响应

        ### 响应体示例

        ```json
        {"code": 0, "msg": "success"}
        ```
        """;

    private static PayloadKind Kind(string page) => PageReader.Read("/p/specs/end.md", page).Endpoint!.RequestKind;

    // Fault 3 of #19.
    [Theory]
    [InlineData("PATCH")]
    [InlineData("POST")]
    [InlineData("PUT")]
    public void A_sending_call_with_no_body_section_and_no_samples_sends_nothing(string method)
        => Assert.Equal(PayloadKind.None, Kind(Page(method, string.Empty)));

    [Fact]
    public void A_multipart_content_type_row_makes_an_upload()
        => Assert.Equal(PayloadKind.Multipart, Kind(Page("POST", "| Content-Type | string | 是 | **示例值**：\"multipart/form-data; boundary=---7MA4YWxkTrZu0gW\" |")));

    [Fact]
    public void A_file_typed_body_field_makes_an_upload()
        => Assert.Equal(PayloadKind.Multipart, Kind(Page("POST", "\n### 请求体\n\n| 名称 | 类型 | 必填 | 描述 |\n| --- | --- | --- | --- |\n| `file` | `file` | 是 | 录像文件 |")));

    [Fact]
    public void A_multipart_sample_makes_an_upload()
        => Assert.Equal(PayloadKind.Multipart, Kind(Page("POST", "\n```bash\ncurl -X POST 'https://open.feishu.cn/open-apis/demo/v1/meetings/m1/end' -F 'file=@a.mp4'\n```")));

    [Fact]
    public void Prose_that_names_multipart_form_data_makes_an_upload_of_a_call_without_a_body_section()
        => Assert.Equal(PayloadKind.Multipart, Kind(Page("POST", string.Empty, "上传录像，请求体是 multipart/form-data。")));

    [Fact]
    public void Body_fields_make_a_json_call()
        => Assert.Equal(PayloadKind.Json, Kind(Page("POST", "\n### 请求体\n\n| 名称 | 类型 | 必填 | 描述 |\n| --- | --- | --- | --- |\n| `reason` | `string` | 否 | 原因 |")));

    // The docs site's own export drops an upload's body and samples alike; its basic table lists the token types.
    [Fact]
    public void In_the_docs_sites_export_a_sending_call_with_neither_body_nor_samples_is_an_upload()
    {
        const string page = """
            ## 上传录像

            上传一段录像。

            ## 请求

            | 基本 | |
            | --- | --- |
            | HTTP URL | `https://open.feishu.cn/open-apis/demo/v1/recordings` |
            | HTTP Method | POST |
            | 支持的访问令牌 | tenant_access_token |

            ### 响应

            **响应示例**:

            ```json
            {"code": 0, "msg": "success", "data": {"key": "rec_1"}}
            ```
            """;

        Assert.Equal(PayloadKind.Multipart, Kind(page));
    }
}
