using System;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Bots.Api.Cardkit.V1;

namespace FeishuGen.Bots;

public sealed partial class BotStream
{
    private const int StreamingClosed = 300309;
    private const int StreamingTimedOut = 200850;
    private const int SequenceNotRising = 300317;

    private async Task PumpCardAsync()
    {
        while (true)
        {
            await _signal.WaitAsync().ConfigureAwait(false);
            while (_signal.Wait(0))
            {
                // Every append so far is carried by the one update below.
            }

            bool completing;
            string text;
            lock (_lock)
            {
                completing = _completing;
                text = _text.ToString();
            }

            var visible = Visible(text);
            if (!_degraded && visible.Length > 0 && visible != _sent)
            {
                await UpdateElementAsync(visible).ConfigureAwait(false);
            }

            if (completing)
            {
                return;
            }
        }
    }

    private async Task UpdateElementAsync(string visible)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            if (_bot.Time.GetUtcNow() - _openedAt >= _limits.RenewStreamingAfter && !await SettingsAsync(streaming: true, summary: null).ConfigureAwait(false))
            {
                _degraded = true;
                return;
            }

            FeishuException? failure = null;
            using (await GatesAsync(CancellationToken.None).ConfigureAwait(false))
            {
                var sequence = ++_sequence;
                try
                {
                    await _bot.Api.Cardkit.V1.CardElement.ContentAsync(new ContentCardElementRequest
                    {
                        CardId = CardId!,
                        ElementId = _limits.ElementId,
                        Content = visible,
                        Sequence = sequence,
                        Uuid = Uuid(sequence),
                    }).ConfigureAwait(false);
                    _sent = visible;
                    _updates++;
                    return;
                }
                catch (FeishuException e)
                {
                    failure = e;
                    _failed++;
                }
            }

            // Decided outside the slots: opening streaming again takes slots of its own.
            switch ((failure as FeishuApiException)?.Code)
            {
                case StreamingClosed or StreamingTimedOut:
                    // Feishu closed streaming (10 minutes after it was opened, or idle): open it again and carry on.
                    BotLog.StreamStep(_bot.Logger, CardId!, "an element update", ((FeishuApiException)failure!).Code, "opening streaming again");
                    if (!await SettingsAsync(streaming: true, summary: null).ConfigureAwait(false))
                    {
                        _degraded = true;
                        return;
                    }

                    break;
                case SequenceNotRising:
                    // Another writer moved the card's sequence on: jump past it.
                    _sequence += 1000;
                    break;
                default:
                    // The text is cumulative: the next update (or the final one) carries what this one had.
                    BotLog.StreamStep(_bot.Logger, CardId!, "an element update", (failure as FeishuApiException)?.Code ?? 0, "the next update carries its text");
                    return;
            }
        }
    }

    private async Task<BotStreamResult> FinishCardAsync(string text)
    {
        var parts = ContentSplitter.Split(text.Length == 0 ? _limits.Placeholder : text, _limits.MaxCardTextBytes + 1024);
        var visible = parts[0];
        BotStreamDelivery delivery;
        if (_options.FinalCard is null && !_degraded && _sent == visible)
        {
            delivery = BotStreamDelivery.Streamed;
            if (!await SettingsAsync(streaming: false, summary: Summary(text)).ConfigureAwait(false) && !await FullUpdateAsync(FinalCard(visible, text)).ConfigureAwait(false))
            {
                // The text is shown; Feishu closes streaming by itself 10 minutes after it was opened.
                BotLog.StreamStep(_bot.Logger, CardId!, "closing streaming", 0, "Feishu will close it itself");
            }
        }
        else if (await FullUpdateAsync(FinalCard(visible, text)).ConfigureAwait(false))
        {
            delivery = BotStreamDelivery.CardUpdated;
            _updates++;
        }
        else
        {
            delivery = BotStreamDelivery.FallbackMessage;
            var sent = await _bot.SendAsync(_to, Content.Markdown(visible)).ConfigureAwait(false);
            _followUps.AddRange(sent.MessageIds);
        }

        await SendFollowUpsAsync(parts).ConfigureAwait(false);
        return Result(text, delivery);
    }

    private async Task<bool> SettingsAsync(bool streaming, string? summary)
    {
        var config = new JsonObject { ["streaming_mode"] = streaming };
        if (summary is not null)
        {
            config["summary"] = new JsonObject { ["content"] = summary };
        }

        var settings = ContentJson.Serialize(new JsonObject { ["config"] = config });
        return await CardCallAsync("the card settings", sequence => _bot.Api.Cardkit.V1.Card.SettingsAsync(new SettingsCardRequest
        {
            CardId = CardId!,
            Settings = settings,
            Sequence = sequence,
            Uuid = Uuid(sequence),
        }), () =>
        {
            if (streaming)
            {
                _openedAt = _bot.Time.GetUtcNow();
                _renewals++;
            }
        }).ConfigureAwait(false);
    }

    private Task<bool> FullUpdateAsync(JsonObject card)
    {
        var data = ContentJson.Serialize(card);
        return CardCallAsync("a full card update", sequence => _bot.Api.Cardkit.V1.Card.UpdateAsync(new UpdateCardRequest
        {
            CardId = CardId!,
            Card = new Api.Cardkit.V1.Card { Type = "card_json", Data = data },
            Sequence = sequence,
            Uuid = Uuid(sequence),
        }), () => { });
    }

    private async Task<bool> CardCallAsync<T>(string what, Func<long, Task<T>> call, Action succeeded)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var leases = await GatesAsync(CancellationToken.None).ConfigureAwait(false);
            var sequence = ++_sequence;
            try
            {
                await call(sequence).ConfigureAwait(false);
                succeeded();
                return true;
            }
            catch (FeishuApiException e) when (e.Code == SequenceNotRising && attempt == 0)
            {
                _sequence += 1000;
            }
            catch (FeishuException e)
            {
                _failed++;
                BotLog.StreamStep(_bot.Logger, CardId!, what, (e as FeishuApiException)?.Code ?? 0, "falling back");
                return false;
            }
        }

        return false;
    }

    private JsonObject FinalCard(string visible, string text)
    {
        if (_options.FinalCard is { } build)
        {
            return build(text).Summary(Summary(text)).ToJsonObject();
        }

        var card = new Card().Summary(Summary(text)).Markdown(visible, _limits.ElementId);
        if (_options.Title is not null)
        {
            card.Header(_options.Title);
        }

        return card.ToJsonObject();
    }

    private string Visible(string text)
        => ContentSplitter.Cost(text) <= _limits.MaxCardTextBytes ? text : ContentSplitter.Split(text, _limits.MaxCardTextBytes + 1024)[0];

    private static string Summary(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= 40 ? line : line[..40] + "…";
    }

    private async Task SendFollowUpsAsync(System.Collections.Generic.IReadOnlyList<string> parts)
    {
        for (var i = 1; i < parts.Count; i++)
        {
            var sent = await _bot.SendAsync(_to, Content.Markdown(parts[i])).ConfigureAwait(false);
            _followUps.AddRange(sent.MessageIds);
        }
    }

    private BotStreamResult Result(string text, BotStreamDelivery delivery) => new()
    {
        MessageId = MessageId,
        CardId = CardId,
        Mode = Mode,
        FinalText = text,
        Delivery = delivery,
        Updates = _updates,
        Chunks = _chunks,
        FailedUpdates = _failed,
        Renewals = _renewals,
        FollowUpMessageIds = _followUps.ToArray(),
    };
}
