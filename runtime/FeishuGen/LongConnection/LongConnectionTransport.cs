using System;
using System.Net.Http;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;

namespace FeishuGen.LongConnection;

/// <summary>
/// How the endpoint call and the WebSocket reach Feishu. By default both go through the system
/// proxy (the given HttpClient's handler for the call, the WebSocket's own for the socket); a
/// configured proxy, or none, means one handler of our own shared by both.
/// </summary>
internal sealed class LongConnectionTransport : IDisposable
{
    private readonly SocketsHttpHandler? _handler;
    private readonly HttpMessageInvoker? _socketInvoker;
    private readonly HttpClient? _ownClient;

    public LongConnectionTransport(HttpClient? given, FeishuLongConnectionOptions options)
    {
        if (options.UseProxy && options.Proxy is null)
        {
            Http = given ?? (_ownClient = new HttpClient());
            return;
        }

        _handler = new SocketsHttpHandler { UseProxy = options.UseProxy, Proxy = options.Proxy, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        Http = _ownClient = new HttpClient(_handler, disposeHandler: false);
        _socketInvoker = new HttpMessageInvoker(_handler, disposeHandler: false);
    }

    /// <summary>Sends the endpoint call.</summary>
    public HttpClient Http { get; }

    /// <summary>Opens <paramref name="socket"/> through the same proxy settings as the endpoint call.</summary>
    public Task ConnectAsync(ClientWebSocket socket, Uri url, CancellationToken cancellationToken)
        => _socketInvoker is null ? socket.ConnectAsync(url, cancellationToken) : socket.ConnectAsync(url, _socketInvoker, cancellationToken);

    public void Dispose()
    {
        _ownClient?.Dispose();
        _socketInvoker?.Dispose();
        _handler?.Dispose();
    }
}
