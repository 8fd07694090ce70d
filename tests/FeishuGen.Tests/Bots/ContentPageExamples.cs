using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FeishuGen.Tests.Bots;

/// <summary>
/// The JSON examples of the content pages (发送消息内容 and 接收消息内容, in any form), grouped by the
/// msg_type their section heading ends with ("### 文本 text", "#### 日程分享卡片 share_calendar_event").
/// A request-body example (with msg_type and content) counts for its own msg_type.
/// </summary>
internal static partial class ContentPageExamples
{
    [GeneratedRegex(@"^(#{2,5})\s+(.*?)\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"\s([a-z]+(?:_[a-z]+)*)$")]
    private static partial Regex TypeAtEnd();

    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>(msg_type, content) pairs and the types the page's headings name; Unreadable counts fences that are not JSON (e.g. "...").</summary>
    public static (List<(string Type, string Content)> Examples, HashSet<string> Types, int Unreadable) Read(string page)
    {
        var examples = new List<(string, string)>();
        var types = new HashSet<string>();
        var unreadable = 0;
        string? section = null;
        var lines = page.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var heading = Heading().Match(lines[i]);
            if (heading.Success)
            {
                var type = TypeAtEnd().Match(" " + heading.Groups[2].Value);
                if (type.Success && heading.Groups[1].Length >= 3)
                {
                    section = type.Groups[1].Value;
                    types.Add(section);
                }
                else if (heading.Groups[1].Length <= 2)
                {
                    section = null;
                }

                continue;
            }

            var trimmed = lines[i].Trim();
            if (!trimmed.StartsWith("```", System.StringComparison.Ordinal))
            {
                continue;
            }

            var info = trimmed[3..].Trim();
            var body = new List<string>();
            for (i++; i < lines.Length && !lines[i].Trim().StartsWith("```", System.StringComparison.Ordinal); i++)
            {
                body.Add(lines[i]);
            }

            if (section is null || (info.Length > 0 && !info.StartsWith("json", System.StringComparison.Ordinal)))
            {
                continue;
            }

            JsonObject? json;
            try
            {
                json = JsonNode.Parse(string.Join("\n", body), documentOptions: Lenient) as JsonObject;
            }
            catch (JsonException)
            {
                json = null;
            }

            if (json is null)
            {
                unreadable++;
                continue;
            }

            if (json["msg_type"] is JsonValue msgType && json["content"] is JsonValue content)
            {
                examples.Add((msgType.GetValue<string>(), content.GetValue<string>()));
            }
            else if (json["receive_id"] is null && json["code"] is null)
            {
                examples.Add((section, json.ToJsonString()));
            }
        }

        return (examples, types, unreadable);
    }

    public static IEnumerable<string> Forms => new[] { "feishu-docs", "feishu-docs-portal", "feishu-docs-markdown" };

    public static string SendPage(string form) => form == "feishu-docs"
        ? "消息/消息管理/消息内容（content ）结构介绍/发送消息内容结构.md"
        : "im-v1/message/message-content-description/create_json.md";

    public static string ReceivePage(string form) => form == "feishu-docs"
        ? "消息/消息管理/消息内容（content ）结构介绍/接收消息内容结构.md"
        : "im-v1/message/message-content-description/message_content.md";

    public static IReadOnlyList<string> SentTypes { get; } = new[] { "text", "post", "image", "interactive", "share_chat", "share_user", "audio", "media", "file", "sticker", "system" };

    public static IReadOnlyList<string> ReceivedTypes { get; } = new[]
    {
        "text", "post", "image", "file", "folder", "audio", "media", "sticker", "interactive", "hongbao", "share_calendar_event",
        "calendar", "general_calendar", "share_chat", "share_user", "system", "location", "video_chat", "todo", "vote", "merge_forward",
    };

    public static bool SameJson(string a, string b) => JsonNode.DeepEquals(JsonNode.Parse(a, documentOptions: Lenient), JsonNode.Parse(b, documentOptions: Lenient));
}
