using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FeishuGen.Events.Cards;

/// <summary>The body of <c>url.preview.get</c>: a link the app registered for was sent in a chat.</summary>
public sealed class FeishuUrlPreviewEvent
{
    /// <summary>Who sent the link.</summary>
    [JsonPropertyName("operator")]
    public FeishuCardOperator? Operator { get; init; }

    /// <summary>Where the preview is shown, e.g. <c>im_message</c>.</summary>
    [JsonPropertyName("host")]
    public string? Host { get; init; }

    /// <summary>The link, its preview token and the message and chat.</summary>
    [JsonPropertyName("context")]
    public FeishuCardContext? Context { get; init; }

    /// <summary>Members not described here, kept as sent.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>The answer to <c>url.preview.get</c>: an inline preview and/or a card.</summary>
public sealed class FeishuUrlPreviewReply
{
    /// <summary>The inline preview (title, icon, links per platform).</summary>
    [JsonPropertyName("inline")]
    public FeishuUrlPreviewInline? Inline { get; init; }

    /// <summary>A card preview.</summary>
    [JsonPropertyName("card")]
    public FeishuCardContent? Card { get; init; }
}

/// <summary>The inline form of a link preview.</summary>
public sealed class FeishuUrlPreviewInline
{
    /// <summary>The title.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary>The title per locale.</summary>
    [JsonPropertyName("i18n_title")]
    public IReadOnlyDictionary<string, string>? I18nTitle { get; init; }

    /// <summary>An icon, as an uploaded image key.</summary>
    [JsonPropertyName("image_key")]
    public string? ImageKey { get; init; }

    /// <summary>Where a click goes, per platform.</summary>
    [JsonPropertyName("url")]
    public FeishuUrlPreviewLinks? Url { get; init; }
}

/// <summary>Where a click on a preview goes, per platform.</summary>
public sealed class FeishuUrlPreviewLinks
{
    /// <summary>The link copied by "copy link".</summary>
    [JsonPropertyName("copy_url")]
    public string? CopyUrl { get; init; }

    /// <summary>On iOS.</summary>
    [JsonPropertyName("ios")]
    public string? Ios { get; init; }

    /// <summary>On Android.</summary>
    [JsonPropertyName("android")]
    public string? Android { get; init; }

    /// <summary>On desktop.</summary>
    [JsonPropertyName("pc")]
    public string? Pc { get; init; }

    /// <summary>On the web.</summary>
    [JsonPropertyName("web")]
    public string? Web { get; init; }
}
