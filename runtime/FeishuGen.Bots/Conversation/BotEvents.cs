using System;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using FeishuGen.Events.Cards;

namespace FeishuGen.Bots;

/// <summary>Someone used a button or form of a card: the action's name and typed value, who, and where.</summary>
public sealed class BotCardAction
{
    /// <summary>The action's name (the value's <c>action</c>, as <see cref="CardAction.Callback"/> sets it).</summary>
    public required string Action { get; init; }

    /// <summary>The callback's event id.</summary>
    public required string EventId { get; init; }

    /// <summary>The value the card gave the component.</summary>
    public JsonElement? Value { get; init; }

    /// <summary>The submitted form's values by name.</summary>
    public JsonElement? FormValue { get; init; }

    /// <summary>The text typed into an input.</summary>
    public string? InputValue { get; init; }

    /// <summary>The option chosen (selects).</summary>
    public string? Option { get; init; }

    /// <summary>Who acted (open_id).</summary>
    public string? OperatorOpenId { get; init; }

    /// <summary>The message holding the card.</summary>
    public string? MessageId { get; init; }

    /// <summary>The chat.</summary>
    public string? ChatId { get; init; }

    /// <summary>A token to update the card later (30 minutes, twice).</summary>
    public string? Token { get; init; }

    /// <summary>The callback as received.</summary>
    public required FeishuCardActionEvent Raw { get; init; }

    /// <summary>The value as your own type, read with your source-generated metadata (NativeAOT-safe).</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="typeInfo">Its JSON metadata, e.g. <c>MyJsonContext.Default.RetryValue</c>.</param>
    public T? ValueAs<T>(JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        return Value is { ValueKind: JsonValueKind.Object } value ? value.Deserialize(typeInfo) : default;
    }

    /// <summary>A string member of the value, or null.</summary>
    /// <param name="name">The member.</param>
    public string? ValueString(string name)
        => Value is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty(name, out var member) && member.ValueKind == JsonValueKind.String ? member.GetString() : null;
}

/// <summary>Answers to card actions, over the typed <see cref="FeishuCardReply"/>.</summary>
public static class BotCardReply
{
    /// <summary>Replaces the card (and shows a toast).</summary>
    /// <param name="card">The new card.</param>
    /// <param name="toast">A toast's text.</param>
    /// <param name="toastType">info, success, error or warning.</param>
    public static FeishuCardReply Update(Card card, string? toast = null, string toastType = "success")
    {
        ArgumentNullException.ThrowIfNull(card);
        using var document = JsonDocument.Parse(ContentJson.Serialize(card.ToJsonObject()));
        return new FeishuCardReply
        {
            Card = new FeishuCardContent { Type = "raw", Data = document.RootElement.Clone() },
            Toast = toast is null ? null : new FeishuCardToast { Type = toastType, Content = toast },
        };
    }

    /// <summary>Only a toast.</summary>
    /// <param name="text">The toast's text.</param>
    /// <param name="type">info, success, error or warning.</param>
    public static FeishuCardReply Toast(string text, string type = "info") => FeishuCardReply.WithToast(type, text);

    internal static string ActionOf(FeishuCardActionEvent e)
    {
        var value = e.Action?.Value;
        if (value is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.String)
        {
            return action.GetString()!;
        }

        return value is { ValueKind: JsonValueKind.String } s ? s.GetString()! : e.Action?.Name ?? string.Empty;
    }
}

/// <summary>A reaction added to or removed from a message.</summary>
public sealed record BotReaction
{
    /// <summary>The event's id.</summary>
    public required string EventId { get; init; }

    /// <summary>The message.</summary>
    public required string MessageId { get; init; }

    /// <summary>The emoji, e.g. THUMBSUP.</summary>
    public required string EmojiType { get; init; }

    /// <summary>True when added, false when removed.</summary>
    public bool Added { get; init; }

    /// <summary><c>user</c> or <c>app</c>.</summary>
    public string? OperatorType { get; init; }

    /// <summary>The user's open_id, when a user reacted.</summary>
    public string? OperatorOpenId { get; init; }

    /// <summary>The app's id, when an app reacted.</summary>
    public string? AppId { get; init; }

    /// <summary>Whether this bot reacted.</summary>
    public bool IsFromSelf { get; init; }

    /// <summary>When it happened.</summary>
    public DateTimeOffset? ActionTime { get; init; }
}

/// <summary>The bot was added to or removed from a group.</summary>
public sealed record BotMembership
{
    /// <summary>The event's id.</summary>
    public required string EventId { get; init; }

    /// <summary>The group.</summary>
    public required string ChatId { get; init; }

    /// <summary>True when added, false when removed.</summary>
    public bool Added { get; init; }

    /// <summary>The group's name.</summary>
    public string? ChatName { get; init; }

    /// <summary>Whether the group is external.</summary>
    public bool? External { get; init; }

    /// <summary>Who did it (open_id).</summary>
    public string? OperatorOpenId { get; init; }
}
