using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace FeishuGen.Tests.Support;

/// <summary>
/// A forwarding HTTP proxy on loopback that records the first line of each connection's first
/// request (absolute-form requests and CONNECT tunnels), to show that traffic went through it.
/// </summary>
public sealed class LoopbackProxy : IWebProxy, IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public LoopbackProxy()
    {
        _listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _accepting = AcceptAsync();
    }

    public Uri Address { get; }

    public ConcurrentQueue<string> Requests { get; } = new();

    public ICredentials? Credentials { get; set; }

    public Uri GetProxy(Uri destination) => Address;

    // Loopback too: the point is to see the traffic.
    public bool IsBypassed(Uri host) => false;

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var inbound = client.GetStream();
                var head = await ReadHeadAsync(inbound);
                var firstLine = head[..head.IndexOf("\r\n", StringComparison.Ordinal)];
                Requests.Enqueue(firstLine);
                var parts = firstLine.Split(' ');
                using var upstream = new TcpClient();
                if (parts[0] == "CONNECT")
                {
                    var hostPort = parts[1].Split(':');
                    await upstream.ConnectAsync(hostPort[0], int.Parse(hostPort[1]));
                    await inbound.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 Connection Established\r\n\r\n"));
                }
                else
                {
                    var target = new Uri(parts[1]);
                    await upstream.ConnectAsync(target.Host, target.Port);
                    var rewritten = parts[0] + " " + target.PathAndQuery + " " + parts[2] + head[firstLine.Length..];
                    await upstream.GetStream().WriteAsync(Encoding.ASCII.GetBytes(rewritten));
                }

                var outbound = upstream.GetStream();
                await Task.WhenAny(inbound.CopyToAsync(outbound, _stop.Token), outbound.CopyToAsync(inbound, _stop.Token));
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException or FormatException or ArgumentException)
            {
                // The connection ends.
            }
        }
    }

    private static async Task<string> ReadHeadAsync(Stream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one) == 0)
            {
                throw new IOException("closed before the request head ended");
            }

            head.Append((char)one[0]);
        }

        return head.ToString();
    }
}
