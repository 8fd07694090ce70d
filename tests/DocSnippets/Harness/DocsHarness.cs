// The entry point of a doc page's snippet project, copied there by the docs snippet check
// (tests/DocSnippets): runs one of the page's complete programs, or one of its hosts against the
// local Feishu-compatible server, named by the line its block starts at (L42).
#nullable enable
using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using FeishuGen;
using FeishuGen.Testing;

internal sealed record DocsHost(Func<string[], Task<int>> Run, string? Probe, string? EventType, string? EventBody);

internal static partial class DocsHarness
{
    private static readonly TimeSpan HostDeadline = TimeSpan.FromSeconds(60);

    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && Programs.TryGetValue(args[0], out var program))
        {
            return await program(args.Skip(1).ToArray());
        }

        if (args.Length > 0 && Hosts.TryGetValue(args[0], out var host))
        {
            return await RunHostAsync(args[0], host);
        }

        Console.Error.WriteLine("usage: <snippet> (one of: " + string.Join(", ", Programs.Keys.Concat(Hosts.Keys)) + ")");
        return 2;
    }

    // The host gets the local server's address and credentials through configuration (environment
    // variables, read by WebApplication.CreateBuilder and Host.CreateApplicationBuilder), listens on a
    // free loopback port, and must stay up; a probe then sends it an event and wants it handled.
    private static async Task<int> RunHostAsync(string name, DocsHost host)
    {
        var server = await FeishuTestServer.StartAsync(Catalogue(), new FeishuTestServerOptions { EventRetryDelays = Array.Empty<TimeSpan>() });
        var port = FreePort();
        var settings = new Dictionary<string, string>
        {
            ["Feishu__AppId"] = server.Options.AppId,
            ["Feishu__AppSecret"] = server.Options.AppSecret,
            ["Feishu__BaseAddress"] = server.BaseAddress.ToString(),
            ["Feishu__VerificationToken"] = server.Options.VerificationToken,
            ["Feishu__EncryptKey"] = server.Options.EncryptKey!,
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:" + port,
        };
        foreach (var (key, value) in settings)
        {
            Environment.SetEnvironmentVariable(key, value);
        }

        var run = Task.Run(() => host.Run(Array.Empty<string>()));
        var probe = ProbeAsync(host, server, port);
        var first = await Task.WhenAny(run, probe, Task.Delay(HostDeadline));
        if (first == run)
        {
            Console.Error.WriteLine($"{name}: the host stopped by itself: " + (run.IsFaulted ? run.Exception!.GetBaseException().ToString() : "exit code " + run.Result));
            return 1;
        }

        if (first != probe)
        {
            Console.Error.WriteLine($"{name}: no answer to the probe within {HostDeadline.TotalSeconds} s");
            return 1;
        }

        try
        {
            Console.WriteLine($"{name}: " + await probe);
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"{name}: the probe failed: {e.Message}");
            return 1;
        }

        // The host runs until the process ends: ending it stops the host as Ctrl+C would.
        Environment.Exit(0);
        return 0;
    }

    private static async Task<string> ProbeAsync(DocsHost host, FeishuTestServer server, int port)
    {
        if (host.Probe is null)
        {
            await Task.Delay(TimeSpan.FromSeconds(3));
            return "up for 3 s";
        }

        var envelope = server.CreateEvent(host.EventType!, host.EventBody ?? "{}");
        if (host.Probe == "long-connection")
        {
            while (server.LongConnections == 0)
            {
                await Task.Delay(50);
            }

            var ack = await server.SendOverLongConnectionAsync(envelope);
            return ack.Code == 200 ? $"{host.EventType} over the long connection acked 200; {server.ApiRequests.Count} API call(s)" : throw new InvalidOperationException($"the event was acked {ack.Code}");
        }

        var url = new Uri($"http://127.0.0.1:{port}{host.Probe.Substring("webhook:".Length)}");
        await WaitForListenerAsync(port);
        var delivery = await server.PushEventAsync(url, envelope, retry: false);
        return delivery.Delivered
            ? $"{host.EventType} pushed to {url.AbsolutePath} answered 200; {server.ApiRequests.Count} API call(s)"
            : throw new InvalidOperationException($"the webhook answered {string.Join(", ", delivery.Statuses)}: {delivery.LastBody}");
    }

    private static async Task WaitForListenerAsync(int port)
    {
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    // The page's generated catalogue, when its specs hold an API page (an event-only page has none).
    private static IEnumerable<FeishuEndpoint> Catalogue()
        => typeof(DocsHarness).Assembly.GetType("FeishuGen.Api.FeishuEndpointCatalogue")?.GetProperty("All")?.GetValue(null) as IEnumerable<FeishuEndpoint>
            ?? Array.Empty<FeishuEndpoint>();
}
