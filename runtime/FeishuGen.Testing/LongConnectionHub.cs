using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.LongConnection;
using FeishuGen.LongConnection.Wire;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;

namespace FeishuGen.Testing;

/// <summary>The acknowledgement a long-connection client sent for one event.</summary>
/// <param name="Code">200, or 500 when the handler failed.</param>
/// <param name="BizRtMs">The biz_rt header: how long the handler took, in ms.</param>
/// <param name="Data">The callback's reply (decoded from base64), or null.</param>
/// <param name="Sends">How many times the event was sent before it was acknowledged.</param>
public sealed record FeishuLongConnectionAck(int Code, long BizRtMs, string? Data, int Sends);

/// <summary>
/// The long connection's server side: the endpoint call, the WebSocket speaking pbbp2 frames,
/// pongs carrying the ClientConfig, events sent whole or in fragments, and what Feishu does when an
/// event is not acknowledged (it sends it again, on the next socket if this one dropped).
/// </summary>
internal sealed partial class LongConnectionHub
{
    public const string ConnectPath = "/callback/ws/connect";
    private const int ServiceId = 7;

    private readonly FeishuTestServerOptions _options;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<Frame>> _acks = new();
    private readonly object _lock = new();
    private TaskCompletionSource<Session> _current = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _seq;

    public LongConnectionHub(FeishuTestServerOptions options) => _options = options;

    public int Connections;
    public int Pings;
    public int Closes;
    public int EndpointCalls;

    /// <summary>When set, the endpoint answers this HTTP status without JSON (a gateway's outage).</summary>
    public int? EndpointOutage { get; set; }

    // A refusal of the app by code, in an HTTP 200 with Feishu's JSON (credentials, long connection not enabled).
    public long? EndpointRefusal { get; set; }

    /// <summary>When set, WebSocket upgrades are never answered.</summary>
    public bool StallHandshakes { get; set; }

    /// <summary>Handshake status to refuse with (403; 514 with auth code 1000040350), or 0 to accept.</summary>
    public (int Status, long? AuthCode) Refusal { get; set; }

    public bool Handles(string path) => path == LongConnectionEndpoint.Path || path == ConnectPath;

    public async Task HandleAsync(HttpContext context, Uri baseAddress)
    {
        if (context.Request.Path == LongConnectionEndpoint.Path)
        {
            Interlocked.Increment(ref EndpointCalls);
            if (EndpointOutage is { } outage)
            {
                // A gateway in trouble: a status without Feishu's JSON.
                context.Response.StatusCode = outage;
                await context.Response.WriteAsync("<html>bad gateway</html>").ConfigureAwait(false);
                return;
            }

            if (EndpointRefusal is { } code)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{\"code\":" + code + ",\"msg\":\"the app may not use the long connection\"}").ConfigureAwait(false);
                return;
            }

            await AnswerEndpointAsync(context, baseAddress).ConfigureAwait(false);
            return;
        }

        if (StallHandshakes)
        {
            // The upgrade never completes: the client's handshake timeout must end the attempt.
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
            return;
        }

