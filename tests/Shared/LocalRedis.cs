using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;

namespace FeishuGen.TestSupport;

/// <summary>
/// A real Redis on loopback for tests: the one named by FEISHUGEN_REDIS (host:port, which
/// .ci/run starts), or else a private redis-server (Debian's package) started on a free port
/// and stopped on dispose. Never a stand-in: if neither is there, it says how to get one.
/// </summary>
public sealed class LocalRedis : IAsyncDisposable
{
    private readonly Process? _owned;

    private LocalRedis(IPEndPoint endPoint, Process? owned)
    {
        EndPoint = endPoint;
        _owned = owned;
    }

    public IPEndPoint EndPoint { get; }

    /// <summary>A StackExchange.Redis configuration string with timeouts that a busy test machine does not hit.</summary>
    public string Configuration => ConfigurationFor(EndPoint.Port, 10_000);

    /// <summary>A configuration string for <paramref name="port"/>; short timeouts make an outage show quickly.</summary>
    public static string ConfigurationFor(int port, int timeoutMs) => $"127.0.0.1:{port},abortConnect=false,connectTimeout={timeoutMs},syncTimeout={timeoutMs},asyncTimeout={timeoutMs},connectRetry=0";

    public static async Task<LocalRedis> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("FEISHUGEN_REDIS") is { Length: > 0 } named)
        {
            var parts = named.Split(':');
            var endPoint = new IPEndPoint(IPAddress.Parse(parts[0]), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
            if (!IPAddress.IsLoopback(endPoint.Address))
            {
                throw new InvalidOperationException("FEISHUGEN_REDIS must be a loopback address: tests send traffic to this machine only.");
            }

            await WaitForPongAsync(endPoint);
            return new LocalRedis(endPoint, null);
        }

        var port = FreePort();
        Process process;
        try
        {
            process = Process.Start(new ProcessStartInfo("redis-server", $"--port {port} --bind 127.0.0.1 --save \"\" --appendonly no --protected-mode yes")
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            })!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("No Redis: set FEISHUGEN_REDIS=127.0.0.1:PORT, or install Debian's redis-server (apt-get install redis-server; .ci/run does).", e);
        }

        var local = new LocalRedis(new IPEndPoint(IPAddress.Loopback, port), process);
        await WaitForPongAsync(local.EndPoint);
        return local;
    }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_owned is { HasExited: false })
        {
            _owned.Kill();
            await _owned.WaitForExitAsync();
        }

        _owned?.Dispose();
    }

    private static async Task WaitForPongAsync(IPEndPoint endPoint)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(endPoint);
                var stream = client.GetStream();
                await stream.WriteAsync(Encoding.ASCII.GetBytes("PING\r\n"));
                var buffer = new byte[16];
                var read = await stream.ReadAsync(buffer);
                if (Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (Exception e) when (e is SocketException or IOException && DateTime.UtcNow < deadline)
            {
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new InvalidOperationException($"Redis at {endPoint} did not answer PING within 10 s.");
            }

            await Task.Delay(100);
        }
    }
}
