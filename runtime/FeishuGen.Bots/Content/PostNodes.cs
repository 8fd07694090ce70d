using System.Collections.Generic;
using System.Text;
using System.Text.Json.Nodes;

namespace FeishuGen.Bots;

/// <summary>
/// One element of a rich-text paragraph, by its <c>tag</c>: <see cref="PostText"/>, <see cref="PostLink"/>,
/// <see cref="PostAt"/>, <see cref="PostImage"/>, <see cref="PostMedia"/>, <see cref="PostEmotion"/>,
/// <see cref="PostCodeBlock"/>, <see cref="PostRule"/>, <see cref="PostMarkdown"/> (send only), and
/// <see cref="PostUnknownNode"/> for any other tag (e.g. a received card's <c>button</c>), kept as sent.
/// </summary>
public abstract record PostNode
{
    /// <summary>The node's <c>tag</c>.</summary>
    public abstract string Tag { get; }

    /// <summary>Members this node type does not describe, written back as they came.</summary>
    public JsonObject? AdditionalProperties { get; init; }

    /// <summary>The node as JSON.</summary>
    public JsonObject ToJsonObject()
    {
        var json = new JsonObject { ["tag"] = Tag };
        WriteMembers(json);
        ContentJson.PutRest(json, AdditionalProperties);
        return json;
    }

    /// <summary>Appends the node's plain text.</summary>
    /// <param name="text">Where to write.</param>
    /// <param name="mentions">The message's mentions, to resolve placeholders.</param>
    public abstract void AppendPlainText(StringBuilder text, IReadOnlyList<MessageMention>? mentions);

    /// <summary>Writes the node's members (the tag is written already).</summary>
    /// <param name="json">The node's object.</param>
    protected abstract void WriteMembers(JsonObject json);

    internal static PostNode Read(JsonObject o)
    {
        var tag = o["tag"] is JsonValue t && t.GetValueKind() == System.Text.Json.JsonValueKind.String ? t.GetValue<string>() : null;
        if (tag is null)
        {
            return new PostUnknownNode(string.Empty) { AdditionalProperties = o };
        }

        o.Remove("tag");
        return tag switch
        {
            "text" => new PostText { Text = ContentJson.TakeString(o, "text") ?? string.Empty, UnEscape = ContentJson.TakeBoolean(o, "un_escape"), Style = ContentJson.TakeStrings(o, "style"), AdditionalProperties = ContentJson.Rest(o) },
            "a" => new PostLink { Text = ContentJson.TakeString(o, "text") ?? string.Empty, Href = ContentJson.TakeString(o, "href") ?? string.Empty, Style = ContentJson.TakeStrings(o, "style"), AdditionalProperties = ContentJson.Rest(o) },
            "at" => new PostAt { UserId = ContentJson.TakeString(o, "user_id") ?? string.Empty, UserName = ContentJson.TakeString(o, "user_name"), Style = ContentJson.TakeStrings(o, "style"), AdditionalProperties = ContentJson.Rest(o) },
            "img" => new PostImage { ImageKey = ContentJson.TakeString(o, "image_key") ?? string.Empty, AdditionalProperties = ContentJson.Rest(o) },
            "media" => new PostMedia { FileKey = ContentJson.TakeString(o, "file_key") ?? string.Empty, ImageKey = ContentJson.TakeString(o, "image_key"), AdditionalProperties = ContentJson.Rest(o) },
            "emotion" => new PostEmotion { EmojiType = ContentJson.TakeString(o, "emoji_type") ?? string.Empty, AdditionalProperties = ContentJson.Rest(o) },
            "code_block" => new PostCodeBlock { Language = ContentJson.TakeString(o, "language"), Text = ContentJson.TakeString(o, "text") ?? string.Empty, AdditionalProperties = ContentJson.Rest(o) },
            "hr" => new PostRule { AdditionalProperties = ContentJson.Rest(o) },
            "md" => new PostMarkdown { Text = ContentJson.TakeString(o, "text") ?? string.Empty, AdditionalProperties = ContentJson.Rest(o) },
            _ => new PostUnknownNode(tag) { AdditionalProperties = ContentJson.Rest(o) },
        };
    }
}

