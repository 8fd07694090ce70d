using System;
using System.Text.Json.Nodes;

namespace FeishuGen.Bots;

/// <summary>
/// One component of a card JSON 2.0 body, as its JSON object. The builders make them
/// (<see cref="CardContainer{TSelf}.Markdown"/>, <see cref="CardContainer{TSelf}.Button"/>, …); any
/// other component can be added from its JSON with <see cref="FromJson"/>.
/// </summary>
public sealed class CardElement
{
    private CardElement(JsonObject json) => Json = json;

    /// <summary>The component's JSON.</summary>
    public JsonObject Json { get; }

    /// <summary>The component's <c>tag</c>.</summary>
    public string Tag => Json["tag"]?.GetValue<string>() ?? string.Empty;

    /// <summary>The component's <c>element_id</c>, or null.</summary>
    public string? ElementId => Json["element_id"]?.GetValue<string>();

    /// <summary>A component from its JSON (it must have a <c>tag</c>).</summary>
    /// <param name="json">The component, e.g. <c>{"tag":"chart", …}</c>.</param>
    public static CardElement FromJson(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json["tag"] is not JsonValue)
        {
            throw new ArgumentException("A card component needs a \"tag\".", nameof(json));
        }

        return new CardElement(json);
    }

    internal static CardElement Of(string tag, string? elementId)
    {
        var json = new JsonObject { ["tag"] = tag };
        if (elementId is not null)
        {
            CardIds.Check(elementId);
            json["element_id"] = elementId;
        }

        return new CardElement(json);
    }

    internal static JsonObject PlainText(string content) => new() { ["tag"] = "plain_text", ["content"] = content };
}

/// <summary>What a button or other interactive component does.</summary>
public sealed class CardAction
{
    private CardAction(JsonObject behavior) => Behavior = behavior;

    /// <summary>The <c>behaviors</c> entry.</summary>
    public JsonObject Behavior { get; }

    /// <summary>
    /// Calls the app back (<c>card.action.trigger</c>) with <c>{"action": <paramref name="action"/>, …<paramref name="value"/>}</c>;
    /// the bot routes it to <c>OnCardAction(action, …)</c>.
    /// </summary>
    /// <param name="action">The action's name, e.g. <c>retry</c>.</param>
    /// <param name="value">More members for the handler.</param>
    public static CardAction Callback(string action, JsonObject? value = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(action);
        var payload = value is null ? new JsonObject() : (JsonObject)value.DeepClone();
        payload["action"] = action;
        return new CardAction(new JsonObject { ["type"] = "callback", ["value"] = payload });
    }

    /// <summary>Opens a link.</summary>
    /// <param name="url">The link.</param>
    public static CardAction OpenUrl(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return new CardAction(new JsonObject { ["type"] = "open_url", ["default_url"] = url.ToString() });
    }
}

/// <summary>The checks Feishu applies to element ids: letters first, then letters, digits and underscores, at most 20 characters.</summary>
internal static class CardIds
{
    public static void Check(string id)
    {
        if (id.Length is 0 or > 20 || !char.IsAsciiLetter(id[0]))
        {
            throw new ArgumentException($"The element_id '{id}' must start with a letter and have at most 20 characters.", nameof(id));
        }

        foreach (var c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                throw new ArgumentException($"The element_id '{id}' may hold only letters, digits and underscores.", nameof(id));
            }
        }
    }
}
