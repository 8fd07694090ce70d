namespace FeishuGen.Tests.Support;

/// <summary>Pages in the standard Markdown form, written in tests: the heading and the basic table of a demo endpoint, then the sections a test needs.</summary>
internal static class MarkdownPages
{
    /// <summary><c>POST /open-apis/demo/v1/records</c> (named from its URL: <c>demo.v1.record.create</c>), followed by <paramref name="sections"/>.</summary>
    public static string CreateRecord(string sections) => """
        ## 创建记录

        ## 请求

        | 项目 | 值 |
        | --- | --- |
        | HTTP URL | https://open.feishu.cn/open-apis/demo/v1/records |
        | HTTP Method | POST |


        """ + sections;
}
