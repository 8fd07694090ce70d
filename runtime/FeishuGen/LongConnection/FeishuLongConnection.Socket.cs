using System;
using System.Buffers;
using System.IO;
using System.Linq;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Events;
using FeishuGen.LongConnection.Wire;
using Google.Protobuf;

namespace FeishuGen.LongConnection;

/// <summary>One socket's life: the handshake, the receive loop, pings and acknowledgements.</summary>
public sealed partial class FeishuLongConnection
{
    // Serves one socket until it closes; returns why, for the reconnect log.
    private async Task<string> ServeAsync(Uri url, Action connected, CancellationToken stoppingToken)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        try
        {
            await socket.ConnectAsync(url, stoppingToken).ConfigureAwait(false);
        }
        catch (WebSocketException e)
        {
            throw HandshakeFailure(socket, e);
        }

        var serviceId = ServiceId(url);
        connected();
        LongConnectionLog.Connected(_logger, Interlocked.Increment(ref _connections), ClientConfig.PingInterval);
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        using var sendLock = new SemaphoreSlim(1, 1);
        var pings = PingAsync(socket, serviceId, sendLock, connection.Token);
        try
        {
            return await ReceiveAsync(socket, sendLock, connection.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or InvalidProtocolBufferException or InvalidDataException)
        {
            return e.Message;
        }
        finally
        {
            connection.Cancel();
            socket.Abort();
            try
            {
                await pings.ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
            {
                // The socket is gone; the pings end with it.
            }
        }
    }

    // 403 and the connection limit (514 with 1000040350) are for a person to fix; other failures may pass.
    private static FeishuLongConnectionException HandshakeFailure(ClientWebSocket socket, WebSocketException e)
    {
        var headers = socket.HttpResponseHeaders;
        string? Header(string name) => headers is not null && headers.TryGetValue(name, out var values) ? values.FirstOrDefault() : null;
        var status = int.TryParse(Header("Handshake-Status"), out var s) ? s : (int)socket.HttpStatusCode;
        var authCode = long.TryParse(Header("Handshake-Autherrcode"), out var c) ? c : (long?)null;
        var message = Header("Handshake-Msg") ?? e.Message;
        if (status == 403)
        {
            return new FeishuLongConnectionException($"The long connection was forbidden (403): {message}.", authCode, isRetryable: false, e) { HttpStatus = status };
        }

        if (status == 514 && authCode == 1000040350)
        {
            return new FeishuLongConnectionException($"The app has too many long connections open (Feishu allows 50 per app): {message}.", authCode, isRetryable: false, e) { HttpStatus = status };
        }

        return new FeishuLongConnectionException($"The long-connection handshake failed (status {status}): {message}.", authCode, isRetryable: true, e) { HttpStatus = status };
    }

    private static int ServiceId(Uri url)
    {
        foreach (var pair in url.Query.TrimStart('?').Split('&'))
        {
            var parts = pair.Split('=', 2);
            if (parts.Length == 2 && parts[0] == "service_id" && int.TryParse(Uri.UnescapeDataString(parts[1]), out var id))
            {
                return id;
            }
        }

        return 0;
    }

    private async Task<string> ReceiveAsync(ClientWebSocket socket, SemaphoreSlim sendLock, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                message.SetLength(0);
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return "the server closed the socket";
                    }

                    message.Write(buffer, 0, result.Count);
                    if (message.Length > _options.MaxFrameBytes)
                    {
                        throw new InvalidDataException($"A frame is larger than {_options.MaxFrameBytes} bytes.");
                    }
                }
                while (!result.EndOfMessage);

                var frame = Frame.Parser.ParseFrom(message.GetBuffer(), 0, (int)message.Length);
                OnFrame(socket, frame, sendLock, cancellationToken);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void OnFrame(ClientWebSocket socket, Frame frame, SemaphoreSlim sendLock, CancellationToken cancellationToken)
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

        var messageId = Frames.Header(frame, Frames.MessageId) ?? string.Empty;
        var payload = _fragments.Add(messageId, Frames.IntHeader(frame, Frames.Sum, 1), Frames.IntHeader(frame, Frames.Seq, 0), frame.HasPayload ? frame.Payload.ToByteArray() : Array.Empty<byte>());
        if (payload is not null)
        {
            // Handled beside the receive loop, so that a slow handler never holds up pings or other events.
            _ = HandleAsync(socket, frame, type, payload, sendLock, cancellationToken);
        }
    }

    private async Task HandleAsync(ClientWebSocket socket, Frame frame, string? type, byte[] payload, SemaphoreSlim sendLock, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        FeishuEventResponse response;
        try
        {
            response = await _dispatcher.HandleAsync(payload, cancellationToken).ConfigureAwait(false);
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
            await SendAsync(socket, Frames.NewAck(frame, elapsed, ack), sendLock, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Not acknowledged: Feishu delivers the event again, and deduplication keeps it from running twice.
            LongConnectionLog.AckFailed(_logger, Frames.Header(frame, Frames.MessageId), e);
        }
    }

    private async Task PingAsync(ClientWebSocket socket, int serviceId, SemaphoreSlim sendLock, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await SendAsync(socket, Frames.NewPing(serviceId), sendLock, cancellationToken).ConfigureAwait(false);
            await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, ClientConfig.PingInterval)), _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task SendAsync(ClientWebSocket socket, Frame frame, SemaphoreSlim sendLock, CancellationToken cancellationToken)
    {
        var bytes = frame.ToByteArray();
        await sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Binary, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            sendLock.Release();
        }
    }
}
