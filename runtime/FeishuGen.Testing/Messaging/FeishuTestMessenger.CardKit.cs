using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FeishuGen.Testing;

public sealed partial class FeishuTestMessenger
{
    private long _cardIds = 7_355_372_766_134_000_000;

    /// <summary>The text an element of a card shows now: the last streamed content, else the content in the card JSON.</summary>
    /// <param name="cardId">The card.</param>
    /// <param name="elementId">The element's id.</param>
    public string? ElementText(string cardId, string elementId)
    {
        lock (_lock)
        {
            if (!_cards.TryGetValue(cardId, out var card))
            {
                return null;
            }

            return card.Elements.TryGetValue(elementId, out var text) ? text : FindElement(JsonNode.Parse(card.Json), elementId)?["content"]?.GetValue<string>();
        }
    }

    /// <summary>Whether a card is in streaming mode now (opened, and not yet closed by settings or by the 10-minute limit).</summary>
    /// <param name="cardId">The card.</param>
    public bool IsStreaming(string cardId)
    {
        lock (_lock)
        {
            return _cards.TryGetValue(cardId, out var card) && StreamingOpen(card);
        }
    }

    private bool StreamingOpen(LocalCard card) => card.StreamingMode && _options.Time.GetUtcNow() - card.OpenedAt < _options.CardStreamingLifetime;

