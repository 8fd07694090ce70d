using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace FeishuGen.Bots;

/// <summary>A red packet (<c>hongbao</c>, received only): only its text, e.g. [红包].</summary>
public sealed record HongbaoContent : MessageContent
{
    /// <summary>The text shown.</summary>
    public string? Text { get; init; }

    /// <inheritdoc/>
    public override string MessageType => MessageTypes.Hongbao;

    /// <inheritdoc/>
    public override string ToPlainText() => Text ?? "[红包]";

    /// <inheritdoc/>
    protected override void WriteMembers(JsonObject json) => ContentJson.Put(json, "text", Text);

    internal static HongbaoContent Read(JsonObject o) => new() { Text = ContentJson.TakeString(o, "text"), AdditionalProperties = ContentJson.Rest(o) };
}

/// <summary>
/// A calendar card (received only): a shared event (<c>share_calendar_event</c>), an invitation
/// (<c>calendar</c>) or a transfer, note or calendar change (<c>general_calendar</c>).
/// </summary>
public sealed record CalendarContent : MessageContent
{
    /// <summary>Which calendar card: <see cref="MessageTypes.ShareCalendarEvent"/>, <see cref="MessageTypes.Calendar"/> or <see cref="MessageTypes.GeneralCalendar"/>.</summary>
    public string Kind { get; init; } = MessageTypes.Calendar;

    /// <summary>The event's title.</summary>
    public string? Summary { get; init; }

    /// <summary>When it starts, milliseconds since the epoch, as sent.</summary>
    public string? StartTime { get; init; }

    /// <summary>When it ends, milliseconds since the epoch, as sent.</summary>
    public string? EndTime { get; init; }

    /// <inheritdoc/>
    public override string MessageType => Kind;

    /// <inheritdoc/>
    public override string ToPlainText() => "[日程] " + Summary;

    /// <inheritdoc/>
    protected override void WriteMembers(JsonObject json)
    {
        ContentJson.Put(json, "summary", Summary);
        ContentJson.Put(json, "start_time", StartTime);
        ContentJson.Put(json, "end_time", EndTime);
    }

    internal static CalendarContent Read(JsonObject o, string kind) => new()
    {
        Kind = kind,
        Summary = ContentJson.TakeString(o, "summary"),
        StartTime = ContentJson.TakeString(o, "start_time"),
        EndTime = ContentJson.TakeString(o, "end_time"),
        AdditionalProperties = ContentJson.Rest(o),
    };
}

/// <summary>A location (<c>location</c>, received only).</summary>
public sealed record LocationContent : MessageContent
{
    /// <summary>The place's name.</summary>
    public string? Name { get; init; }

    /// <summary>The longitude, as sent (a string).</summary>
    public string? Longitude { get; init; }

    /// <summary>The latitude, as sent (a string).</summary>
    public string? Latitude { get; init; }

    /// <inheritdoc/>
    public override string MessageType => MessageTypes.Location;

    /// <inheritdoc/>
    public override string ToPlainText() => "[位置] " + Name;

    /// <inheritdoc/>
    protected override void WriteMembers(JsonObject json)
    {
        ContentJson.Put(json, "name", Name);
        ContentJson.Put(json, "longitude", Longitude);
        ContentJson.Put(json, "latitude", Latitude);
    }

    internal static LocationContent Read(JsonObject o) => new()
    {
        Name = ContentJson.TakeString(o, "name"),
        Longitude = ContentJson.TakeString(o, "longitude"),
        Latitude = ContentJson.TakeString(o, "latitude"),
        AdditionalProperties = ContentJson.Rest(o),
    };
}

/// <summary>A video call (<c>video_chat</c>, received only).</summary>
public sealed record VideoChatContent : MessageContent
{
    /// <summary>The call's topic.</summary>
    public string? Topic { get; init; }

    /// <summary>When it started, milliseconds since the epoch, as sent.</summary>
    public string? StartTime { get; init; }

