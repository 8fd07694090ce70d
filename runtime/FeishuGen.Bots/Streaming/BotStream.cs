using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Bots.Api.Cardkit.V1;

namespace FeishuGen.Bots;

/// <summary>
/// A reply written as it is produced. In CardKit mode: a card entity created in streaming mode and
/// sent (or replied in thread); its Markdown element updated with the whole text so far, each
/// update with a strictly rising <c>sequence</c>, as often as the limits allow (per card, and per
/// app shared by every stream) — chunks that arrive in between are carried by the next update.
/// Streaming is opened again before Feishu closes it 10 minutes after it was opened (and when
/// Feishu says it closed it), so a long answer is still completed. <see cref="CompleteAsync"/>
/// delivers the final text whatever failed before (an update, then a full card update, then a new
/// message) and closes streaming; after that <see cref="AppendAsync"/> fails at once.
/// </summary>
public sealed partial class BotStream : IAsyncDisposable
{
    private readonly FeishuBot _bot;
    private readonly BotTarget _to;
    private readonly BotStreamOptions _options;
    private readonly BotStreamingOptions _limits;
    private readonly StringBuilder _text = new();
    private readonly SemaphoreSlim _signal = new(0, int.MaxValue);
    private readonly object _lock = new();
    private readonly List<string> _followUps = new();
    private readonly RateGate _cardGate;
    private Task? _pump;
    private string _sent = string.Empty;
    private long _sequence;
    private DateTimeOffset _openedAt;
    private bool _completing;
    private bool _completed;
    private bool _degraded;
    private int _updates;
    private int _failed;
    private int _renewals;
    private int _chunks;
    private BotStreamResult? _result;

    private BotStream(FeishuBot bot, BotTarget to, BotStreamOptions options)
    {
        _bot = bot;
        _to = to;
        _options = options;
        _limits = bot.Options.Streaming;
        _cardGate = new RateGate(_limits.UpdatesPerSecondPerCard, TimeSpan.FromSeconds(1), bot.Time);
    }

    /// <summary>The message showing the stream.</summary>
    public string MessageId { get; private set; } = string.Empty;

    /// <summary>The card entity (CardKit mode).</summary>
    public string? CardId { get; private set; }

    /// <summary>CardKit or post edits.</summary>
    public BotStreamMode Mode { get; private set; }

    /// <summary>The text so far.</summary>
    public string Text
    {
        get
        {
            lock (_lock)
            {
                return _text.ToString();
            }
        }
    }

    internal static async Task<BotStream> OpenAsync(FeishuBot bot, BotTarget to, BotStreamOptions? options, CancellationToken cancellationToken)
    {
        var stream = new BotStream(bot, to, options ?? new BotStreamOptions());
        await stream.StartAsync(cancellationToken).ConfigureAwait(false);
        return stream;
    }

    /// <summary>Adds text to the answer; it is shown with the next update the limits allow.</summary>
    /// <param name="chunk">The text to add.</param>
    /// <exception cref="BotStreamClosedException">The stream was completed.</exception>
    public void Append(string chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        lock (_lock)
        {
            if (_completing)
            {
                throw new BotStreamClosedException(Describe());
            }

            _text.Append(chunk);
            _chunks++;
        }

        _signal.Release();
    }

    /// <summary>Adds text to the answer (see <see cref="Append"/>).</summary>
    /// <param name="chunk">The text to add.</param>
    /// <exception cref="BotStreamClosedException">The stream was completed.</exception>
    public ValueTask AppendAsync(string chunk)
    {
        Append(chunk);
        return ValueTask.CompletedTask;
    }

    /// <summary>Delivers the final text and closes streaming. Safe to call twice (the second returns the first result).</summary>
    /// <param name="cancellationToken">Not passed to the final calls: the final text is delivered even when the caller gives up.</param>
    /// <returns>What the stream did.</returns>
    public async Task<BotStreamResult> CompleteAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (_completing)
            {
                return _result ?? throw new BotStreamClosedException(Describe());
            }

            _completing = true;
        }

        _signal.Release();
        if (_pump is not null)
        {
            await _pump.ConfigureAwait(false);
        }

        var text = Text;
        var result = Mode == BotStreamMode.CardKit ? await FinishCardAsync(text).ConfigureAwait(false) : await FinishPostAsync(text).ConfigureAwait(false);
        lock (_lock)
        {
            _result = result;
            _completed = true;
        }

        return result;
    }

    /// <summary>Completes the stream if it was not.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_completed)
        {
            await CompleteAsync().ConfigureAwait(false);
        }

        _signal.Dispose();
    }

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_options.UseCardKit)
        {
            try
            {
                await StartCardAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (FeishuApiException e) when (CardId is null)
            {
                // CardKit refused the card itself (no cardkit scope, a tenant without it): edit a post instead.
                BotLog.PostFallback(_bot.Logger, e.Code);
            }
        }

        await StartPostAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task StartCardAsync(CancellationToken cancellationToken)
    {
        var card = StreamingCard();
        CreateCardResponse created;
        using (await GatesAsync(cancellationToken).ConfigureAwait(false))
        {
            created = await _bot.Api.Cardkit.V1.Card.CreateAsync(new CreateCardRequest { Type = "card_json", Data = ContentJson.Serialize(card) }, cancellationToken).ConfigureAwait(false);
        }

        CardId = created.CardId ?? throw new FeishuResponseFormatException("创建卡片实体 answered without a card_id.");
        _openedAt = _bot.Time.GetUtcNow();
        Mode = BotStreamMode.CardKit;
        var sent = await _bot.SendAsync(_to, Content.CardEntity(CardId), null, cancellationToken).ConfigureAwait(false);
        MessageId = sent.MessageId;
        _pump = Task.Run(PumpCardAsync, CancellationToken.None);
    }

    private JsonObject StreamingCard()
    {
        var card = new Card().Streaming().Summary(_options.Summary ?? "[生成中]").Markdown(_limits.Placeholder, _limits.ElementId);
        if (_options.Title is not null)
        {
            card.Header(_options.Title);
        }

        return card.ToJsonObject();
    }

    // The card's slot, then the app's: both held until the call has finished.
    private async Task<Leases> GatesAsync(CancellationToken cancellationToken)
    {
        var card = await _cardGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        var app = await _bot.AppLimiter.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Leases(card, app);
    }

    private readonly struct Leases(IDisposable card, IDisposable app) : IDisposable
    {
        public void Dispose()
        {
            app.Dispose();
            card.Dispose();
        }
    }

    private string Describe() => CardId is not null ? "card " + CardId : "message " + MessageId;

    private string Uuid(long sequence) => CardId + "-" + sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
