using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Bots.Api;
using FeishuGen.Bots.Api.Im.Events;
using FeishuGen.Events;
using FeishuGen.Events.Cards;
using FeishuGen.LongConnection;
using Microsoft.Extensions.Logging;

namespace FeishuGen.Bots;

public sealed partial class FeishuBot
{
    private readonly IFeishuEventDeduplication _messages;
    private readonly ChatLanes _lanes;
    private readonly List<Func<BotMessage, CancellationToken, Task>> _onMessage = new();
    private readonly Dictionary<string, Func<BotCardAction, CancellationToken, Task<FeishuCardReply?>>> _onCardAction = new(StringComparer.Ordinal);
    private readonly List<Func<BotReaction, CancellationToken, Task>> _onReaction = new();
    private readonly List<Func<BotMembership, CancellationToken, Task>> _onMembership = new();
    private readonly List<Func<BotMessage, BotRejection, CancellationToken, Task>> _onRejected = new();
    private readonly List<Func<FeishuLongConnectionStateChangedEventArgs, Task>> _onConnection = new();
    private Func<BotCardAction, CancellationToken, Task<FeishuCardReply?>>? _onAnyCardAction;
    private Action<Exception, string>? _onError;
    private bool _attached;

    /// <summary>
    /// Handles the messages the bot receives, normalised. Before a handler runs, the bot drops its
    /// own messages, messages older than <see cref="FeishuBotOptions.StaleAfter"/>, a message Feishu
    /// pushes again under a new event id, and what the <see cref="Policy"/> refuses (see
    /// <see cref="OnRejected"/>). Messages of one chat are handled one at a time, in order; chats in
    /// parallel. Calls made inside carry uuids derived from the event id.
    /// </summary>
    /// <param name="handler">The handler; it may run again for a redelivered event if it fails.</param>
    /// <returns>This bot.</returns>
    public FeishuBot OnMessage(Func<BotMessage, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        EnsureNotAttached();
        _onMessage.Add(handler);
        return this;
    }

    /// <summary>Handles the card action named <paramref name="action"/> (<see cref="CardAction.Callback"/>); the reply (a toast, a new card: <see cref="BotCardReply"/>) is the answer.</summary>
    /// <param name="action">The action's name.</param>
    /// <param name="handler">The handler; it runs inline, within Feishu's 3 s.</param>
    /// <returns>This bot.</returns>
    public FeishuBot OnCardAction(string action, Func<BotCardAction, CancellationToken, Task<FeishuCardReply?>> handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(action);
        ArgumentNullException.ThrowIfNull(handler);
        EnsureNotAttached();
        _onCardAction.Add(action, handler);
        return this;
    }

    /// <summary>Handles card actions no named handler takes.</summary>
    /// <param name="handler">The handler.</param>
    /// <returns>This bot.</returns>
    public FeishuBot OnCardAction(Func<BotCardAction, CancellationToken, Task<FeishuCardReply?>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        EnsureNotAttached();
        _onAnyCardAction = handler;
        return this;
    }

    /// <summary>Handles reactions added to and removed from messages.</summary>
    /// <param name="handler">The handler.</param>
    /// <returns>This bot.</returns>
    public FeishuBot OnReaction(Func<BotReaction, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        EnsureNotAttached();
        _onReaction.Add(handler);
        return this;
    }

    /// <summary>Handles the bot being added to or removed from a group.</summary>
    /// <param name="handler">The handler.</param>
    /// <returns>This bot.</returns>
    public FeishuBot OnMembership(Func<BotMembership, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        EnsureNotAttached();
        _onMembership.Add(handler);
        return this;
    }

    /// <summary>Sees the messages the bot did not answer, and why.</summary>
    /// <param name="handler">The handler.</param>
    /// <returns>This bot.</returns>
    public FeishuBot OnRejected(Func<BotMessage, BotRejection, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _onRejected.Add(handler);
        return this;
    }

    /// <summary>
    /// Sees the long connection's state change: Connecting, Connected, Reconnecting, Stopped,
    /// Failed. A Connected with <see cref="FeishuLongConnectionStateChangedEventArgs.Connections"/>
    /// above 1 is a reconnect, the moment to catch up on what was said meanwhile. With
    /// <c>AddFeishuBot</c> and <c>AddFeishuLongConnection</c> the bot follows the connection by
    /// itself; otherwise call <see cref="Follow"/>.
    /// </summary>
    /// <param name="handler">The handler: the change (previous and current state, reason, when).</param>
    /// <returns>This bot.</returns>
    public FeishuBot OnConnectionChanged(Func<FeishuLongConnectionStateChangedEventArgs, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _onConnection.Add(handler);
        return this;
    }

