using System;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Bots;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace FeishuGen.Tests.Bots;

/// <summary>Content builders, Markdown to post, the splitter, cards and the rate gate, without a server.</summary>
public sealed class BuilderTests
{
    [Fact]
    public void Markdown_becomes_one_md_node_or_the_classic_tags()
    {
        var md = Content.Markdown("# 标题\n**粗** and *斜* ~~删~~ `code` [链接](https://open.feishu.cn) <at user_id=\"ou_1\">Tom</at>\n\n```go\nfunc main() {}\n```\n---\n- item_one", "T");
        Assert.Equal("md", ((PostNode)md.Locales![0].Body.Content[0][0]).Tag);

        var classic = Content.Markdown("# 标题\n**粗** and *斜* ~~删~~ `code` [链接](https://open.feishu.cn) <at user_id=\"ou_1\">Tom</at>\n\n```go\nfunc main() {}\n```\n---\n- item_one", style: MarkdownStyle.Classic);
        var paragraphs = classic.Locales![0].Body.Content;
        Assert.Equal(new[] { "bold" }, ((PostText)paragraphs[0][0]).Style);
        var line = paragraphs[1];
        Assert.Equal(("粗", "bold"), (((PostText)line[0]).Text, ((PostText)line[0]).Style!.Single()));
        Assert.Equal(("斜", "italic"), (((PostText)line[2]).Text, ((PostText)line[2]).Style!.Single()));
        Assert.Equal(("删", "lineThrough"), (((PostText)line[4]).Text, ((PostText)line[4]).Style!.Single()));
        Assert.Contains(line, n => n is PostText { Text: "code" });
        Assert.Contains(line, n => n is PostLink { Text: "链接", Href: "https://open.feishu.cn" });
        Assert.Contains(line, n => n is PostAt { UserId: "ou_1", UserName: "Tom" });
        Assert.Contains(paragraphs, p => p is [PostCodeBlock { Language: "GO", Text: "func main() {}" }]);
        Assert.Contains(paragraphs, p => p is [PostRule]);
        Assert.Equal("- item_one", ((PostText)paragraphs[^1][0]).Text);
    }

    [Fact]
    public void Mentions_go_out_in_each_formats_syntax_and_placeholders_resolve_whole()
    {
        Assert.Equal("<at user_id=\"ou_1\">Tom</at> <at user_id=\"all\"></at> hi", Content.Text("hi", Mention.User("ou_1", "Tom"), Mention.All).Text);
        Assert.Equal("<at id=ou_1></at>", Mention.User("ou_1").ToCardTag());
        var mentions = new[] { new MessageMention { Key = "@_user_1", Name = "A" }, new MessageMention { Key = "@_user_10", Name = "J" } };
        var text = (TextContent)MessageContent.Parse("text", "{\"text\":\"@_user_10 and @_user_1\"}") with { Mentions = mentions };
        Assert.Equal("@J and @A", text.ToPlainText());
    }

    [Fact]
    public void Unknown_types_and_unreadable_content_are_kept_raw()
    {
        var unknown = MessageContent.Parse("hologram", "{\"x\":1}");
        Assert.Equal("{\"x\":1}", Assert.IsType<UnknownContent>(unknown).ToJson());
        Assert.IsType<UnknownContent>(MessageContent.Parse("text", "not json"));
        Assert.Equal("{\"text\":5}", MessageContent.Parse("text", "{\"text\":5}").ToJson());
    }

    [Fact]
    public void Long_text_is_split_at_paragraph_boundaries_under_the_limit_and_fences_stay_balanced()
    {
        var paragraph = string.Concat(Enumerable.Repeat("飞书机器人", 400));
        var text = string.Join("\n\n", Enumerable.Range(0, 60).Select(i => i + paragraph));
        var parts = ContentSplitter.Split(text, ContentSplitter.TextLimitBytes);

        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.True(ContentSplitter.Cost(p) <= ContentSplitter.TextLimitBytes - 1024));
        Assert.Equal(text, string.Join("\n\n", parts));

        var code = "```python\n" + string.Concat(Enumerable.Repeat("print('飞书')\n", 4000)) + "```";
        var codeParts = ContentSplitter.Split(code, ContentSplitter.PostLimitBytes);
        Assert.True(codeParts.Count > 1);
        Assert.All(codeParts, p => Assert.Equal(0, (p.Split('\n').Count(l => l.StartsWith("```", StringComparison.Ordinal)) % 2)));
        Assert.StartsWith("```python", codeParts[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_card_is_json_2_with_its_components_and_refuses_duplicate_ids()
    {
        var card = new Card().Header("天气", template: "blue")
            .Markdown("**晴**", elementId: "today").Div("text").Image("img_v2_1", "alt").Hr()
            .Button("明天", CardAction.Callback("tomorrow"), type: "primary")
            .Columns(set => set.Column(c => c.Markdown("a")).Column(c => c.Person("ou_1"), weight: 2))
            .Form("ask", f => f.Input("q", "问题").Select("city", new[] { ("北京", "bj") }).PersonPicker("who").SubmitButton("提交", CardAction.Callback("ask")))
            .ToJsonObject();
        Assert.Equal("2.0", card["schema"]!.GetValue<string>());
        var tags = card["body"]!["elements"]!.AsArray().Select(e => e!["tag"]!.GetValue<string>());
        Assert.Equal(new[] { "markdown", "div", "img", "hr", "button", "column_set", "form" }, tags);
        Assert.Equal("tomorrow", card["body"]!["elements"]![4]!["behaviors"]![0]!["value"]!["action"]!.GetValue<string>());
        Assert.Equal("submit", card["body"]!["elements"]![6]!["elements"]![3]!["form_action_type"]!.GetValue<string>());

        Assert.Throws<InvalidOperationException>(() => new Card().Markdown("a", "same").Markdown("b", "same").ToJsonObject());
        var template = Card.Template("AAq1", new JsonObject { ["name"] = "x" }, "1.0.0");
        Assert.Equal("{\"type\":\"template\",\"data\":{\"template_id\":\"AAq1\",\"template_version_name\":\"1.0.0\",\"template_variable\":{\"name\":\"x\"}}}", template.ToJson());
    }

    [Fact]
    public async Task The_rate_gate_lets_at_most_its_limit_through_within_any_window_on_fake_time()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var gate = new RateGate(4, TimeSpan.FromSeconds(1), time);
        var passed = new System.Collections.Concurrent.ConcurrentQueue<DateTimeOffset>();
        var callers = Enumerable.Range(0, 12).Select(async _ =>
        {
            using (await gate.WaitAsync(CancellationToken.None))
            {
                passed.Enqueue(time.GetUtcNow());
            }
        }).ToList();

        for (var i = 0; i < 40 && passed.Count < 12; i++)
        {
            await Task.Delay(5);
            time.Advance(TimeSpan.FromMilliseconds(250));
        }

        await Task.WhenAll(callers);
        var times = passed.OrderBy(t => t).ToList();
        for (var i = 4; i < times.Count; i++)
        {
            Assert.True(times[i] - times[i - 4] >= TimeSpan.FromSeconds(1), $"five passes within a second at {times[i]}");
        }
    }
}
