using System;
using System.Buffers;
using System.IO;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Events;
using FeishuGen.LongConnection.Wire;
using FeishuGen.Telemetry;
using Google.Protobuf;

namespace FeishuGen.LongConnection;

/// <summary>The receive loop: frames in, handlers beside the loop, acknowledgements out.</summary>
public sealed partial class FeishuLongConnection
{
    private async Task<string> ReceiveAsync(SocketSession session, CancellationToken cancellationToken)
    {
        var socket = session.Socket;
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                message.SetLength(0);
                var tooLarge = false;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
                    session.Heard();
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return socket.CloseStatus == WebSocketCloseStatus.NormalClosure && cancellationToken.IsCancellationRequested
                            ? "closed"
                            : $"the server closed the socket ({socket.CloseStatus} {socket.CloseStatusDescription})";
                    }

                    // A frame too large is read to its end and skipped, never kept whole in memory.
                    tooLarge |= message.Length + result.Count > _options.MaxFrameBytes;
                    if (!tooLarge)
                    {
                        message.Write(buffer, 0, result.Count);
                    }
                }
                while (!result.EndOfMessage);

                // As the official clients do, what cannot be read is skipped: the socket itself is fine.
                if (result.MessageType != WebSocketMessageType.Binary)
                {
                    LongConnectionLog.Skipped(_logger, "a text message");
                    continue;
                }

                if (tooLarge)
                {
                    LongConnectionLog.Skipped(_logger, $"a frame larger than {_options.MaxFrameBytes} bytes");
                    continue;
                }

                Frame frame;
                try
                {
                    frame = Frame.Parser.ParseFrom(message.GetBuffer(), 0, (int)message.Length);
                }
                catch (InvalidProtocolBufferException e)
                {
                    LongConnectionLog.Skipped(_logger, "not a pbbp2 frame, or one missing required fields: " + e.Message);
                    continue;
                }

                OnFrame(session, frame, cancellationToken);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void OnFrame(SocketSession session, Frame frame, CancellationToken cancellationToken)
    {
        var type = Frames.Header(frame, Frames.Type);
        if (frame.Method == Frames.Control)
        {
            if (type == Frames.Pong && frame.HasPayload && frame.Payload.Length > 0)
            {
                try
                {
                    ClientConfig = JsonSerializer.Deserialize(frame.Payload.Span, LongConnectionJsonContext.Default.ClientConfig) ?? ClientConfig;
                }
                catch (JsonException)
                {
                    // A pong without a readable config keeps the current one.
                }
            }

            return;
        }

        // Only type=event frames carry events and callbacks; the official clients drop the rest
        // (type=card included) without an ack, and so does this one.
        if (frame.Method != Frames.Data || type != Frames.Event)
        {
            LongConnectionLog.Dropped(_logger, type);
            return;
        }

        var messageId = Frames.Header(frame, Frames.MessageId) ?? string.Empty;
        var payload = _fragments.Add(messageId, Frames.IntHeader(frame, Frames.Sum, 1), Frames.IntHeader(frame, Frames.Seq, 0), frame.HasPayload ? frame.Payload.ToByteArray() : Array.Empty<byte>());
        if (payload is not null)
        {
            // On the thread pool, so that a handler that blocks before its first await holds up
            // neither the receive loop, nor pings, nor other events.
            _ = Task.Run(() => HandleAsync(session, frame, payload, cancellationToken), CancellationToken.None);
        }
    }

    private async Task HandleAsync(SocketSession session, Frame frame, byte[] payload, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        FeishuEventResponse response;
        try
        {
            response = await _dispatcher.HandleAsync(payload, FeishuEventTransport.LongConnection, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            response = new FeishuEventResponse(500, ReadOnlyMemory<byte>.Empty);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        // biz_rt: how long the handler took, in whole milliseconds rounded up (never negative, as Node's is).
        var elapsed = (long)Math.Ceiling(_time.GetElapsedTime(started).TotalMilliseconds);

        // The real service sends card.action.trigger and url.preview.get in type=event frames: a
        // callback's reply goes in the ack's data because the registration is a callback, not because of the frame.
        var data = response.IsCallbackReply && response.StatusCode == 200 ? response.Body.ToArray() : null;
        var ack = JsonSerializer.SerializeToUtf8Bytes(new AckPayload(response.StatusCode == 200 ? 200 : 500, data), LongConnectionJsonContext.Default.AckPayload);
        try
        {
            await session.SendAsync(Frames.NewAck(frame, elapsed, ack), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Not acknowledged: Feishu delivers the event again, and deduplication keeps it from running twice.
            LongConnectionLog.AckFailed(_logger, Frames.Header(frame, Frames.MessageId), e);
        }
    }
}