    private Answer CreateCard(RecordedRequest request)
    {
        var body = Body(request);
        if (Throttled(string.Empty, "create", 0) is { } throttled)
        {
            return throttled;
        }

        var data = Text(body, "data");
        if (Text(body, "type") != "card_json" || string.IsNullOrEmpty(data))
        {
            return Refuse(string.Empty, "create", 0, 300307, "The card DSL is empty");
        }

        var (json, refusal) = CheckCard(data);
        if (refusal is not null)
        {
            return Refuse(string.Empty, "create", 0, refusal.Value.Code, refusal.Value.Msg);
        }

        var id = System.Threading.Interlocked.Increment(ref _cardIds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _cards[id] = new LocalCard { CardId = id, Json = data, StreamingMode = StreamingIn(json!), OpenedAt = _options.Time.GetUtcNow() };
        Accept(id, "create", 0, null);
        return Ok(new JsonObject { ["card_id"] = id });
    }

    private Answer StreamContent(RecordedRequest request, string cardId, string elementId)
    {
        var body = Body(request);
        var sequence = Number(body, "sequence") ?? 0;
        var content = Text(body, "content");
        if (Check(cardId, "content", sequence, content) is { } refused)
        {
            return refused;
        }

        var card = _cards[cardId];
        if (!StreamingOpen(card))
        {
            return Refuse(cardId, "content", sequence, 300309, "streaming mode is closed");
        }

        if (string.IsNullOrEmpty(content) || content.Length > 100_000)
        {
            return Refuse(cardId, "content", sequence, 10002, "Your request contains an invalid request parameter: content must hold 1 to 100000 characters.");
        }

        if (FindElement(JsonNode.Parse(card.Json), elementId) is null)
        {
            return Refuse(cardId, "content", sequence, 10002, $"Your request contains an invalid request parameter: the card has no element '{elementId}'.");
        }

        card.Elements[elementId] = content;
        card.Sequence = sequence;
        Accept(cardId, "content", sequence, content);
        return Ok();
    }

    private Answer Settings(RecordedRequest request, string cardId)
    {
        var body = Body(request);
        var sequence = Number(body, "sequence") ?? 0;
        if (Check(cardId, "settings", sequence, null) is { } refused)
        {
            return refused;
        }

        JsonObject? settings;
        try
        {
            settings = JsonNode.Parse(Text(body, "settings") ?? string.Empty) as JsonObject;
        }
        catch (JsonException)
        {
            settings = null;
        }

        if (settings?["config"] is not JsonObject config)
        {
            return Refuse(cardId, "settings", sequence, 300122, "Failed to update card configuration");
        }

        if (config["update_multi"] is JsonValue multi && multi.GetValueKind() == JsonValueKind.False)
        {
            return Refuse(cardId, "settings", sequence, 300302, "update_multi property is false");
        }

        var card = _cards[cardId];
        if (config["streaming_mode"] is JsonValue mode)
        {
            card.StreamingMode = mode.GetValueKind() == JsonValueKind.True;
            if (card.StreamingMode)
            {
                card.OpenedAt = _options.Time.GetUtcNow();
            }
        }

        card.Summary = Text(config["summary"] as JsonObject, "content") ?? card.Summary;
        card.Sequence = sequence;
        Accept(cardId, "settings", sequence, null);
        return Ok();
    }

    private Answer UpdateCard(RecordedRequest request, string cardId)
    {
        var body = Body(request);
        var sequence = Number(body, "sequence") ?? 0;
        if (Check(cardId, "update", sequence, null) is { } refused)
        {
            return refused;
        }

        var data = Text(body?["card"] as JsonObject, "data");
        if (string.IsNullOrEmpty(data))
        {
            return Refuse(cardId, "update", sequence, 300307, "The card DSL is empty");
        }

        var (json, refusal) = CheckCard(data);
        if (refusal is not null)
        {
            return Refuse(cardId, "update", sequence, refusal.Value.Code, refusal.Value.Msg);
        }

        var card = _cards[cardId];
        card.Json = data;
        card.Elements.Clear();
        card.StreamingMode = StreamingIn(json!);
        if (card.StreamingMode)
        {
            card.OpenedAt = _options.Time.GetUtcNow();
        }

        card.Summary = Text(json!["config"]?["summary"] as JsonObject, "content") ?? card.Summary;
        card.Sequence = sequence;
        Accept(cardId, "update", sequence, null);
        return Ok();
    }

    // The checks every operation on a card makes, in Feishu's order: the rate, the card, the sequence.
    private Answer? Check(string cardId, string kind, long sequence, string? content)
    {
        if (Throttled(cardId, kind, sequence) is { } throttled)
        {
            return throttled;
        }

        if (!_cards.TryGetValue(cardId, out var card))
        {
            return Refuse(cardId, kind, sequence, 200740, "The card entity does not exist");
        }

        if (sequence <= card.Sequence || sequence > int.MaxValue)
        {
            return Refuse(cardId, kind, sequence, 300317, $"The sequence number for operating on the card did not increment consecutively: {sequence} after {card.Sequence}", content);
        }

        return null;
    }

    // 10 operations a second per card and 50 a second per app, counted over the last second of arrivals.
    private Answer? Throttled(string cardId, string kind, long sequence)
    {
        var now = _options.Time.GetUtcNow();
        var second = _operations.Where(o => now - o.At < TimeSpan.FromSeconds(1)).ToList();
        if (second.Count >= _options.CardKitCallsPerSecondPerApp || (cardId.Length > 0 && second.Count(o => o.CardId == cardId) >= _options.CardKitCallsPerSecondPerCard))
        {
            _operations.Add(new LocalCardOperation(cardId, kind, sequence, now, 99991400, null));
            return new Answer(429, new JsonObject { ["code"] = 99991400, ["msg"] = "request trigger frequency limit" }, RetryAfter: 1);
        }

        return null;
    }

    private Answer Refuse(string cardId, string kind, long sequence, int code, string msg, string? content = null)
    {
        _operations.Add(new LocalCardOperation(cardId, kind, sequence, _options.Time.GetUtcNow(), code, content));
        return Error(400, code, msg);
    }

    private void Accept(string cardId, string kind, long sequence, string? content)
        => _operations.Add(new LocalCardOperation(cardId, kind, sequence, _options.Time.GetUtcNow(), 0, content));

    private static (JsonObject? Json, (int Code, string Msg)? Refusal) CheckCard(string data)
    {
        JsonObject? json;
        try
        {
            json = JsonNode.Parse(data, documentOptions: Lenient) as JsonObject;
        }
        catch (JsonException)
        {
            json = null;
        }

        if (json is null)
        {
            return (null, (200220, "Failed to generate card content"));
        }

        if (Text(json, "schema") != "2.0")
        {
            return (json, (300303, "Only schema 2.0 is supported"));
        }

        if (Encoding.UTF8.GetByteCount(data) > 30 * 1024)
        {
            return (json, (200860, "Card content exceeds limit."));
        }

        if (StreamingIn(json) && json["config"]?["update_multi"] is JsonValue multi && multi.GetValueKind() == JsonValueKind.False)
        {
            return (json, (300302, "update_multi property is false"));
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var count = 0;
        foreach (var element in Elements(json["body"]?["elements"]))
        {
            count++;
            if (Text(element, "element_id") is { } id && !ids.Add(id))
            {
                return (json, (300301, "Duplicate element_id in card component."));
            }
        }

        return count > 200 ? (json, (300305, "The number of card components exceeds 200")) : (json, null);
    }

    private static bool StreamingIn(JsonObject card) => card["config"]?["streaming_mode"] is JsonValue mode && mode.GetValueKind() == JsonValueKind.True;

    private static JsonObject? FindElement(JsonNode? card, string elementId) => Elements(card?["body"]?["elements"]).FirstOrDefault(e => Text(e, "element_id") == elementId);

    private static IEnumerable<JsonObject> Elements(JsonNode? list)
    {
        if (list is not JsonArray array)
        {
            yield break;
        }

        foreach (var item in array)
        {
            if (item is not JsonObject element)
            {
                continue;
            }

            yield return element;
            foreach (var child in Elements(element["elements"]))
            {
                yield return child;
            }

            if (element["columns"] is JsonArray columns)
            {
                foreach (var column in columns.OfType<JsonObject>())
                {
                    foreach (var child in Elements(column["elements"]))
                    {
                        yield return child;
                    }
                }
            }
        }
    }
}
