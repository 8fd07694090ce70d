using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;

namespace FeishuGen.Bots;

/// <summary>
/// A card (<c>interactive</c>), in one of its forms: <see cref="CardJsonContent"/> (card JSON, 1.0 or
/// 2.0), <see cref="CardEntityContent"/> (a CardKit card entity by id), <see cref="CardTemplateContent"/>
/// (a template with variables), or, when read from a message, <see cref="ReceivedCardContent"/>
/// (Feishu returns a simplified card, not the JSON that was sent).
/// </summary>
public abstract record InteractiveContent : MessageContent
{
    /// <inheritdoc/>
    public override string MessageType => MessageTypes.Interactive;

    internal static InteractiveContent Read(JsonObject o)
    {
        var type = o["type"] is JsonValue t && t.GetValueKind() == System.Text.Json.JsonValueKind.String ? t.GetValue<string>() : null;
        if (type == "card" && o["data"] is JsonObject entity && entity["card_id"] is JsonValue)
        {
            o.Remove("type");
            o.Remove("data");
            return new CardEntityContent { CardId = ContentJson.TakeString(entity, "card_id") ?? string.Empty, AdditionalData = ContentJson.Rest(entity), AdditionalProperties = ContentJson.Rest(o) };
        }

        if (type == "template" && o["data"] is JsonObject template && template["template_id"] is JsonValue)
        {
            o.Remove("type");
            o.Remove("data");
            var id = ContentJson.TakeString(template, "template_id") ?? string.Empty;
            var version = ContentJson.TakeString(template, "template_version_name");
            var variables = ContentJson.TakeObject(template, "template_variable");
            return new CardTemplateContent { TemplateId = id, TemplateVersionName = version, Variables = variables, AdditionalData = ContentJson.Rest(template), AdditionalProperties = ContentJson.Rest(o) };
        }

        // The received form: a title and paragraphs (arrays) of post-like nodes.
        if (o["elements"] is JsonArray elements && elements.Count > 0 && elements.All(e => e is JsonArray))
        {
            return ReceivedCardContent.Read(o);
        }

        return new CardJsonContent { Card = o };
    }
}

/// <summary>A card sent as its JSON (<c>schema</c> 2.0 from <see cref="Card"/>, or any 1.0/2.0 card JSON).</summary>
public sealed record CardJsonContent : InteractiveContent
{
    /// <summary>The card JSON.</summary>
    public required JsonObject Card { get; init; }

    /// <inheritdoc/>
    public override JsonObject ToJsonObject() => (JsonObject)Card.DeepClone();

    /// <inheritdoc/>
    public override string ToPlainText() => CardText.Of(Card);

    /// <inheritdoc/>
    protected override void WriteMembers(JsonObject json)
    {
    }
}

/// <summary>A CardKit card entity sent by id: <c>{"type":"card","data":{"card_id":…}}</c> (an entity is sent once).</summary>
public sealed record CardEntityContent : InteractiveContent
{
    /// <summary>The entity's id, from 创建卡片实体.</summary>
    public required string CardId { get; init; }

    /// <summary>Members of <c>data</c> not described here.</summary>
    public JsonObject? AdditionalData { get; init; }

    /// <inheritdoc/>
    public override string ToPlainText() => "[卡片]";

    /// <inheritdoc/>
    protected override void WriteMembers(JsonObject json)
    {
        json["type"] = "card";
        var data = new JsonObject { ["card_id"] = CardId };
        ContentJson.PutRest(data, AdditionalData);
        json["data"] = data;
    }
}

/// <summary>A card template with its variables: <c>{"type":"template","data":{"template_id","template_version_name","template_variable"}}</c>.</summary>
public sealed record CardTemplateContent : InteractiveContent
{
    /// <summary>The template's id, from the card builder (我的卡片).</summary>
    public required string TemplateId { get; init; }

    /// <summary>The template version, e.g. 1.0.0; the latest when null.</summary>
    public string? TemplateVersionName { get; init; }

    /// <summary>The variables' values (an unset image variable is an error, an unset text shows empty).</summary>
    public JsonObject? Variables { get; init; }

    /// <summary>Members of <c>data</c> not described here.</summary>
    public JsonObject? AdditionalData { get; init; }

    /// <inheritdoc/>
    public override string ToPlainText() => "[卡片]";

    /// <inheritdoc/>
    protected override void WriteMembers(JsonObject json)
    {
        json["type"] = "template";
        var data = new JsonObject { ["template_id"] = TemplateId };
        ContentJson.Put(data, "template_version_name", TemplateVersionName);
        if (Variables is not null)
        {
            data["template_variable"] = Variables.DeepClone();
        }

        ContentJson.PutRest(data, AdditionalData);
        json["data"] = data;
    }
}

/// <summary>
/// A card as Feishu returns it when the message is read (an event or 获取消息): a title and
/// paragraphs of post-like nodes (<c>text</c>, <c>a</c>, <c>at</c>, <c>img</c>, <c>button</c>, …), not the JSON that was sent.
/// </summary>
public sealed record ReceivedCardContent : InteractiveContent
{
    /// <summary>The card's title.</summary>
    public string? Title { get; init; }

    /// <summary>The card's elements as paragraphs of nodes; tags other than the post tags are <see cref="PostUnknownNode"/>.</summary>
    public IReadOnlyList<IReadOnlyList<PostNode>> Elements { get; init; } = [];

    /// <summary>The received message's mentions, by placeholder.</summary>
    public IReadOnlyList<MessageMention>? Mentions { get; init; }

    /// <inheritdoc/>
    public override string ToPlainText() => new PostBody { Title = Title, Content = Elements }.ToPlainText(Mentions);

    /// <inheritdoc/>
    protected override void WriteMembers(JsonObject json)
    {
        ContentJson.Put(json, "title", Title);
        var paragraphs = new JsonArray();
        foreach (var paragraph in Elements)
        {
            paragraphs.Add((JsonNode)new JsonArray(paragraph.Select(n => (JsonNode)n.ToJsonObject()).ToArray()));
        }

        json["elements"] = paragraphs;
    }

    internal static new ReceivedCardContent Read(JsonObject o)
    {
        var title = ContentJson.TakeString(o, "title");
        var elements = (JsonArray)o["elements"]!;
        o.Remove("elements");
        var paragraphs = elements.Select(p => (IReadOnlyList<PostNode>)((JsonArray)p!).Select(n => n is JsonObject node ? PostNode.Read((JsonObject)node.DeepClone()) : new PostUnknownNode(string.Empty)).ToList()).ToList();
        return new ReceivedCardContent { Title = title, Elements = paragraphs, AdditionalProperties = ContentJson.Rest(o) };
    }
}

/// <summary>The visible text of a card JSON: its header title and the text of its markdown and div elements.</summary>
internal static class CardText
{
    public static string Of(JsonObject card)
    {
        var text = new StringBuilder();
        Walk(card, text, 0);
        return text.ToString().Trim();
    }

    private static void Walk(JsonNode? node, StringBuilder text, int depth)
    {
        if (depth > 32)
        {
            return;
        }

        switch (node)
        {
            case JsonObject o:
                foreach (var pair in o)
                {
                    if (pair.Key == "content" && pair.Value is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.String)
                    {
                        text.Append(value.GetValue<string>()).Append('\n');
                    }
                    else if (pair.Key is not ("config" or "behaviors" or "value"))
                    {
                        Walk(pair.Value, text, depth + 1);
                    }
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    Walk(item, text, depth + 1);
                }

                break;
        }
    }
}
