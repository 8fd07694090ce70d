using System.Text.Json.Nodes;

namespace FeishuGen.Bots;

/// <summary>
/// The content of a message (the <c>content</c> string of 发送消息 and of a received message), typed
/// by its <c>msg_type</c>. Build one with <see cref="Content"/> (<c>Content.Text("hi")</c>,
/// <c>Content.Markdown("**done**")</c>, <c>Content.Card(card)</c>) and read one with
/// <see cref="Parse"/>: a type or shape it does not know comes back as <see cref="UnknownContent"/>,
/// never as an exception. Members a type does not describe are kept in
/// <see cref="AdditionalProperties"/> and written back, so reading then writing loses nothing.
/// </summary>
public abstract record MessageContent
{
    /// <summary>The <c>msg_type</c> this content is sent or received as, e.g. <c>text</c>, <c>post</c>.</summary>
    public abstract string MessageType { get; }

    /// <summary>Members of the content object this type does not describe, written back as they came.</summary>
    public JsonObject? AdditionalProperties { get; init; }

    /// <summary>The content as the JSON object Feishu expects in <c>content</c>.</summary>
    public virtual JsonObject ToJsonObject()
    {
        var json = new JsonObject();
        WriteMembers(json);
        ContentJson.PutRest(json, AdditionalProperties);
        return json;
    }

    /// <summary>The <c>content</c> string: the JSON object serialised (non-ASCII kept as UTF-8).</summary>
    public virtual string ToJson() => ContentJson.Serialize(ToJsonObject());

    /// <summary>A plain-text rendering, for logs, prompts and fallbacks (placeholders resolved where the content knows its mentions).</summary>
    public abstract string ToPlainText();

    /// <summary>Writes the typed members into <paramref name="json"/>.</summary>
    /// <param name="json">The object being written.</param>
    protected abstract void WriteMembers(JsonObject json);

    /// <summary>
    /// Reads a message's content by its type: from an event (<c>message.message_type</c>,
    /// <c>message.content</c>), a 获取消息 reply (<c>msg_type</c>, <c>body.content</c>) or a card.
    /// Never throws: content that is not a JSON object, or of a type not known here, is kept raw.
    /// </summary>
    /// <param name="messageType">The <c>msg_type</c>.</param>
    /// <param name="content">The <c>content</c> string.</param>
    /// <returns>The typed content.</returns>
    public static MessageContent Parse(string? messageType, string? content) => ContentReader.Read(messageType ?? string.Empty, content);
}

/// <summary>Content of a type this library does not know, or that was not a JSON object: kept exactly as received.</summary>
public sealed record UnknownContent : MessageContent
{
    /// <summary>Keeps <paramref name="raw"/> for <paramref name="messageType"/>.</summary>
    /// <param name="messageType">The <c>msg_type</c> as received.</param>
    /// <param name="raw">The <c>content</c> string as received.</param>
    public UnknownContent(string messageType, string raw)
    {
        Type = messageType;
        Raw = raw;
    }

    /// <summary>The <c>msg_type</c> as received.</summary>
    public string Type { get; }

    /// <summary>The <c>content</c> string as received.</summary>
    public string Raw { get; }

    /// <inheritdoc/>
    public override string MessageType => Type;

    /// <inheritdoc/>
    public override JsonObject ToJsonObject() => ContentJson.ParseObject(Raw) ?? new JsonObject();

    /// <inheritdoc/>
    public override string ToJson() => Raw;

    /// <inheritdoc/>
    public override string ToPlainText() => "[" + Type + "]";

    /// <inheritdoc/>
    protected override void WriteMembers(JsonObject json)
    {
    }
}
