using System.Linq;
using FeishuGen.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FeishuGen.Tests.Driver;

/// <summary>Uploads whose page documents the multipart fields get typed request records.</summary>
public sealed class TypedUploadTests
{
    // An upload page in standard Markdown, written for this test: a text field and a file field.
    private const string Page = """
        ---
        title: "上传附件"
        fullPath: "/uAjLw4CM/ukTMukTMukTM/demo-v1/attachment/create"
        updateTime: "1700000000000"
        ---

        # 上传附件

        上传一个附件。

        ## 请求

        | 项目 | 值 |
        | --- | --- |
        | HTTP URL | https://open.feishu.cn/open-apis/demo/v1/attachments |
        | HTTP Method | POST |
        | 支持的应用类型 | custom,isv |

        ### 请求头

        | 名称 | 类型 | 必填 | 描述 |
        | --- | --- | --- | --- |
        | Authorization | string | 是 | `tenant_access_token` **值格式**："Bearer `access_token`" |
        | Content-Type | string | 是 | **示例值**："multipart/form-data; boundary=---7MA4YWxkTrZu0gW" |

        ### 请求体

        | 名称 | 类型 | 必填 | 描述 |
        | --- | --- | --- | --- |
        | `kind` | `string` | 是 | 附件类型<br>**示例值**："pdf"<br>**可选值有**：<br>- `pdf`: PDF 文件 - `doc`: Word 文件 |
        | `size` | `int` | 否 | 大小<br>**示例值**：1024 |
        | `file` | `file` | 是 | 附件内容<br>**示例值**：file binary |

        ## 响应

        ### 响应体示例

        ```json
        {"code": 0, "msg": "success", "data": {"attachment_key": "att_1"}}
        ```
        """;

    [Fact]
    public void Documented_parts_become_typed_properties_with_a_feishu_file_for_the_file()
    {
        var (_, output, diagnostics) = GeneratorHarness.Run(GeneratorHarness.Page("/p/specs/upload.md", Page));

        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var request = output.GetTypeByMetadataName("FeishuGen.Api.Demo.V1.CreateAttachmentRequest")!;
        string Part(string property) => request.GetMembers(property).Single().GetAttributes().Single(a => a.AttributeClass!.Name == "FeishuFormPartAttribute").ConstructorArguments[0].Value!.ToString()!;
        var file = (IPropertySymbol)request.GetMembers("File").Single();
        Assert.Equal("global::FeishuGen.FeishuFile", file.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
        Assert.True(file.IsRequired);
        Assert.Equal("file", Part("File"));
        Assert.Equal("kind", Part("Kind"));
        Assert.Equal("size", Part("Size"));
        Assert.Equal("long?", ((IPropertySymbol)request.GetMembers("Size").Single()).Type.ToDisplayString());
        Assert.NotNull(output.GetTypeByMetadataName("FeishuGen.Api.Demo.V1.CreateAttachmentRequest+KindValues"));
        Assert.DoesNotContain(diagnostics, d => d.Id == "FSG0010");
    }
}
