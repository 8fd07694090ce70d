using System.IO;
using System.Linq;
using FeishuGen.Generator.Model;
using FeishuGen.Generator.Reading;
using FeishuGen.Tests.Support;
using Xunit;

namespace FeishuGen.Tests.Reading;

/// <summary>Event pages read into event models, in every form a user gets them.</summary>
public sealed class EventPageReaderTests
{
    private static string OwnPage => File.ReadAllText(Path.Combine(Repo.Root, "specs", "消息", "接收消息.md"));

    [Fact]
    public void The_event_page_in_specs_gives_its_type_table_and_example()
    {
        var result = PageReader.Read("/p/specs/receive.md", OwnPage);

        Assert.Null(result.Endpoint);
        var model = Assert.IsType<EventModel>(result.Event);
        Assert.Equal("im.message.receive_v1", model.EventType);
        Assert.False(model.LegacySchema);
        Assert.Equal("接收消息", model.Title);
        Assert.Equal(new[] { "schema", "header", "event" }, model.BodyFields.Select(f => f.Name));
        var body = model.BodyFields.Single(f => f.Name == "event").Shape!;
        Assert.Equal(new[] { "sender", "message" }, body.Properties.Select(p => p.Name));
        Assert.Contains("\"event_type\": \"im.message.receive_v1\"", model.Example);
        Assert.Contains(model.Scopes, s => s.Key == "im:message.p2p_msg:readonly");
        Assert.Empty(result.Diagnostics);
    }

    [Theory]
    [InlineData("feishu-docs", "消息/消息管理/事件/接收消息.md")]
    [InlineData("feishu-docs-portal", "im-v1/message/events/receive.md")]
    [InlineData("feishu-docs-markdown", "im-v1/message/events/receive.md")]
    public void A_real_event_page_reads_the_same_in_all_three_forms(string folder, string path)
    {
        var model = PageReader.Read("/p/" + path, Repo.SharedPage(folder, path)).Event;

        Assert.NotNull(model);
        Assert.Equal("im.message.receive_v1", model!.EventType);
        Assert.False(model.LegacySchema);
        var header = model.BodyFields.Single(f => f.Name == "header").Shape!;
        Assert.Equal(new[] { "event_id", "event_type", "create_time", "token", "app_id", "tenant_key" }, header.Properties.Select(p => p.Name));
        var message = model.BodyFields.Single(f => f.Name == "event").Shape!.Properties.Single(p => p.Name == "message").Child!;
        Assert.Contains(message.Properties, p => p.Name == "mentions" && p.Child is not null);
        Assert.Contains("\"message_id\"", model.Example);
    }

    [Fact]
    public void A_schema_1_event_page_without_a_labelled_type_row_is_read_from_its_first_cell()
    {
        var model = PageReader.Read("/p/a.md", Repo.SharedPage("feishu-docs", "审批/审批事件/公用事件/审批实例状态变更.md")).Event;

        Assert.NotNull(model);
        Assert.Equal("approval_instance", model!.EventType);
        Assert.True(model.LegacySchema);
        Assert.Contains(model.BodyFields, f => f.Name == "uuid");
    }

    [Fact]
    public void An_event_page_naming_no_type_gets_FSG0016_at_its_event_section_and_no_event()
    {
        var page = "## 某事件\n\n说明。\n\n## 事件\n\n| 项目 | 值 |\n| --- | --- |\n| 推送方式 | `Webhook` |\n\n### 事件体\n\n| 名称 | 类型 | 描述 |\n| --- | --- | --- |\n| `schema` | `string` | 版本 |\n";
        var result = PageReader.Read("/p/specs/e.md", page);

        Assert.Null(result.Event);
        var diagnostic = Assert.Single(result.Diagnostics, d => d.Id == "FSG0016");
        Assert.Equal(4, diagnostic.Line);
    }

    [Fact]
    public void The_type_falls_back_to_the_example_when_the_table_has_none()
    {
        var page = "## 某事件\n\n## 事件\n\n| 项目 | 值 |\n| --- | --- |\n| 推送方式 | `Webhook` |\n\n### 事件体\n\n| 名称 | 类型 | 描述 |\n| --- | --- | --- |\n| `schema` | `string` | 版本 |\n\n### 事件体示例\n\n```json\n{\"schema\":\"2.0\",\"header\":{\"event_type\":\"contact.user.created_v3\"},\"event\":{}}\n```\n";

        Assert.Equal("contact.user.created_v3", PageReader.Read("/p/e.md", page).Event?.EventType);
    }
}
