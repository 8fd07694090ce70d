using System;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.LongConnection.Wire;
using Google.Protobuf;

namespace FeishuGen.LongConnection;

/// <summary>One open socket: sends one at a time, and remembers when the server last sent anything (for the watchdog).</summary>
internal sealed class SocketSession
{
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TimeProvider _time;
    private long _lastInbound;

    public SocketSession(ClientWebSocket socket, TimeProvider time)
    {
        Socket = socket;
        _time = time;
        _lastInbound = time.GetTimestamp();
    }

    public ClientWebSocket Socket { get; }

    /// <summary>How long since the server last sent anything.</summary>
    public TimeSpan Idle => _time.GetElapsedTime(Volatile.Read(ref _lastInbound));

    /// <summary>Set by the watchdog when it took the socket for dead: how long it had been silent.</summary>
    public TimeSpan? SilentFor { get; set; }

    /// <summary>Any inbound message proves the socket alive.</summary>
    public void Heard() => Volatile.Write(ref _lastInbound, _time.GetTimestamp());

    public async Task SendAsync(Frame frame, CancellationToken cancellationToken)
    {
        var bytes = frame.ToByteArray();
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await Socket.SendAsync(bytes, WebSocketMessageType.Binary, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Sends the close frame (after any send in progress); the server's close ends the receive loop.</summary>
    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Socket.State == WebSocketState.Open)
            {
                await Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "client stopped", cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _sendLock.Release();
        }
    }
}