    /// <inheritdoc/>
    public override string MessageType => MessageTypes.VideoChat;

    /// <inheritdoc/>
    public override string ToPlainText() => "[视频通话] " + Topic;

    /// <inheritdoc/>
    protected override void WriteMembers(JsonObject json)
    {
        ContentJson.Put(json, "topic", Topic);
        ContentJson.Put(json, "start_time", StartTime);
    }

    internal static VideoChatContent Read(JsonObject o) => new()
    {
        Topic = ContentJson.TakeString(o, "topic"),
        StartTime = ContentJson.TakeString(o, "start_time"),
        AdditionalProperties = ContentJson.Rest(o),
    };
}

/// <summary>A task (<c>todo</c>, received only): its id, a rich-text summary and the due time.</summary>
public sealed record TodoContent : MessageContent
{
    /// <summary>The task's id (任务 API).</summary>
    public string? TaskId { get; init; }

    /// <summary>The title as a post body.</summary>
    public PostBody? Summary { get; init; }

    /// <summary>When it is due, milliseconds since the epoch, as sent.</summary>
    public string? DueTime { get; init; }

    /// <inheritdoc/>
    public override string MessageType => MessageTypes.Todo;

    /// <inheritdoc/>
    public override string ToPlainText() => "[任务] " + Summary?.ToPlainText();

    /// <inheritdoc/>
    protected override void WriteMembers(JsonObject json)
    {
        ContentJson.Put(json, "task_id", TaskId);
        if (Summary is not null)
        {
            var summary = new JsonObject();
            Summary.WriteInto(summary);
            json["summary"] = summary;
        }

        ContentJson.Put(json, "due_time", DueTime);
    }

    internal static TodoContent Read(JsonObject o)
    {
        var summary = ContentJson.TakeObject(o, "summary");
        return new TodoContent
        {
            TaskId = ContentJson.TakeString(o, "task_id"),
            Summary = summary is null ? null : PostBody.Read(summary),
            DueTime = ContentJson.TakeString(o, "due_time"),
            AdditionalProperties = ContentJson.Rest(o),
        };
    }
}

/// <summary>A poll (<c>vote</c>, received only).</summary>
public sealed record VoteContent : MessageContent
{
    /// <summary>The poll's topic.</summary>
    public string? Topic { get; init; }

    /// <summary>The choices.</summary>
    public IReadOnlyList<string>? Options { get; init; }

    /// <inheritdoc/>
    public override string MessageType => MessageTypes.Vote;

    /// <inheritdoc/>
    public override string ToPlainText() => "[投票] " + Topic;

    /// <inheritdoc/>
    protected override void WriteMembers(JsonObject json)
    {
        ContentJson.Put(json, "topic", Topic);
        ContentJson.Put(json, "options", Options);
    }

    internal static VoteContent Read(JsonObject o) => new()
    {
        Topic = ContentJson.TakeString(o, "topic"),
        Options = ContentJson.TakeStrings(o, "options"),
        AdditionalProperties = ContentJson.Rest(o),
    };
}

/// <summary>A merged forward (<c>merge_forward</c>, received only): the content is a fixed marker; read the message with 获取指定消息的内容 for the messages inside.</summary>
public sealed record MergeForwardContent : MessageContent
{
    /// <summary>The marker text, "Merged and Forwarded Message".</summary>
    public string? Content { get; init; }

    /// <inheritdoc/>
    public override string MessageType => MessageTypes.MergeForward;

    /// <inheritdoc/>
    public override string ToPlainText() => "[合并转发]";

    /// <inheritdoc/>
    protected override void WriteMembers(JsonObject json) => ContentJson.Put(json, "content", Content);

    internal static MergeForwardContent Read(JsonObject o) => new() { Content = ContentJson.TakeString(o, "content"), AdditionalProperties = ContentJson.Rest(o) };
}
