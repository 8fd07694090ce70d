using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FeishuGen.Events.Cards;

/// <summary>
/// The older card callback (<c>card.action.trigger_v1</c>), sent to the card's request URL: a
/// flat body signed with SHA-1 over timestamp, nonce, verification token and body.
/// </summary>
public sealed class FeishuLegacyCardAction
{
    /// <summary>The user's open_id.</summary>
    [JsonPropertyName("open_id")]
    public string? OpenId { get; init; }

    /// <summary>The user's user_id.</summary>
    [JsonPropertyName("user_id")]
    public string? UserId { get; init; }

    /// <summary>The message holding the card.</summary>
    [JsonPropertyName("open_message_id")]
    public string? OpenMessageId { get; init; }

    /// <summary>The chat.</summary>
    [JsonPropertyName("open_chat_id")]
    public string? OpenChatId { get; init; }

    /// <summary>The tenant.</summary>
    [JsonPropertyName("tenant_key")]
    public string? TenantKey { get; init; }

    /// <summary>A token that updates the card later.</summary>
    [JsonPropertyName("token")]
    public string? Token { get; init; }

    /// <summary>What was done: value, tag, option, timezone.</summary>
    [JsonPropertyName("action")]
    public FeishuCardActionDetail? Action { get; init; }

    /// <summary>Members not described here, kept as sent.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
