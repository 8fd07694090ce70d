using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;

namespace FeishuGen.Bots;

/// <summary>
/// A rich-text message (<c>post</c>). Sent, it is keyed by locale (<c>{"zh_cn": {"title", "content"}}</c>,
/// at least one); received, it is one body (<c>{"title", "content"}</c>) with <c>md</c> turned into the
/// other tags. <see cref="Locales"/> holds the first form, <see cref="Body"/> the second.
/// </summary>
public sealed record PostContent : MessageContent
{
    /// <summary>The bodies by locale (<c>zh_cn</c>, <c>en_us</c>, …) as sent; null for the received form.</summary>
    public IReadOnlyList<PostLocale>? Locales { get; init; }

    /// <summary>The single body of a received post (or of one sent without a locale); null for the locale form.</summary>
    public PostBody? Body { get; init; }

    /// <summary>The received message's mentions, by placeholder.</summary>
    public IReadOnlyList<MessageMention>? Mentions { get; init; }

    /// <inheritdoc/>
    public override string MessageType => MessageTypes.Post;

    /// <summary>The body to show: the received one, else zh_cn, else the first locale.</summary>
    public PostBody? Primary => Body ?? Locales?.FirstOrDefault(l => l.Locale == "zh_cn")?.Body ?? Locales?.FirstOrDefault()?.Body;

    /// <inheritdoc/>
    public override string ToPlainText() => Primary?.ToPlainText(Mentions) ?? string.Empty;

    /// <inheritdoc/>
    protected override void WriteMembers(JsonObject json)
    {
        if (Body is not null)
        {
            Body.WriteInto(json);
        }

        foreach (var locale in Locales ?? [])
        {
            var body = new JsonObject();
            locale.Body.WriteInto(body);
            json[locale.Locale] = body;
        }
    }

    internal static PostContent Read(JsonObject o)
    {
        // The received form has content (and title) at the top; the sent form has locales of objects.
        if (o["content"] is JsonArray || o["title"] is JsonValue)
        {
            return new PostContent { Body = PostBody.Read(o), AdditionalProperties = ContentJson.Rest(o) };
        }

        var locales = new List<PostLocale>();
        foreach (var name in o.Select(p => p.Key).ToList())
        {
            if (o[name] is JsonObject body && (body["content"] is JsonArray || body["title"] is JsonValue))
            {
                o.Remove(name);
                locales.Add(new PostLocale(name, PostBody.Read(body)));
            }
        }

        return new PostContent { Locales = locales, AdditionalProperties = ContentJson.Rest(o) };
    }
}

/// <summary>One locale's body of a sent post.</summary>
/// <param name="Locale">The locale key, e.g. <c>zh_cn</c>, <c>en_us</c>.</param>
/// <param name="Body">The body.</param>
public sealed record PostLocale(string Locale, PostBody Body);

/// <summary>A post body: a title and paragraphs of nodes (images and videos stand alone in their paragraph).</summary>
public sealed record PostBody
{
    /// <summary>The title (may be empty).</summary>
    public string? Title { get; init; }

    /// <summary>The paragraphs, each a list of nodes.</summary>
    public IReadOnlyList<IReadOnlyList<PostNode>> Content { get; init; } = [];

    /// <summary>Members this type does not describe.</summary>
    public JsonObject? AdditionalProperties { get; init; }

    /// <summary>The body as text: paragraphs on their own lines, the title first.</summary>
    /// <param name="mentions">The message's mentions, to resolve placeholders.</param>
    public string ToPlainText(IReadOnlyList<MessageMention>? mentions = null)
    {
        var text = new StringBuilder();
        if (!string.IsNullOrEmpty(Title))
        {
            text.Append(Title).Append('\n');
        }

        foreach (var paragraph in Content)
        {
            foreach (var node in paragraph)
            {
                node.AppendPlainText(text, mentions);
            }

            text.Append('\n');
        }

        return text.ToString().TrimEnd('\n');
    }

    internal void WriteInto(JsonObject json)
    {
        ContentJson.Put(json, "title", Title);
        var paragraphs = new JsonArray();
        foreach (var paragraph in Content)
        {
            var nodes = new JsonArray();
            foreach (var node in paragraph)
            {
                nodes.Add((JsonNode)node.ToJsonObject());
            }

            paragraphs.Add((JsonNode)nodes);
        }

        if (AdditionalProperties?.ContainsKey("content") != true)
        {
            json["content"] = paragraphs;
        }

        ContentJson.PutRest(json, AdditionalProperties);
    }

    internal static PostBody Read(JsonObject o)
    {
        var title = ContentJson.TakeString(o, "title");
        var paragraphs = new List<IReadOnlyList<PostNode>>();
        if (o["content"] is JsonArray array && array.All(p => p is JsonArray paragraph && paragraph.All(n => n is JsonObject)))
        {
            o.Remove("content");
            foreach (var paragraph in array.Cast<JsonArray>())
            {
                paragraphs.Add(paragraph.Select(n => PostNode.Read((JsonObject)n!.DeepClone())).ToList());
            }
        }

        return new PostBody { Title = title, Content = paragraphs, AdditionalProperties = ContentJson.Rest(o) };
    }
}
