using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FeishuGen.Events.Cards;

/// <summary>The body of <c>card.action.trigger</c>: someone used an interactive element of a card.</summary>
public sealed class FeishuCardActionEvent
{
    /// <summary>Who acted.</summary>
    [JsonPropertyName("operator")]
    public FeishuCardOperator? Operator { get; init; }

    /// <summary>A token that updates the card (delayed update): valid for 30 minutes, at most 2 updates.</summary>
    [JsonPropertyName("token")]
    public string? Token { get; init; }

    /// <summary>What was done.</summary>
    [JsonPropertyName("action")]
    public FeishuCardActionDetail? Action { get; init; }

    /// <summary>Where the card was shown, e.g. <c>im_message</c>.</summary>
    [JsonPropertyName("host")]
    public string? Host { get; init; }

    /// <summary>How the card was delivered, e.g. <c>url_preview</c>.</summary>
    [JsonPropertyName("delivery_type")]
    public string? DeliveryType { get; init; }

    /// <summary>The message and chat the card is in.</summary>
    [JsonPropertyName("context")]
    public FeishuCardContext? Context { get; init; }

    /// <summary>Members not described here, kept as sent.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>The user behind a card callback.</summary>
public sealed class FeishuCardOperator
{
    /// <summary>The user's tenant.</summary>
    [JsonPropertyName("tenant_key")]
    public string? TenantKey { get; init; }

    /// <summary>The user's user_id (needs the employee-id permission).</summary>
    [JsonPropertyName("user_id")]
    public string? UserId { get; init; }

    /// <summary>The user's open_id.</summary>
    [JsonPropertyName("open_id")]
    public string? OpenId { get; init; }

    /// <summary>The user's union_id.</summary>
    [JsonPropertyName("union_id")]
    public string? UnionId { get; init; }
}

/// <summary>The interaction: which element, with what value.</summary>
public sealed class FeishuCardActionDetail
{
    /// <summary>The element's value: an object or a string, as the card defined it.</summary>
    [JsonPropertyName("value")]
    public JsonElement? Value { get; init; }

    /// <summary>The element's tag, e.g. <c>button</c>, <c>select_static</c>, <c>input</c>.</summary>
    [JsonPropertyName("tag")]
    public string? Tag { get; init; }

    /// <summary>The chosen option (selects, overflow menus, date pickers).</summary>
    [JsonPropertyName("option")]
    public string? Option { get; init; }

    /// <summary>The user's time zone (date and time pickers).</summary>
    [JsonPropertyName("timezone")]
    public string? Timezone { get; init; }

    /// <summary>The element's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The submitted form's values by element name (form containers).</summary>
    [JsonPropertyName("form_value")]
    public JsonElement? FormValue { get; init; }

    /// <summary>The text typed into an input.</summary>
    [JsonPropertyName("input_value")]
    public string? InputValue { get; init; }

    /// <summary>The chosen options of a multi-select.</summary>
    [JsonPropertyName("options")]
    public IReadOnlyList<string>? Options { get; init; }

    /// <summary>Whether a checker is checked.</summary>
    [JsonPropertyName("checked")]
    public bool? Checked { get; init; }
}

/// <summary>Where a card callback comes from.</summary>
public sealed class FeishuCardContext
{
    /// <summary>The previewed link (url.preview.get and link-preview cards).</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>The preview's token (link-preview cards).</summary>
    [JsonPropertyName("preview_token")]
    public string? PreviewToken { get; init; }

    /// <summary>The message holding the card.</summary>
    [JsonPropertyName("open_message_id")]
    public string? OpenMessageId { get; init; }

    /// <summary>The chat the message is in.</summary>
    [JsonPropertyName("open_chat_id")]
    public string? OpenChatId { get; init; }
}
