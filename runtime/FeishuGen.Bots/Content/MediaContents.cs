using System.Text.Json.Nodes;

namespace FeishuGen.Bots;

/// <summary>An image (<c>image</c>): <c>{"image_key"}</c> of an uploaded image.</summary>
public sealed record ImageContent : MessageContent
{
    /// <summary>The image's key (from 上传图片, or of a received image).</summary>
    public required string ImageKey { get; init; }

    /// <inheritdoc/>
    public override string MessageType => MessageTypes.Image;

    /// <inheritdoc/>
    public override string ToPlainText() => "[图片]";

    /// <inheritdoc/>
    protected override void WriteMembers(JsonObject json) => json["image_key"] = ImageKey;

    internal static ImageContent Read(JsonObject o) => new() { ImageKey = ContentJson.TakeString(o, "image_key") ?? string.Empty, AdditionalProperties = ContentJson.Rest(o) };
}

/// <summary>A file (<c>file</c>), or a folder (<c>folder</c>, received only, which cannot be downloaded through the API).</summary>
public sealed record FileContent : MessageContent
{
    /// <summary>Whether this is a folder rather than a file.</summary>
    public bool IsFolder { get; init; }

    /// <summary>The file's key.</summary>
    public required string FileKey { get; init; }

    /// <summary>The file name (received).</summary>
    public string? FileName { get; init; }

    /// <inheritdoc/>
    public override string MessageType => IsFolder ? MessageTypes.Folder : MessageTypes.File;

    /// <inheritdoc/>
    public override string ToPlainText() => (IsFolder ? "[文件夹] " : "[文件] ") + FileName;

    /// <inheritdoc/>
    protected override void WriteMembers(JsonObject json)
    {
        json["file_key"] = FileKey;
        ContentJson.Put(json, "file_name", FileName);
    }

    internal static FileContent Read(JsonObject o, bool folder) => new()
    {
        IsFolder = folder,
        FileKey = ContentJson.TakeString(o, "file_key") ?? string.Empty,
        FileName = ContentJson.TakeString(o, "file_name"),
        AdditionalProperties = ContentJson.Rest(o),
    };
}

/// <summary>A voice message (<c>audio</c>): an uploaded opus file.</summary>
public sealed record AudioContent : MessageContent
{
    /// <summary>The file's key.</summary>
    public required string FileKey { get; init; }

    /// <summary>The length in milliseconds (received).</summary>
    public long? Duration { get; init; }

    /// <inheritdoc/>
    public override string MessageType => MessageTypes.Audio;

    /// <inheritdoc/>
    public override string ToPlainText() => "[语音]";

    /// <inheritdoc/>
    protected override void WriteMembers(JsonObject json)
    {
        json["file_key"] = FileKey;
        ContentJson.Put(json, "duration", Duration);
    }

    internal static AudioContent Read(JsonObject o) => new()
    {
        FileKey = ContentJson.TakeString(o, "file_key") ?? string.Empty,
        Duration = ContentJson.TakeInt64(o, "duration"),
        AdditionalProperties = ContentJson.Rest(o),
    };
}

/// <summary>A video (<c>media</c>): an uploaded mp4 and an optional cover image.</summary>
public sealed record MediaContent : MessageContent
{
    /// <summary>The video's file key.</summary>
    public required string FileKey { get; init; }

    /// <summary>The cover image's key.</summary>
    public string? ImageKey { get; init; }

    /// <summary>The file name (received).</summary>
    public string? FileName { get; init; }

    /// <summary>The length in milliseconds (received).</summary>
    public long? Duration { get; init; }

    /// <inheritdoc/>
    public override string MessageType => MessageTypes.Media;

    /// <inheritdoc/>
    public override string ToPlainText() => "[视频] " + FileName;

    /// <inheritdoc/>
    protected override void WriteMembers(JsonObject json)
    {
        json["file_key"] = FileKey;
        ContentJson.Put(json, "image_key", ImageKey);
        ContentJson.Put(json, "file_name", FileName);
        ContentJson.Put(json, "duration", Duration);
    }

    internal static MediaContent Read(JsonObject o) => new()
    {
        FileKey = ContentJson.TakeString(o, "file_key") ?? string.Empty,
        ImageKey = ContentJson.TakeString(o, "image_key"),
        FileName = ContentJson.TakeString(o, "file_name"),
        Duration = ContentJson.TakeInt64(o, "duration"),
        AdditionalProperties = ContentJson.Rest(o),
    };
}

/// <summary>A sticker (<c>sticker</c>): only stickers the bot received can be sent, and they cannot be downloaded.</summary>
public sealed record StickerContent : MessageContent
{
    /// <summary>The sticker's file key, as received.</summary>
    public required string FileKey { get; init; }

    /// <inheritdoc/>
    public override string MessageType => MessageTypes.Sticker;

    /// <inheritdoc/>
    public override string ToPlainText() => "[表情包]";

    /// <inheritdoc/>
    protected override void WriteMembers(JsonObject json) => json["file_key"] = FileKey;

    internal static StickerContent Read(JsonObject o) => new() { FileKey = ContentJson.TakeString(o, "file_key") ?? string.Empty, AdditionalProperties = ContentJson.Rest(o) };
}

/// <summary>A shared group card (<c>share_chat</c>).</summary>
public sealed record ShareChatContent : MessageContent
{
    /// <summary>The group's chat_id (the bot must be in it to share it).</summary>
    public required string ChatId { get; init; }

    /// <inheritdoc/>
    public override string MessageType => MessageTypes.ShareChat;

    /// <inheritdoc/>
    public override string ToPlainText() => "[群名片]";

    /// <inheritdoc/>
    protected override void WriteMembers(JsonObject json) => json["chat_id"] = ChatId;

    internal static ShareChatContent Read(JsonObject o) => new() { ChatId = ContentJson.TakeString(o, "chat_id") ?? string.Empty, AdditionalProperties = ContentJson.Rest(o) };
}

/// <summary>A shared personal card (<c>share_user</c>).</summary>
public sealed record ShareUserContent : MessageContent
{
    /// <summary>The user's open_id (within the bot's availability; bots cannot be shared).</summary>
    public required string UserId { get; init; }

    /// <inheritdoc/>
    public override string MessageType => MessageTypes.ShareUser;

    /// <inheritdoc/>
    public override string ToPlainText() => "[个人名片]";

    /// <inheritdoc/>
    protected override void WriteMembers(JsonObject json) => json["user_id"] = UserId;

    internal static ShareUserContent Read(JsonObject o) => new() { UserId = ContentJson.TakeString(o, "user_id") ?? string.Empty, AdditionalProperties = ContentJson.Rest(o) };
}