/// <summary>The styles of post text (<c>style</c>).</summary>
public static class PostStyles
{
    /// <summary>加粗.</summary>
    public const string Bold = "bold";

    /// <summary>斜体.</summary>
    public const string Italic = "italic";

    /// <summary>下划线.</summary>
    public const string Underline = "underline";

    /// <summary>删除线.</summary>
    public const string LineThrough = "lineThrough";
}

/// <summary>Text (<c>text</c>).</summary>
public sealed record PostText : PostNode
{
    /// <inheritdoc/>
    public override string Tag => "text";

    /// <summary>The text.</summary>
    public required string Text { get; init; }

    /// <summary>Whether the text is to be unescaped.</summary>
    public bool? UnEscape { get; init; }

    /// <summary>Styles: <see cref="PostStyles"/>.</summary>
    public IReadOnlyList<string>? Style { get; init; }

    /// <inheritdoc/>
    public override void AppendPlainText(StringBuilder text, IReadOnlyList<MessageMention>? mentions) => text.Append(MentionText.Resolve(Text, mentions));

    /// <inheritdoc/>
    protected override void WriteMembers(JsonObject json)
    {
        json["text"] = Text;
        ContentJson.Put(json, "un_escape", UnEscape);
        ContentJson.Put(json, "style", Style);
    }
}

/// <summary>A link (<c>a</c>).</summary>
public sealed record PostLink : PostNode
{
    /// <inheritdoc/>
    public override string Tag => "a";

    /// <summary>The link's text.</summary>
    public required string Text { get; init; }

    /// <summary>The address.</summary>
    public required string Href { get; init; }

    /// <summary>Styles: <see cref="PostStyles"/>.</summary>
    public IReadOnlyList<string>? Style { get; init; }

    /// <inheritdoc/>
    public override void AppendPlainText(StringBuilder text, IReadOnlyList<MessageMention>? mentions) => text.Append(Text);

    /// <inheritdoc/>
    protected override void WriteMembers(JsonObject json)
    {
        json["href"] = Href;
        json["text"] = Text;
        ContentJson.Put(json, "style", Style);
    }
}

/// <summary>
/// A mention (<c>at</c>): on the way out <see cref="UserId"/> is an open_id, user_id or union_id, or
/// <c>all</c>; on the way in it is the <c>@_user_N</c> placeholder, resolved by <see cref="Resolve"/>.
/// </summary>
public sealed record PostAt : PostNode
{
    /// <inheritdoc/>
    public override string Tag => "at";

    /// <summary>Who is mentioned: an id or <c>all</c> (sent), a placeholder (received).</summary>
    public required string UserId { get; init; }

    /// <summary>The name shown.</summary>
    public string? UserName { get; init; }

    /// <summary>Styles: <see cref="PostStyles"/>.</summary>
    public IReadOnlyList<string>? Style { get; init; }

    /// <summary>The person behind a received placeholder, or null.</summary>
    /// <param name="mentions">The message's mentions.</param>
    public MessageMention? Resolve(IReadOnlyList<MessageMention>? mentions) => MentionText.Find(UserId, mentions);

    /// <inheritdoc/>
    public override void AppendPlainText(StringBuilder text, IReadOnlyList<MessageMention>? mentions)
    {
        var name = Resolve(mentions)?.Name ?? UserName;
        text.Append('@').Append(string.IsNullOrEmpty(name) ? (UserId == "all" ? "所有人" : UserId) : name);
    }

    /// <inheritdoc/>
    protected override void WriteMembers(JsonObject json)
    {
        json["user_id"] = UserId;
        ContentJson.Put(json, "user_name", UserName);
        ContentJson.Put(json, "style", Style);
    }
}

/// <summary>An image (<c>img</c>); it stands alone in its paragraph.</summary>
public sealed record PostImage : PostNode
{
    /// <inheritdoc/>
    public override string Tag => "img";

    /// <summary>The uploaded image's key.</summary>
    public required string ImageKey { get; init; }

    /// <inheritdoc/>
    public override void AppendPlainText(StringBuilder text, IReadOnlyList<MessageMention>? mentions) => text.Append("[图片]");

