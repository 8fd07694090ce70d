using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace FeishuGen.Drill;

/// <summary>
/// A loopback TCP relay in front of Redis, so the drill can make Redis "go away" for the app
/// instances (every connection cut, new ones refused) without stopping the Redis that other
/// tests share.
/// </summary>
internal sealed class RedisRelay : IAsyncDisposable
{
    private readonly IPEndPoint _redis;
    private TcpListener _listener = new(IPAddress.Loopback, 0);
    private CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<TcpClient> _connections = new();
    private Task _accepting = Task.CompletedTask;

    public RedisRelay(IPEndPoint redis) => _redis = redis;

    private int _port;

    public int Port => _port;

    public void Start()
    {
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    /// <summary>Redis comes back on the same port after a <see cref="Cut"/>.</summary>
    public void Resume()
    {
        _stop = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, _port);
        Start();
    }

    /// <summary>Redis goes away: the listener closes and every relayed connection is cut.</summary>
    public void Cut()
    {
        _stop.Cancel();
        _listener.Stop();
        foreach (var connection in _connections)
        {
            connection.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            Cut();
        }

        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var inbound = await _listener.AcceptTcpClientAsync(_stop.Token);
            var outbound = new TcpClient();
            await outbound.ConnectAsync(_redis, _stop.Token);
            _connections.Add(inbound);
            _connections.Add(outbound);
            _ = PumpAsync(inbound, outbound);
            _ = PumpAsync(outbound, inbound);
        }
    }

    private async Task PumpAsync(TcpClient from, TcpClient to)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream(), _stop.Token);
        }
        catch (Exception e) when (e is System.IO.IOException or SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
        }
        finally
        {
            from.Dispose();
            to.Dispose();
        }
    }
}
