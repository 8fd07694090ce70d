using System.Linq;
using System.Xml.Linq;
using FeishuGen.Generator.Emitting;
using Xunit;

namespace FeishuGen.Tests.Emitting;

/// <summary>The pages' Markdown becomes XML doc markup that IntelliSense renders, and never a malformed comment.</summary>
public sealed class MarkdownXmlTests
{
    [Theory]
    [InlineData("用 `open_id` 查询", "用 <c>open_id</c> 查询")]
    [InlineData("参见[获取用户](/ssl:ttdoc/uAjLw4CM/reference/contact-v3/user/get)。", "参见<see href=\"https://open.feishu.cn/document/uAjLw4CM/reference/contact-v3/user/get\">获取用户</see>。")]
    [InlineData("见 [文档](https://open.larkoffice.com/document/a?b=1&c=2)", "见 <see href=\"https://open.larkoffice.com/document/a?b=1&amp;c=2\">文档</see>")]
    [InlineData("[本地](relative/page)", "本地")]
    [InlineData("**注意**：a < b & c", "<b>注意</b>：a &lt; b &amp; c")]
    public void Inline_markdown_becomes_doc_tags(string markdown, string xml)
        => Assert.Equal(xml, MarkdownXml.Line(markdown));

    [Theory]
    [InlineData("**a `b** c`")]
    [InlineData("[a `b`](https://x.y/z) and ``` stray")]
    [InlineData("**bold [link](https://a.b/\"q\") `x`**")]
    [InlineData("<script>alert(1)</script> `<c>` [x](javascript:alert(1))")]
    public void Crossed_or_hostile_markup_still_gives_well_formed_xml(string markdown)
        => XElement.Parse("<doc>" + MarkdownXml.Line(markdown) + "</doc>");

    [Fact]
    public void Runs_of_dash_lines_become_a_bullet_list()
    {
        var writer = new SourceWriter();
        MarkdownXml.WriteLines(writer, "会话类型\n- `p2p`：单聊\n- `group`：群聊\n之后的说明");

        var lines = writer.ToString().Split('\n').Where(l => l.Length > 0).ToArray();
        Assert.Equal(new[]
        {
            "/// 会话类型",
            "/// <list type=\"bullet\">",
            "/// <item><description><c>p2p</c>：单聊</description></item>",
            "/// <item><description><c>group</c>：群聊</description></item>",
            "/// </list>",
            "/// <para>之后的说明</para>",
        }, lines);
        XElement.Parse("<doc>" + string.Concat(lines.Select(l => l.Substring(4))) + "</doc>");
    }
}
