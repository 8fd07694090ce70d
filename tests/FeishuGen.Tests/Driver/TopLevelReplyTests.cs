using System.Linq;
using FeishuGen.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FeishuGen.Tests.Driver;

/// <summary>Replies whose members sit beside code and msg (获取机器人信息) are typed; tables that merely leave out data's wrapper are not mistaken for them.</summary>
public sealed class TopLevelReplyTests
{
    private const string Page = """
        # 读取演示

        读取一个演示对象。

        ## 请求

        | 项目 | 值 |
        | --- | --- |
        | HTTP URL | https://open.feishu.cn/open-apis/demo/v1/{0} |
        | HTTP Method | GET |
        | 支持的应用类型 | custom,isv |

        ## 响应

        ### 响应体

        | 名称 | 类型 | 描述 |
        | --- | --- | --- |
        | `code` | `int` | 错误码 |
        | `msg` | `string` | 错误描述 |
        | `bot` | `bot_info` | 对象 |
        | ∟ `open_id` | `string` | 标识 |

        ### 响应体示例

        ```json
        {1}
        ```
        """;

    [Theory]
    [InlineData("{\"code\": 0, \"msg\": \"ok\", \"bot\": {\"open_id\": \"ou_1\"}}", true)]
    [InlineData("{\"code\": 0, \"msg\": \"ok\", \"data\": {\"bot\": {\"open_id\": \"ou_1\"}}}", false)]
    public void Members_beside_code_and_msg_are_the_response_only_when_the_example_has_them_there(string example, bool atTopLevel)
    {
        var page = Page.Replace("{0}", "info").Replace("{1}", example);
        var (_, output, _) = GeneratorHarness.Run(GeneratorHarness.Page("/p/specs/info.md", page));

        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var response = output.GetTypeByMetadataName("FeishuGen.Api.Demo.V1.ListInfoResponse")!;
        var entry = output.SyntaxTrees.Single(t => t.FilePath.EndsWith("InfoApiEndpoints.g.cs", System.StringComparison.Ordinal)).ToString();
        Assert.Equal(atTopLevel, entry.Contains("ReplyAtTopLevel = true", System.StringComparison.Ordinal));
        Assert.NotEmpty(response.GetMembers("Bot"));
    }
}
