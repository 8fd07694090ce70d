using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace FeishuGen.Bots;

/// <summary>
/// A text message (<c>text</c>): <c>{"text": "..."}</c>. On the way out the text may hold
/// <c>&lt;at user_id="ou_…"&gt;name&lt;/at&gt;</c> (see <see cref="Mention"/>), the style tags
/// <c>&lt;b&gt; &lt;i&gt; &lt;u&gt; &lt;s&gt;</c> and <c>[text](url)</c> links; on the way in mentions are
/// <c>@_user_1</c> placeholders, resolved by <see cref="ToPlainText"/> when the mentions are known.
/// </summary>
public sealed record TextContent : MessageContent
{
    /// <summary>The text.</summary>
    public required string Text { get; init; }

    /// <summary>The received message's mentions, by placeholder (set when read from an event or a reply).</summary>
    public IReadOnlyList<MessageMention>? Mentions { get; init; }

    /// <inheritdoc/>
    public override string MessageType => MessageTypes.Text;

    /// <summary>The text with <c>@_user_N</c> placeholders replaced by <c>@name</c>.</summary>
    public override string ToPlainText() => MentionText.Resolve(Text, Mentions);

    /// <inheritdoc/>
    protected override void WriteMembers(JsonObject json) => json["text"] = Text;

    internal static TextContent Read(JsonObject o) => new() { Text = ContentJson.TakeString(o, "text") ?? string.Empty, AdditionalProperties = ContentJson.Rest(o) };
}

/// <summary>The <c>msg_type</c> values of 发送消息内容 and 接收消息内容.</summary>
public static class MessageTypes
{
    /// <summary>文本.</summary>
    public const string Text = "text";

    /// <summary>富文本.</summary>
    public const string Post = "post";

    /// <summary>图片.</summary>
    public const string Image = "image";

    /// <summary>文件.</summary>
    public const string File = "file";

    /// <summary>文件夹 (received only).</summary>
    public const string Folder = "folder";

    /// <summary>语音.</summary>
    public const string Audio = "audio";

    /// <summary>视频.</summary>
    public const string Media = "media";

    /// <summary>表情包.</summary>
    public const string Sticker = "sticker";

    /// <summary>卡片.</summary>
    public const string Interactive = "interactive";

    /// <summary>分享群名片.</summary>
    public const string ShareChat = "share_chat";

    /// <summary>分享个人名片.</summary>
    public const string ShareUser = "share_user";

    /// <summary>系统消息.</summary>
    public const string System = "system";

    /// <summary>红包 (received only).</summary>
    public const string Hongbao = "hongbao";

    /// <summary>日程分享卡片 (received only).</summary>
    public const string ShareCalendarEvent = "share_calendar_event";

    /// <summary>日程邀请卡片 (received only).</summary>
    public const string Calendar = "calendar";

    /// <summary>日程转让、附言、切换日历 (received only).</summary>
    public const string GeneralCalendar = "general_calendar";

    /// <summary>位置 (received only).</summary>
    public const string Location = "location";

    /// <summary>视频通话 (received only).</summary>
    public const string VideoChat = "video_chat";

    /// <summary>任务 (received only).</summary>
    public const string Todo = "todo";

    /// <summary>投票 (received only).</summary>
    public const string Vote = "vote";

    /// <summary>合并转发 (received only).</summary>
    public const string MergeForward = "merge_forward";
}
