using System;
using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Events.Cards;
using FeishuGen.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeishuGen.Events;

/// <summary>
/// Receives Feishu events and callbacks and runs their typed handlers. It takes raw bytes and
/// headers (webhook) or plain JSON (long connection) and returns what to answer, so it needs no
/// web framework. Handlers are registered with the generated <c>On…</c> methods
/// (<c>dispatcher.OnImMessageReceiveV1(async (e, ct) => …)</c>), several per event.
/// Events are deduplicated on their id; an event with no handler is answered 200 and logged.
/// </summary>
public sealed partial class FeishuEventDispatcher : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, EventRegistration> _registrations = new(StringComparer.Ordinal);
    private readonly Lazy<FeishuEventVerifier> _verifier;
    private readonly IFeishuEventDeduplication _deduplication;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly EventQueue? _queue;
    private readonly IFeishuDurableEventQueue? _durable;

    /// <summary>Creates a dispatcher.</summary>
    /// <param name="options">The verification token, encrypt key and handling mode; the handling settings are validated here, the token when webhooks first need it (<see cref="EnsureWebhookReady"/>).</param>
    /// <param name="deduplication">Where handled event ids are remembered; in this process when null (use <see cref="DistributedFeishuEventDeduplication"/> for several instances).</param>
    /// <param name="logger">Logs unhandled events, rejections and handler failures.</param>
    /// <param name="timeProvider">The clock for deadlines and the timestamp window.</param>
    public FeishuEventDispatcher(FeishuEventOptions options, IFeishuEventDeduplication? deduplication = null, ILogger<FeishuEventDispatcher>? logger = null, TimeProvider? timeProvider = null)
        : this(options, deduplication, logger, timeProvider, durable: null)
    {
    }

    /// <summary>Creates a dispatcher that stores events in <paramref name="durable"/> when <see cref="FeishuEventOptions.Mode"/> is Durable.</summary>
    /// <param name="options">The verification token, encrypt key and handling mode.</param>
    /// <param name="deduplication">Where handled event ids are remembered (inline and queued modes; the durable queue deduplicates itself).</param>
    /// <param name="logger">Logs unhandled events, rejections and handler failures.</param>
    /// <param name="timeProvider">The clock for deadlines and the timestamp window.</param>
    /// <param name="durable">The durable queue (FeishuGen.Redis); required when the mode is Durable.</param>
    public FeishuEventDispatcher(FeishuEventOptions options, IFeishuEventDeduplication? deduplication, ILogger<FeishuEventDispatcher>? logger, TimeProvider? timeProvider, IFeishuDurableEventQueue? durable)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ValidateHandling();
        Options = options;
        _time = timeProvider ?? TimeProvider.System;
        _verifier = new Lazy<FeishuEventVerifier>(() => new FeishuEventVerifier(options, _time));
        _deduplication = deduplication ?? new InMemoryFeishuEventDeduplication(timeProvider: _time);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _queue = options.Mode == FeishuEventHandlingMode.Queued ? new EventQueue(options.QueueCapacity, options.QueueConcurrency, this) : null;
        _durable = options.Mode == FeishuEventHandlingMode.Durable
            ? durable ?? throw new FeishuConfigurationException("FeishuEventOptions.Mode is Durable but no durable queue was given: add FeishuGen.Redis and services.AddFeishuRedisEventStream(...), or pass one to the dispatcher.")
            : null;
    }

    /// <summary>The options in use.</summary>
    public FeishuEventOptions Options { get; }

    /// <summary>Adds a handler for an event type; generated <c>On…</c> methods call this with the event's reader.</summary>
    /// <typeparam name="TEvent">The event's body record.</typeparam>
    /// <param name="eventType">The event type, e.g. <c>im.message.receive_v1</c>.</param>
    /// <param name="read">Reads the body (the generated reader).</param>
    /// <param name="handler">The handler; it runs once per event id, and may run again if it fails.</param>
    /// <returns>This dispatcher, to chain registrations.</returns>
    public FeishuEventDispatcher On<TEvent>(string eventType, FeishuJsonRead<TEvent> read, Func<FeishuEvent<TEvent>, CancellationToken, Task> handler)
        where TEvent : class
    {
        ArgumentException.ThrowIfNullOrEmpty(eventType);
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(handler);
        var registration = _registrations.GetOrAdd(eventType, _ => new EventRegistration<TEvent>(read));
        if (registration is not EventRegistration<TEvent> typed)
        {
            throw new InvalidOperationException($"The event type '{eventType}' is already registered with another body type.");
        }

        typed.Add(handler);
        return this;
    }

    /// <summary>Answers <c>card.action.trigger</c>: the handler's reply (a toast, a new card) is the answer; null answers {}.</summary>
    /// <param name="handler">The handler; it runs inline, within Feishu's 3 s.</param>
    /// <returns>This dispatcher.</returns>
    public FeishuEventDispatcher OnCardAction(Func<FeishuEvent<FeishuCardActionEvent>, CancellationToken, Task<FeishuCardReply?>> handler)
        => Callback("card.action.trigger", FeishuCardJsonContext.Default.FeishuCardActionEvent, FeishuCardJsonContext.Default.FeishuCardReply, handler);

    /// <summary>Answers <c>url.preview.get</c> with an inline preview and/or a card.</summary>
    /// <param name="handler">The handler; it runs inline, within Feishu's 3 s.</param>
    /// <returns>This dispatcher.</returns>
    public FeishuEventDispatcher OnUrlPreview(Func<FeishuEvent<FeishuUrlPreviewEvent>, CancellationToken, Task<FeishuUrlPreviewReply?>> handler)
        => Callback("url.preview.get", FeishuCardJsonContext.Default.FeishuUrlPreviewEvent, FeishuCardJsonContext.Default.FeishuUrlPreviewReply, handler);

    private FeishuEventDispatcher Callback<TEvent, TReply>(string type, JsonTypeInfo<TEvent> eventInfo, JsonTypeInfo<TReply> replyInfo, Func<FeishuEvent<TEvent>, CancellationToken, Task<TReply?>> handler)
        where TEvent : class
        where TReply : class
    {
        ArgumentNullException.ThrowIfNull(handler);
        FeishuJsonRead<TEvent> read = (ref Utf8JsonReader reader) => JsonSerializer.Deserialize(ref reader, eventInfo)!;
        var registration = new CallbackRegistration<TEvent, TReply>(read, handler, reply => JsonSerializer.SerializeToUtf8Bytes(reply, replyInfo));
        if (!_registrations.TryAdd(type, registration))
        {
            throw new InvalidOperationException($"'{type}' already has a handler: a callback has one answer.");
        }

        return this;
    }

    /// <summary>Handles one webhook request: verifies it, then answers the challenge or dispatches the event.</summary>
    /// <param name="headers">X-Lark-Request-Timestamp, X-Lark-Request-Nonce and X-Lark-Signature.</param>
    /// <param name="body">The body exactly as received.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    /// <returns>What to answer: 200 with a body, 4xx for a request that fails verification (no handler ran), 500/503 to have it delivered again.</returns>
    public async Task<FeishuEventResponse> HandleWebhookAsync(FeishuEventHeaders headers, ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default)
    {
        FeishuVerifiedRequest verified;
        try
        {
            verified = _verifier.Value.Verify(headers, body.Span);
        }
        catch (FeishuEventRejectedException e)
        {
            FeishuEventLog.Rejected(_logger, e.Reason, e.Message);
            return Rejection(e.Reason);
        }

        if (verified.ChallengeReply is { } challenge)
        {
            return new FeishuEventResponse(200, challenge);
        }

        return await DispatchAsync(verified.Json, FeishuEventTransport.Webhook, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Checks that webhooks can be verified (a Verification Token is set); the webhook mapping calls it at startup.</summary>
    /// <exception cref="FeishuConfigurationException">The token is missing or a limit is out of range.</exception>
    public void EnsureWebhookReady() => _ = _verifier.Value;

    /// <summary>
    /// Dispatches an event that needs no verification (the long connection's frames come over an
    /// authenticated socket and are neither signed nor encrypted).
    /// </summary>
    /// <param name="json">The event's JSON envelope.</param>
    /// <param name="cancellationToken">Cancels the handling.</param>
    /// <returns>What to acknowledge: 200 with the callback's reply, or 500/503.</returns>
    public Task<FeishuEventResponse> HandleAsync(ReadOnlyMemory<byte> json, CancellationToken cancellationToken = default)
        => DispatchAsync(json, FeishuEventTransport.LongConnection, cancellationToken);

    internal Task<FeishuEventResponse> HandleAsync(ReadOnlyMemory<byte> json, FeishuEventTransport transport, CancellationToken cancellationToken)
        => DispatchAsync(json, transport, cancellationToken);

    /// <summary>Whether a handler is registered for <paramref name="eventType"/>.</summary>
    /// <param name="eventType">The event type.</param>
    /// <returns>True when events of this type run a handler.</returns>
    public bool Handles(string eventType) => _registrations.ContainsKey(eventType);

    /// <summary>Stops the queue: events already acknowledged are handled first, for at most <paramref name="drain"/> (5 s when null).</summary>
    /// <param name="drain">How long queued events may still run.</param>
    /// <returns>A task that completes when the queue has stopped.</returns>
    public Task StopAsync(TimeSpan? drain = null) => _queue?.StopAsync(drain ?? TimeSpan.FromSeconds(5)) ?? Task.CompletedTask;

    /// <inheritdoc/>
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private static FeishuEventResponse Rejection(FeishuEventRejection reason)
    {
        var status = reason switch
        {
            FeishuEventRejection.TooLarge => 413,
            FeishuEventRejection.BadSignature or FeishuEventRejection.BadToken or FeishuEventRejection.StaleTimestamp => 401,
            _ => 400,
        };

        // The reason's name only: nothing about keys, tokens or where verification failed inside.
        return new FeishuEventResponse(status, JsonSerializer.SerializeToUtf8Bytes(new EventError(reason.ToString()), FeishuEventJsonContext.Default.EventError));
    }
}
