using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;

namespace FeishuGen.Bots;

/// <summary>How Markdown becomes a post.</summary>
public enum MarkdownStyle
{
    /// <summary>One <c>md</c> node: Feishu renders the Markdown (send, reply and edit accept it).</summary>
    MdTag,

    /// <summary>The classic tags (<c>text</c> with styles, <c>a</c>, <c>at</c>, <c>code_block</c>, <c>hr</c>), where <c>md</c> is not allowed.</summary>
    Classic,
}

/// <summary>
/// Builds message content for every <c>msg_type</c> of 发送消息内容, with no JSON by hand:
/// <c>await bot.ReplyAsync(message, Content.Markdown("**done**"))</c>.
/// </summary>
public static class Content
{
    /// <summary>A text message, with mentions put before the text.</summary>
    /// <param name="text">The text (<c>\n</c> for new lines; the style tags and <c>[text](url)</c> work too).</param>
    /// <param name="mentions">People to @ (or <see cref="Mention.All"/>).</param>
    public static TextContent Text(string text, params Mention[] mentions)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (mentions is { Length: > 0 })
        {
            text = string.Join(" ", mentions.Select(m => m.ToTextTag())) + " " + text;
        }

        return new TextContent { Text = text };
    }

    /// <summary>Markdown as a post: one <c>md</c> node by default, or the classic tags.</summary>
    /// <param name="markdown">The Markdown (mentions as <c>&lt;at user_id="…"&gt;&lt;/at&gt;</c>).</param>
    /// <param name="title">The post's title.</param>
    /// <param name="style">The <c>md</c> tag or the classic tags.</param>
    public static PostContent Markdown(string markdown, string? title = null, MarkdownStyle style = MarkdownStyle.MdTag)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        IReadOnlyList<IReadOnlyList<PostNode>> paragraphs = style == MarkdownStyle.MdTag
            ? [[new PostMarkdown { Text = markdown }]]
            : MarkdownToPost.Convert(markdown);
        return Post(new PostBody { Title = title, Content = paragraphs });
    }

    /// <summary>A post from a body (in zh_cn), or from several locales.</summary>
    /// <param name="body">The body.</param>
    /// <param name="more">Other locales, e.g. <c>new PostLocale("en_us", …)</c>.</param>
    public static PostContent Post(PostBody body, params PostLocale[] more)
    {
        ArgumentNullException.ThrowIfNull(body);
        return new PostContent { Locales = new[] { new PostLocale("zh_cn", body) }.Concat(more).ToList() };
    }

    /// <summary>A post built paragraph by paragraph.</summary>
    /// <param name="title">The title.</param>
    /// <param name="paragraphs">The paragraphs, each a list of nodes.</param>
    public static PostContent Post(string? title, params IReadOnlyList<PostNode>[] paragraphs)
        => Post(new PostBody { Title = title, Content = paragraphs });

    /// <summary>An uploaded image.</summary>
    /// <param name="imageKey">The image's key (see <c>FeishuBot.UploadImageAsync</c>).</param>
    public static ImageContent Image(string imageKey) => new() { ImageKey = Required(imageKey) };

    /// <summary>An uploaded file.</summary>
    /// <param name="fileKey">The file's key.</param>
    public static FileContent File(string fileKey) => new() { FileKey = Required(fileKey) };

    /// <summary>An uploaded voice message (opus).</summary>
    /// <param name="fileKey">The file's key.</param>
    public static AudioContent Audio(string fileKey) => new() { FileKey = Required(fileKey) };

    /// <summary>An uploaded video (mp4) with an optional cover.</summary>
    /// <param name="fileKey">The video's key.</param>
    /// <param name="coverImageKey">The cover image's key.</param>
    public static MediaContent Media(string fileKey, string? coverImageKey = null) => new() { FileKey = Required(fileKey), ImageKey = coverImageKey };

    /// <summary>A sticker the bot received.</summary>
    /// <param name="fileKey">The sticker's key, as received.</param>
    public static StickerContent Sticker(string fileKey) => new() { FileKey = Required(fileKey) };

    /// <summary>A card built with <see cref="FeishuGen.Bots.Card"/>.</summary>
    /// <param name="card">The card.</param>
    public static CardJsonContent Card(Card card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return card.ToContent();
    }

    /// <summary>A card from its JSON (1.0 or 2.0).</summary>
    /// <param name="card">The card JSON.</param>
    public static CardJsonContent Card(JsonObject card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new CardJsonContent { Card = card };
    }

    /// <summary>A CardKit card entity (created with 创建卡片实体; an entity is sent once).</summary>
    /// <param name="cardId">The entity's id.</param>
    public static CardEntityContent CardEntity(string cardId) => new() { CardId = Required(cardId) };

    /// <summary>A card template with variables.</summary>
    /// <param name="templateId">The template's id.</param>
    /// <param name="variables">The variables' values.</param>
    /// <param name="version">The template version.</param>
    public static CardTemplateContent Template(string templateId, JsonObject? variables = null, string? version = null) => Bots.Card.Template(templateId, variables, version);

    /// <summary>A group's card.</summary>
    /// <param name="chatId">The group's chat_id.</param>
    public static ShareChatContent ShareChat(string chatId) => new() { ChatId = Required(chatId) };

    /// <summary>A user's card.</summary>
    /// <param name="openId">The user's open_id.</param>
    public static ShareUserContent ShareUser(string openId) => new() { UserId = Required(openId) };

    /// <summary>A divider system message (p2p chats; needs im:message:send_sys_msg).</summary>
    /// <param name="text">The divider's text (at most 20 characters or 10 Chinese characters).</param>
    /// <param name="i18n">The text per language (<c>zh_CN</c>, <c>en_US</c>, …).</param>
    /// <param name="needRollup">Whether the chat scrolls clear.</param>
    public static SystemContent Divider(string text, IReadOnlyDictionary<string, string>? i18n = null, bool? needRollup = null)
        => new() { Type = "divider", DividerText = new SystemDividerText { Text = Required(text), I18nText = i18n }, NeedRollup = needRollup, AdditionalParams = new JsonObject() };

    private static string Required(string value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? name = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, name);
        return value;
    }
}
