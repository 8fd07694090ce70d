using System;
using System.Linq;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.LongConnection.Wire;

namespace FeishuGen.LongConnection;

/// <summary>One socket's life: the handshake, the receive loop, pings, the watchdog and the close.</summary>
public sealed partial class FeishuLongConnection
{
    // Serves one socket until it closes; returns why, for the reconnect log.
    private async Task<string> ServeAsync(Uri url, Action connected, CancellationToken stoppingToken)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        await HandshakeAsync(socket, url, stoppingToken).ConfigureAwait(false);

        var serviceId = ServiceId(url);
        var count = Interlocked.Increment(ref _connections);
        connected();
        LongConnectionLog.Connected(_logger, count, ClientConfig.PingInterval);
        SetState(FeishuLongConnectionState.Connected, null);

        // Not linked to the stopping token: cancelling a receive aborts the socket, and a stop first
        // sends a close frame. The connection's token ends the socket's loops (watchdog, stop, loss).
        using var connection = new CancellationTokenSource();
        var session = new SocketSession(socket, _time);
        using var stopping = stoppingToken.Register(() => _ = CloseAsync(session, connection));
        var pings = PingAsync(session, serviceId, connection.Token);
        var watchdog = WatchAsync(session, connection);
        try
        {
            return await ReceiveAsync(session, connection.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException && !stoppingToken.IsCancellationRequested)
        {
            return session.SilentFor is { } silent ? SilentReason(silent) : e.Message;
        }
        finally
        {
            connection.Cancel();
            socket.Abort();
            await Task.WhenAll(Quietly(pings), Quietly(watchdog)).ConfigureAwait(false);
        }
    }

    // The reason RunAsync's metric reads as "silent".
    private static string SilentReason(TimeSpan silent) => $"no pong or frame for {silent.TotalSeconds:0.#} s: the socket was silent (half-open)";

    private async Task HandshakeAsync(ClientWebSocket socket, Uri url, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(_options.HandshakeTimeout);
        try
        {
            await _transport.ConnectAsync(socket, url, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!stoppingToken.IsCancellationRequested)
        {
            throw new FeishuLongConnectionException($"The long-connection handshake did not complete within {_options.HandshakeTimeout.TotalSeconds:0.#} s.", null, isRetryable: true, e) { Stage = "handshake" };
        }
        catch (WebSocketException e)
        {
            throw HandshakeFailure(socket, e);
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
            return new FeishuLongConnectionException($"The long connection was forbidden (403): {message}.", authCode, isRetryable: false, e) { HttpStatus = status, Stage = "handshake" };
        }

        if (status == 514 && authCode == 1000040350)
        {
            return new FeishuLongConnectionException($"The app has too many long connections open (Feishu allows 50 per app): {message}.", authCode, isRetryable: false, e) { HttpStatus = status, Stage = "handshake" };
        }

        return new FeishuLongConnectionException($"The long-connection handshake failed (status {status}): {message}.", authCode, isRetryable: true, e) { HttpStatus = status, Stage = "handshake" };
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

    private async Task PingAsync(SocketSession session, int serviceId, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await session.SendAsync(Frames.NewPing(serviceId), cancellationToken).ConfigureAwait(false);
            await Task.Delay(PingInterval, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private TimeSpan PingInterval => TimeSpan.FromSeconds(Math.Max(1, ClientConfig.PingInterval));

    // The watchdog: a socket that brings no pong and no frame for WatchdogPingIntervals ping
    // intervals is dead, whatever the operating system thinks; it is aborted, and the receive loop
    // ends with the reason. Wakes exactly when the window would close, not on a tick.
    private async Task WatchAsync(SocketSession session, CancellationTokenSource connection)
    {
        var intervals = _options.WatchdogPingIntervals;
        if (intervals <= 0)
        {
            return;
        }

        while (!connection.IsCancellationRequested)
        {
            var window = PingInterval * intervals;
            var idle = session.Idle;
            if (idle >= window)
            {
                session.SilentFor = idle;
                LongConnectionLog.Silent(_logger, idle.TotalSeconds, intervals);
                connection.Cancel();
                session.Socket.Abort();
                return;
            }

            await Task.Delay(window - idle, _time, connection.Token).ConfigureAwait(false);
        }
    }

    // A stop: a close frame, then the server's close (the receive loop ends on it), within CloseTimeout.
    private async Task CloseAsync(SocketSession session, CancellationTokenSource connection)
    {
        try
        {
            connection.CancelAfter(_options.CloseTimeout);
            await session.CloseAsync(connection.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The socket is dropped at CloseTimeout anyway.
        }
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The socket is gone; its loops end with it.
        }
    }
}