    /// <inheritdoc/>
    protected override void WriteMembers(JsonObject json) => json["image_key"] = ImageKey;
}

/// <summary>A video (<c>media</c>); it stands alone in its paragraph.</summary>
public sealed record PostMedia : PostNode
{
    /// <inheritdoc/>
    public override string Tag => "media";

    /// <summary>The uploaded video's file key.</summary>
    public required string FileKey { get; init; }

    /// <summary>The cover image's key.</summary>
    public string? ImageKey { get; init; }

    /// <inheritdoc/>
    public override void AppendPlainText(StringBuilder text, IReadOnlyList<MessageMention>? mentions) => text.Append("[视频]");

    /// <inheritdoc/>
    protected override void WriteMembers(JsonObject json)
    {
        json["file_key"] = FileKey;
        ContentJson.Put(json, "image_key", ImageKey);
    }
}

/// <summary>An emoji (<c>emotion</c>).</summary>
public sealed record PostEmotion : PostNode
{
    /// <inheritdoc/>
    public override string Tag => "emotion";

    /// <summary>The emoji's name, e.g. SMILE.</summary>
    public required string EmojiType { get; init; }

    /// <inheritdoc/>
    public override void AppendPlainText(StringBuilder text, IReadOnlyList<MessageMention>? mentions) => text.Append('[').Append(EmojiType).Append(']');

    /// <inheritdoc/>
    protected override void WriteMembers(JsonObject json) => json["emoji_type"] = EmojiType;
}

/// <summary>A code block (<c>code_block</c>).</summary>
public sealed record PostCodeBlock : PostNode
{
    /// <inheritdoc/>
    public override string Tag => "code_block";

    /// <summary>The language, e.g. GO (any case); plain text when null.</summary>
    public string? Language { get; init; }

    /// <summary>The code.</summary>
    public required string Text { get; init; }

    /// <inheritdoc/>
    public override void AppendPlainText(StringBuilder text, IReadOnlyList<MessageMention>? mentions) => text.Append(Text);

    /// <inheritdoc/>
    protected override void WriteMembers(JsonObject json)
    {
        ContentJson.Put(json, "language", Language);
        json["text"] = Text;
    }
}

/// <summary>A horizontal rule (<c>hr</c>).</summary>
public sealed record PostRule : PostNode
{
    /// <inheritdoc/>
    public override string Tag => "hr";

    /// <inheritdoc/>
    public override void AppendPlainText(StringBuilder text, IReadOnlyList<MessageMention>? mentions) => text.Append("———");

    /// <inheritdoc/>
    protected override void WriteMembers(JsonObject json)
    {
    }
}

/// <summary>
/// Markdown (<c>md</c>), send only: it fills its own paragraphs, and Feishu turns it into the other
/// tags (a received post never holds it).
/// </summary>
public sealed record PostMarkdown : PostNode
{
    /// <inheritdoc/>
    public override string Tag => "md";

    /// <summary>The Markdown.</summary>
    public required string Text { get; init; }

    /// <inheritdoc/>
    public override void AppendPlainText(StringBuilder text, IReadOnlyList<MessageMention>? mentions) => text.Append(Text);

    /// <inheritdoc/>
    protected override void WriteMembers(JsonObject json) => json["text"] = Text;
}

/// <summary>A node with a tag not described here (e.g. a received card's <c>button</c> or <c>note</c>), kept as sent.</summary>
public sealed record PostUnknownNode : PostNode
{
    private readonly string _tag;

    /// <summary>Keeps a node of <paramref name="tag"/>.</summary>
    /// <param name="tag">The node's tag.</param>
    public PostUnknownNode(string tag) => _tag = tag;

    /// <inheritdoc/>
    public override string Tag => _tag;

    /// <inheritdoc/>
    public override void AppendPlainText(StringBuilder text, IReadOnlyList<MessageMention>? mentions)
    {
        if (AdditionalProperties?["text"] is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.String)
        {
            text.Append(value.GetValue<string>());
        }
    }

    /// <inheritdoc/>
    protected override void WriteMembers(JsonObject json)
    {
        if (_tag.Length == 0)
        {
            json.Remove("tag");
        }
    }
}
