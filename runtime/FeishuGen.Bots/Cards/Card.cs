using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace FeishuGen.Bots;

/// <summary>
/// A card in JSON 2.0 (<c>schema</c> 2.0): a header, settings and a body of components.
/// <code>
/// var card = new Card().Header("天气", template: "blue")
///     .Markdown("**晴** 25°C", elementId: "today")
///     .Button("明天", CardAction.Callback("tomorrow"), type: "primary");
/// await bot.SendAsync(BotTarget.Chat(chatId), Content.Card(card));
/// </code>
/// Element ids must be unique and a card holds at most 200 components (checked when written).
/// Shared by default (<c>update_multi</c> true), as streaming and CardKit updates require.
/// </summary>
public sealed class Card : CardContainer<Card>
{
    /// <summary>Feishu's limit on components in one card.</summary>
    public const int MaxComponents = 200;

    private JsonObject? _header;
    private readonly JsonObject _config = new() { ["update_multi"] = true };

    /// <summary>The card's header.</summary>
    /// <param name="title">The title.</param>
    /// <param name="subtitle">A subtitle.</param>
    /// <param name="template">The header colour: blue, wathet, turquoise, green, yellow, orange, red, carmine, violet, purple, indigo, grey, default.</param>
    public Card Header(string title, string? subtitle = null, string? template = null)
    {
        _header = new JsonObject { ["title"] = CardElement.PlainText(title) };
        if (subtitle is not null)
        {
            _header["subtitle"] = CardElement.PlainText(subtitle);
        }

        if (template is not null)
        {
            _header["template"] = template;
        }

        return this;
    }

    /// <summary>The summary shown in the chat list (and, while streaming, instead of [生成中]).</summary>
    /// <param name="summary">The summary.</param>
    public Card Summary(string summary)
    {
        _config["summary"] = new JsonObject { ["content"] = summary };
        return this;
    }

    /// <summary>Opens the card in streaming mode (CardKit), with the typewriter settings.</summary>
    /// <param name="printFrequencyMs">Milliseconds between two steps of the typewriter.</param>
    /// <param name="printStep">Characters per step.</param>
    /// <param name="printStrategy">fast (show what is left at once on an update) or delay (finish typing first).</param>
    public Card Streaming(int printFrequencyMs = 30, int printStep = 2, string printStrategy = "fast")
    {
        _config["streaming_mode"] = true;
        _config["streaming_config"] = new JsonObject
        {
            ["print_frequency_ms"] = new JsonObject { ["default"] = printFrequencyMs },
            ["print_step"] = new JsonObject { ["default"] = printStep },
            ["print_strategy"] = printStrategy,
        };
        return this;
    }

    /// <summary>Sets any member of <c>config</c>.</summary>
    /// <param name="name">The member, e.g. <c>width_mode</c>.</param>
    /// <param name="value">Its value.</param>
    public Card Config(string name, JsonNode? value)
    {
        _config[name] = value;
        return this;
    }

    /// <summary>The card JSON.</summary>
    /// <exception cref="InvalidOperationException">Two components share an element id, or there are more than 200.</exception>
    public JsonObject ToJsonObject()
    {
        var count = 0;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in Components)
        {
            Count(element.Json, ids, ref count);
        }

        if (count > MaxComponents)
        {
            throw new InvalidOperationException($"The card has {count} components; Feishu takes at most {MaxComponents} (300305).");
        }

        var json = new JsonObject { ["schema"] = "2.0", ["config"] = _config.DeepClone() };
        if (_header is not null)
        {
            json["header"] = _header.DeepClone();
        }

        json["body"] = new JsonObject { ["elements"] = CardJson.Array(Components) };
        return json;
    }

    /// <summary>The card as a message's content.</summary>
    public CardJsonContent ToContent() => new() { Card = ToJsonObject() };

    /// <summary>A card from the card builder's template, with its variables.</summary>
    /// <param name="templateId">The template's id (我的卡片 in the card builder).</param>
    /// <param name="variables">The variables' values.</param>
    /// <param name="version">The template version, e.g. 1.0.0; the latest when null.</param>
    public static CardTemplateContent Template(string templateId, JsonObject? variables = null, string? version = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(templateId);
        return new CardTemplateContent { TemplateId = templateId, Variables = variables, TemplateVersionName = version };
    }

    private static void Count(JsonObject element, HashSet<string> ids, ref int count)
    {
        count++;
        if (element["element_id"] is JsonValue id && !ids.Add(id.GetValue<string>()))
        {
            throw new InvalidOperationException($"The element_id '{id}' is used twice in the card; Feishu refuses it (300301).");
        }

        foreach (var key in new[] { "elements", "columns" })
        {
            if (element[key] is JsonArray children)
            {
                foreach (var child in children)
                {
                    if (child is JsonObject o)
                    {
                        Count(o, ids, ref count);
                    }
                }
            }
        }
    }
}