    /// <summary>Sees handler failures that no one else will (handlers acknowledged on admission).</summary>
    /// <param name="handler">The exception and the event id.</param>
    /// <returns>This bot.</returns>
    public FeishuBot OnError(Action<Exception, string> handler)
    {
        _onError = handler ?? throw new ArgumentNullException(nameof(handler));
        return this;
    }

    /// <summary>Makes <see cref="OnConnectionChanged"/> see <paramref name="connection"/>'s state changes.</summary>
    /// <param name="connection">The long connection the bot's events arrive on.</param>
    /// <returns>Stops following when disposed.</returns>
    public IDisposable Follow(FeishuLongConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        EventHandler<FeishuLongConnectionStateChangedEventArgs> changed = (_, change) => _ = ConnectionChangedAsync(change);
        connection.StateChanged += changed;
        return new Unfollow(() => connection.StateChanged -= changed);
    }

    // Runs beside the connection, which raises StateChanged on its own loop and must not wait for a handler.
    private async Task ConnectionChangedAsync(FeishuLongConnectionStateChangedEventArgs change)
    {
        foreach (var handler in _onConnection)
        {
            try
            {
                await handler(change).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                _logger.LogWarning(e, "A connection-state handler failed on {State}", change.Current);
            }
        }
    }

    private sealed class Unfollow(Action undo) : IDisposable
    {
        private Action? _undo = undo;

        public void Dispose() => Interlocked.Exchange(ref _undo, null)?.Invoke();
    }

    /// <summary>
    /// Registers the bot's handlers on <paramref name="dispatcher"/> (im.message.receive_v1, card
    /// actions, reactions, membership), whatever its transport (webhook, long connection) and mode.
    /// Call it once, after the <c>On…</c> registrations.
    /// </summary>
    /// <param name="dispatcher">The dispatcher.</param>
    /// <returns>The dispatcher, for more registrations.</returns>
    public FeishuEventDispatcher Attach(FeishuEventDispatcher dispatcher)
    {
        ArgumentNullException.ThrowIfNull(dispatcher);
        EnsureNotAttached();
        _attached = true;
        dispatcher.OnImMessageReceiveV1(HandleMessageEventAsync);
        if (_onCardAction.Count > 0 || _onAnyCardAction is not null)
        {
            dispatcher.OnCardAction(HandleCardActionAsync);
        }

        if (_onReaction.Count > 0)
        {
            dispatcher.OnImMessageReactionCreatedV1((e, ct) => HandleReactionAsync(e.Header, e.Event.MessageId, e.Event.ReactionType?.EmojiType, true, e.Event.OperatorType, e.Event.UserId?.OpenId, e.Event.AppId, e.Event.ActionTime, ct));
            dispatcher.OnImMessageReactionDeletedV1((e, ct) => HandleReactionAsync(e.Header, e.Event.MessageId, e.Event.ReactionType?.EmojiType, false, e.Event.OperatorType, e.Event.UserId?.OpenId, e.Event.AppId, e.Event.ActionTime, ct));
        }

        if (_onMembership.Count > 0)
        {
            dispatcher.OnImChatMemberBotAddedV1((e, ct) => HandleMembershipAsync(new BotMembership { EventId = e.Header.EventId, ChatId = e.Event.ChatId ?? string.Empty, Added = true, ChatName = e.Event.Name, External = e.Event.External, OperatorOpenId = e.Event.OperatorId?.OpenId }, ct));
            dispatcher.OnImChatMemberBotDeletedV1((e, ct) => HandleMembershipAsync(new BotMembership { EventId = e.Header.EventId, ChatId = e.Event.ChatId ?? string.Empty, Added = false, ChatName = e.Event.Name, External = e.Event.External, OperatorOpenId = e.Event.OperatorId?.OpenId }, ct));
        }

        return dispatcher;
    }

