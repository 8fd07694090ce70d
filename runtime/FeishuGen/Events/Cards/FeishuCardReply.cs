using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FeishuGen.Events.Cards;

/// <summary>The answer to <c>card.action.trigger</c>: a toast, a new card, both, or neither.</summary>
public sealed class FeishuCardReply
{
    /// <summary>A toast shown to the user.</summary>
    [JsonPropertyName("toast")]
    public FeishuCardToast? Toast { get; init; }

    /// <summary>The card that replaces the one acted on.</summary>
    [JsonPropertyName("card")]
    public FeishuCardContent? Card { get; init; }

    /// <summary>A toast of the given kind.</summary>
    /// <param name="type">info, success, error or warning.</param>
    /// <param name="content">The text.</param>
    public static FeishuCardReply WithToast(string type, string content) => new() { Toast = new FeishuCardToast { Type = type, Content = content } };
}

/// <summary>A toast: a short message over the card.</summary>
public sealed class FeishuCardToast
{
    /// <summary>info, success, error or warning.</summary>
    [JsonPropertyName("type")]
    public string Type { get; init; } = "info";

    /// <summary>The text.</summary>
    [JsonPropertyName("content")]
    public string? Content { get; init; }

    /// <summary>The text per locale, e.g. zh_cn, en_us.</summary>
    [JsonPropertyName("i18n")]
    public IReadOnlyDictionary<string, string>? I18n { get; init; }
}

/// <summary>A card in a callback's answer: raw card JSON, or a template with its variables.</summary>
public sealed class FeishuCardContent
{
    /// <summary><c>raw</c> (Data is the card JSON) or <c>template</c> (Data is {template_id, template_variable}).</summary>
    [JsonPropertyName("type")]
    public string Type { get; init; } = "raw";

    /// <summary>The card.</summary>
    [JsonPropertyName("data")]
    public JsonElement Data { get; init; }
}
