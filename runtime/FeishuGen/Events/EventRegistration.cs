using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Json;

namespace FeishuGen.Events;

/// <summary>The handlers of one event type, and how to read its body.</summary>
internal abstract class EventRegistration
{
    /// <summary>Whether the handler's result is the answer (card callbacks): run inline, never deduplicated or queued.</summary>
    public abstract bool IsCallback { get; }

    /// <summary>Reads the body and runs the handlers in order; returns the answer's body for callbacks, null for events.</summary>
    public abstract Task<byte[]?> RunAsync(FeishuEventEnvelope envelope, CancellationToken cancellationToken);
}

/// <summary>An event: handlers return nothing; several run one after the other.</summary>
internal sealed class EventRegistration<TEvent> : EventRegistration
    where TEvent : class
{
    private readonly FeishuJsonRead<TEvent> _read;
    private readonly object _lock = new();

    // Copied on write: handlers are added at startup and read on every event, without a lock or a copy.
    private Func<FeishuEvent<TEvent>, CancellationToken, Task>[] _handlers = Array.Empty<Func<FeishuEvent<TEvent>, CancellationToken, Task>>();

    public EventRegistration(FeishuJsonRead<TEvent> read) => _read = read;

    public override bool IsCallback => false;

    public void Add(Func<FeishuEvent<TEvent>, CancellationToken, Task> handler)
    {
        lock (_lock)
        {
            var handlers = new Func<FeishuEvent<TEvent>, CancellationToken, Task>[_handlers.Length + 1];
            _handlers.CopyTo(handlers, 0);
            handlers[^1] = handler;
            Volatile.Write(ref _handlers, handlers);
        }
    }

    public override async Task<byte[]?> RunAsync(FeishuEventEnvelope envelope, CancellationToken cancellationToken)
    {
        var body = Read(_read, envelope);
        var typed = new FeishuEvent<TEvent> { Header = envelope.Header, Event = body, Json = envelope.Json };
        foreach (var handler in Volatile.Read(ref _handlers))
        {
            await handler(typed, cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    internal static T Read<T>(FeishuJsonRead<T> read, FeishuEventEnvelope envelope)
    {
        var reader = new Utf8JsonReader(envelope.EventJson);
        reader.Read();
        return read(ref reader);
    }
}

/// <summary>A callback: one handler, whose result is written as the answer.</summary>
internal sealed class CallbackRegistration<TEvent, TReply> : EventRegistration
    where TEvent : class
    where TReply : class
{
    private readonly FeishuJsonRead<TEvent> _read;
    private readonly Func<FeishuEvent<TEvent>, CancellationToken, Task<TReply?>> _handler;
    private readonly Func<TReply, byte[]> _write;

    public CallbackRegistration(FeishuJsonRead<TEvent> read, Func<FeishuEvent<TEvent>, CancellationToken, Task<TReply?>> handler, Func<TReply, byte[]> write)
    {
        _read = read;
        _handler = handler;
        _write = write;
    }

    public override bool IsCallback => true;

    public override async Task<byte[]?> RunAsync(FeishuEventEnvelope envelope, CancellationToken cancellationToken)
    {
        var body = EventRegistration<TEvent>.Read(_read, envelope);
        var reply = await _handler(new FeishuEvent<TEvent> { Header = envelope.Header, Event = body, Json = envelope.Json }, cancellationToken).ConfigureAwait(false);
        return reply is null ? "{}"u8.ToArray() : _write(reply);
    }
}