    private async Task HandleMessageEventAsync(FeishuEvent<ImMessageReceiveV1Event> e, CancellationToken cancellationToken)
    {
        var identity = await TryIdentityAsync(cancellationToken).ConfigureAwait(false);
        var message = BotMessage.FromEvent(this, e.Header.EventId, e.Event, identity);
        var rejection = message.IsFromSelf || (message.Sender.SenderType == "app" && message.Sender.OpenId == Api.Client.Options.AppId)
            ? BotRejection.Self
            : IsStale(message) ? BotRejection.Stale : Policy.Evaluate(message);
        if (rejection is null && !await _messages.TryClaimAsync("message:" + message.MessageId, cancellationToken).ConfigureAwait(false))
        {
            rejection = BotRejection.Duplicate;
        }

        if (rejection is { } reason)
        {
            BotLog.Rejected(_logger, message.MessageId, e.Header.EventId, reason);
            foreach (var handler in _onRejected)
            {
                await handler(message, reason, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        Task done;
        try
        {
            done = _lanes.Admit(message.ChatId, () => RunHandlersAsync(message, e.Header.EventId, Options.Acknowledge == BotAcknowledgement.AfterHandling ? cancellationToken : CancellationToken.None));
        }
        catch (BotBusyException)
        {
            await _messages.ReleaseAsync("message:" + message.MessageId, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        if (Options.Acknowledge == BotAcknowledgement.AfterHandling)
        {
            await done.ConfigureAwait(false);
        }
        else
        {
            _ = done.ContinueWith(t => ReportFailure(t.Exception!.GetBaseException(), e.Header.EventId), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }

    private async Task RunHandlersAsync(BotMessage message, string eventId, CancellationToken cancellationToken)
    {
        BotHandling.Begin(eventId);
        try
        {
            foreach (var handler in _onMessage)
            {
                await handler(message, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            // Forget the message so that the redelivered event is handled (its calls carry the same uuids).
            await _messages.ReleaseAsync("message:" + message.MessageId, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        finally
        {
            BotHandling.End();
        }
    }

    private async Task<FeishuCardReply?> HandleCardActionAsync(FeishuEvent<FeishuCardActionEvent> e, CancellationToken cancellationToken)
    {
        var name = BotCardReply.ActionOf(e.Event);
        var action = new BotCardAction
        {
            Action = name,
            EventId = e.Header.EventId,
            Value = e.Event.Action?.Value,
            FormValue = e.Event.Action?.FormValue,
            InputValue = e.Event.Action?.InputValue,
            Option = e.Event.Action?.Option,
            OperatorOpenId = e.Event.Operator?.OpenId,
            MessageId = e.Event.Context?.OpenMessageId,
            ChatId = e.Event.Context?.OpenChatId,
            Token = e.Event.Token,
            Raw = e.Event,
        };
        var handler = _onCardAction.TryGetValue(name, out var named) ? named : _onAnyCardAction;
        if (handler is null)
        {
            BotLog.UnhandledAction(_logger, name, e.Header.EventId);
            return null;
        }

        BotHandling.Begin(e.Header.EventId);
        try
        {
            return await handler(action, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            BotHandling.End();
        }
    }

    private async Task HandleReactionAsync(FeishuEventHeader header, string? messageId, string? emoji, bool added, string? operatorType, string? openId, string? appId, string? time, CancellationToken cancellationToken)
    {
        var reaction = new BotReaction
        {
            EventId = header.EventId,
            MessageId = messageId ?? string.Empty,
            EmojiType = emoji ?? string.Empty,
            Added = added,
            OperatorType = operatorType,
            OperatorOpenId = openId,
            AppId = appId,
            IsFromSelf = operatorType == "app" && appId == Api.Client.Options.AppId,
            ActionTime = long.TryParse(time, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null,
        };
        await RunAllAsync(header.EventId, _onReaction, reaction, cancellationToken).ConfigureAwait(false);
    }

    private Task HandleMembershipAsync(BotMembership membership, CancellationToken cancellationToken)
        => RunAllAsync(membership.EventId, _onMembership, membership, cancellationToken);

    // Runs the handlers of one event in order, their calls carrying uuids derived from its id.
    private static async Task RunAllAsync<T>(string eventId, List<Func<T, CancellationToken, Task>> handlers, T value, CancellationToken cancellationToken)
    {
        BotHandling.Begin(eventId);
        try
        {
            foreach (var handler in handlers)
            {
                await handler(value, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            BotHandling.End();
        }
    }

    private bool IsStale(BotMessage message)
        => Options.StaleAfter is { } window && message.CreateTime is { } created && _time.GetUtcNow() - created > window;

    // The identity is needed to tell mentions of the bot and its own messages; a failure to fetch it is
    // logged and the message handled without (nothing mentions the bot, nothing is its own).
    private async Task<BotIdentity?> TryIdentityAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await GetIdentityAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FeishuException)
        {
            BotLog.IdentityFailed(_logger, e);
            return null;
        }
    }

    private void ReportFailure(Exception e, string eventId)
    {
        BotLog.HandlerFailed(_logger, eventId, e);
        _onError?.Invoke(e, eventId);
    }

    private void EnsureNotAttached()
    {
        if (_attached)
        {
            throw new InvalidOperationException("Register the bot's handlers before Attach: the dispatcher reads them once.");
        }
    }
}
