using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace FeishuGen.Bots;

/// <summary>Reads <c>content</c> by <c>msg_type</c>; anything it cannot read is kept raw.</summary>
internal static class ContentReader
{
    public static MessageContent Read(string messageType, string? content, IReadOnlyList<MessageMention>? mentions = null)
    {
        var raw = content ?? string.Empty;
        var json = ContentJson.ParseObject(raw);
        if (json is null)
        {
            return new UnknownContent(messageType, raw);
        }

        MessageContent? typed = messageType switch
        {
            MessageTypes.Text => TextContent.Read(json) with { Mentions = mentions },
            MessageTypes.Post => PostContent.Read(json) with { Mentions = mentions },
            MessageTypes.Image => ImageContent.Read(json),
            MessageTypes.File => FileContent.Read(json, folder: false),
            MessageTypes.Folder => FileContent.Read(json, folder: true),
            MessageTypes.Audio => AudioContent.Read(json),
            MessageTypes.Media => MediaContent.Read(json),
            MessageTypes.Sticker => StickerContent.Read(json),
            MessageTypes.Interactive => WithMentions(InteractiveContent.Read(json), mentions),
            MessageTypes.ShareChat => ShareChatContent.Read(json),
            MessageTypes.ShareUser => ShareUserContent.Read(json),
            MessageTypes.System => SystemContent.Read(json),
            MessageTypes.Hongbao => HongbaoContent.Read(json),
            MessageTypes.ShareCalendarEvent or MessageTypes.Calendar or MessageTypes.GeneralCalendar => CalendarContent.Read(json, messageType),
            MessageTypes.Location => LocationContent.Read(json),
            MessageTypes.VideoChat => VideoChatContent.Read(json),
            MessageTypes.Todo => TodoContent.Read(json),
            MessageTypes.Vote => VoteContent.Read(json),
            MessageTypes.MergeForward => MergeForwardContent.Read(json),
            _ => null,
        };
        return typed ?? new UnknownContent(messageType, raw);
    }

    private static InteractiveContent WithMentions(InteractiveContent card, IReadOnlyList<MessageMention>? mentions)
        => card is ReceivedCardContent received ? received with { Mentions = mentions } : card;
}