        if (Refusal.Status != 0)
        {
            context.Response.StatusCode = Refusal.Status;
            context.Response.Headers["Handshake-Status"] = Refusal.Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers["Handshake-Msg"] = Refusal.Status == 403 ? "forbidden" : "connection limit exceeded";
            if (Refusal.AuthCode is { } code)
            {
                context.Response.Headers["Handshake-Autherrcode"] = code.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return;
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        var session = new Session(socket);
        Interlocked.Increment(ref Connections);
        lock (_lock)
        {
            if (!_current.TrySetResult(session))
            {
                _current = new TaskCompletionSource<Session>(TaskCreationOptions.RunContinuationsAsynchronously);
                _current.TrySetResult(session);
            }
        }

        try
        {
            await ReceiveAsync(session, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or InvalidProtocolBufferException)
        {
            // The client went away; events waiting for its ack are sent again on the next socket.
        }
        finally
        {
            lock (_lock)
            {
                if (_current.Task.IsCompletedSuccessfully && _current.Task.Result == session)
                {
                    _current = new TaskCompletionSource<Session>(TaskCreationOptions.RunContinuationsAsynchronously);
                }
            }

            session.Closed.TrySetResult();
        }
    }

    /// <summary>Sends an event and waits for its ack, sending again when the socket drops or the ack is late.</summary>
    public async Task<FeishuLongConnectionAck> SendAsync(string json, int fragments, bool dropAfterSend, CancellationToken cancellationToken)
    {
        var messageId = "msg-" + Interlocked.Increment(ref _seq).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var payload = Encoding.UTF8.GetBytes(json);
        for (var sends = 1; ; sends++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var session = await CurrentAsync(cancellationToken).ConfigureAwait(false);
            var ack = new TaskCompletionSource<Frame>(TaskCreationOptions.RunContinuationsAsynchronously);
            _acks[messageId] = ack;
            try
            {
                await SendFramesAsync(session, messageId, "event", payload, Math.Max(1, fragments)).ConfigureAwait(false);
                if (dropAfterSend && sends == 1)
                {
                    session.Socket.Abort();
                }

                var done = await Task.WhenAny(ack.Task, session.Closed.Task, Task.Delay(_options.LongConnectionAckTimeout, cancellationToken)).ConfigureAwait(false);
                if (done == ack.Task)
                {
                    return Read(ack.Task.Result, sends);
                }
            }
            catch (Exception e) when (e is WebSocketException or ObjectDisposedException)
            {
                // Sent again on the next socket.
            }
            finally
            {
                _acks.TryRemove(messageId, out _);
            }
        }
    }

    /// <summary>Closes every client socket at once (the drill's dropped connection).</summary>
    public void Drop()
    {
        lock (_lock)
        {
            if (_current.Task.IsCompletedSuccessfully)
            {
                _current.Task.Result.Socket.Abort();
            }
        }
    }

    private async Task<Session> CurrentAsync(CancellationToken cancellationToken)
    {
        Task<Session> current;
        lock (_lock)
        {
            current = _current.Task;
        }

        return await current.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
    }

    private static async Task SendFramesAsync(Session session, string messageId, string type, byte[] payload, int fragments)
    {
        var size = (payload.Length + fragments - 1) / fragments;
        for (var i = 0; i < fragments; i++)
        {
            var start = Math.Min(payload.Length, i * size);
            var frame = new Frame { SeqID = (ulong)i, LogID = 1, Service = ServiceId, Method = 1, Payload = ByteString.CopyFrom(payload, start, Math.Min(size, payload.Length - start)) };
            frame.Headers.Add(new Header { Key = "type", Value = type });
            frame.Headers.Add(new Header { Key = "message_id", Value = messageId });
            frame.Headers.Add(new Header { Key = "sum", Value = fragments.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            frame.Headers.Add(new Header { Key = "seq", Value = i.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            frame.Headers.Add(new Header { Key = "trace_id", Value = "trace-" + messageId });
            await session.SendAsync(frame).ConfigureAwait(false);
        }
    }

    private async Task ReceiveAsync(Session session, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            message.SetLength(0);
            WebSocketReceiveResult result;
            do
            {
                result = await session.Socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    // The client's close frame: answered with ours, as a server does.
                    if (result.CloseStatus == WebSocketCloseStatus.NormalClosure)
                    {
                        Interlocked.Increment(ref Closes);
                    }

                    await session.CloseAsync().ConfigureAwait(false);
                    return;
                }

                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            var frame = Frame.Parser.ParseFrom(message.GetBuffer(), 0, (int)message.Length);
            var type = Header(frame, "type");
            if (frame.Method == 0 && type == "ping")
            {
                Interlocked.Increment(ref Pings);
                if (session.Silent)
                {
                    continue;
                }

                var pong = new Frame { SeqID = 0, LogID = 0, Service = frame.Service, Method = 0, Payload = ByteString.CopyFrom(JsonSerializer.SerializeToUtf8Bytes(_options.LongConnectionConfig, LongConnectionJsonContext.Default.ClientConfig)) };
                pong.Headers.Add(new Header { Key = "type", Value = "pong" });
                await session.SendAsync(pong).ConfigureAwait(false);
            }
            else if (frame.Method == 1 && Header(frame, "message_id") is { } id && _acks.TryGetValue(id, out var ack))
            {
                ack.TrySetResult(frame);
            }
        }
    }

    private static FeishuLongConnectionAck Read(Frame frame, int sends)
    {
        var bizRt = long.TryParse(Header(frame, "biz_rt"), out var ms) ? ms : -1;
        using var document = JsonDocument.Parse(frame.Payload.Memory);
        var code = document.RootElement.TryGetProperty("code", out var c) ? c.GetInt32() : 0;
        var data = document.RootElement.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.String ? Encoding.UTF8.GetString(d.GetBytesFromBase64()) : null;
        return new FeishuLongConnectionAck(code, bizRt, data, sends);
    }

    private async Task AnswerEndpointAsync(HttpContext context, Uri baseAddress)
    {
        using var document = await JsonDocument.ParseAsync(context.Request.Body).ConfigureAwait(false);
        var root = document.RootElement;
        var appId = root.TryGetProperty("AppID", out var a) ? a.GetString() : null;
        var secret = root.TryGetProperty("AppSecret", out var s) ? s.GetString() : null;
        context.Response.ContentType = "application/json";
        if (appId != _options.AppId || secret != _options.AppSecret)
        {
            context.Response.StatusCode = 403;
            await context.Response.WriteAsync("{\"code\":403,\"msg\":\"app id or secret is wrong\"}").ConfigureAwait(false);
            return;
        }

        var url = "ws://" + baseAddress.Authority + ConnectPath + "?device_id=local-device&service_id=" + ServiceId;
        var config = Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(_options.LongConnectionConfig, LongConnectionJsonContext.Default.ClientConfig));
        await context.Response.WriteAsync("{\"code\":0,\"msg\":\"ok\",\"data\":{\"URL\":\"" + url + "\",\"ClientConfig\":" + config + "}}").ConfigureAwait(false);
    }

    private static string? Header(Frame frame, string key)
    {
        foreach (var header in frame.Headers)
        {
            if (header.Key == key)
            {
                return header.Value;
            }
        }

        return null;
    }

    private sealed class Session
    {
        private readonly SemaphoreSlim _send = new(1, 1);

        public Session(WebSocket socket) => Socket = socket;

        public WebSocket Socket { get; }

        public TaskCompletionSource Closed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Half-open: the socket stays up, but nothing is answered or sent on it.</summary>
        public bool Silent { get; set; }

        public async Task CloseAsync()
        {
            await _send.WaitAsync().ConfigureAwait(false);
            try
            {
                if (Socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    await Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None).ConfigureAwait(false);
                }
            }
            catch (WebSocketException)
            {
                // Gone already.
            }
            finally
            {
                _send.Release();
            }
        }

        public async Task SendRawAsync(byte[] bytes, WebSocketMessageType type)
        {
            await _send.WaitAsync().ConfigureAwait(false);
            try
            {
                await Socket.SendAsync(bytes, type, true, CancellationToken.None).ConfigureAwait(false);
            }
            finally
            {
                _send.Release();
            }
        }

        public async Task SendAsync(Frame frame)
        {
            await _send.WaitAsync().ConfigureAwait(false);
            try
            {
                await Socket.SendAsync(frame.ToByteArray(), WebSocketMessageType.Binary, true, CancellationToken.None).ConfigureAwait(false);
            }
            finally
            {
                _send.Release();
            }
        }
    }
}
