using System;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.LongConnection.Wire;

namespace FeishuGen.Testing;

/// <summary>What goes wrong on the server's side of a long connection, for the tests and the drill.</summary>
internal sealed partial class LongConnectionHub
{
    /// <summary>The current socket goes half-open: it stays up, but pings get no pong and nothing more is sent on it. Events wait for the next socket.</summary>
    public bool GoSilent()
    {
        lock (_lock)
        {
            if (!_current.Task.IsCompletedSuccessfully)
            {
                return false;
            }

            _current.Task.Result.Silent = true;
            _current = new TaskCompletionSource<Session>(TaskCreationOptions.RunContinuationsAsynchronously);
            return true;
        }
    }

    /// <summary>Sends a callback in a type=card frame, once, and waits up to <paramref name="wait"/> for an ack: the official clients send none.</summary>
    public async Task<FeishuLongConnectionAck?> SendCardFrameAsync(string json, TimeSpan wait, CancellationToken cancellationToken)
    {
        var messageId = "card-" + Interlocked.Increment(ref _seq).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var session = await CurrentAsync(cancellationToken).ConfigureAwait(false);
        var ack = new TaskCompletionSource<Frame>(TaskCreationOptions.RunContinuationsAsynchronously);
        _acks[messageId] = ack;
        try
        {
            await SendFramesAsync(session, messageId, "card", Encoding.UTF8.GetBytes(json), 1).ConfigureAwait(false);
            var done = await Task.WhenAny(ack.Task, Task.Delay(wait, cancellationToken)).ConfigureAwait(false);
            return done == ack.Task ? Read(ack.Task.Result, 1) : null;
        }
        finally
        {
            _acks.TryRemove(messageId, out _);
        }
    }

    /// <summary>Sends what a client must skip without dropping the socket: a text message, and a binary one that is a frame missing its required fields.</summary>
    public async Task SendStrayMessagesAsync(CancellationToken cancellationToken)
    {
        var session = await CurrentAsync(cancellationToken).ConfigureAwait(false);
        await session.SendRawAsync(Encoding.UTF8.GetBytes("hello from a proxy"), WebSocketMessageType.Text).ConfigureAwait(false);

        // Field 3 (service) = 7 and nothing else: SeqID, LogID and method are missing.
        await session.SendRawAsync(new byte[] { 0x18, 0x07 }, WebSocketMessageType.Binary).ConfigureAwait(false);
    }
}
