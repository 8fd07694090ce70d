using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FeishuGen.Testing;

/// <summary>
/// A Kestrel host for the local servers that listens on loopback only, whatever the environment
/// says: it reads no configuration (a "Kestrel" section or ASPNETCORE_URLS cannot add an
/// endpoint), and refuses to run if it would listen anywhere else. These servers hand out tokens
/// and documents to anyone who asks.
/// </summary>
internal static class LoopbackHost
{
    public static async Task<(WebApplication App, Uri Address)> StartAsync(RequestDelegate handle, int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = Array.Empty<string>() });
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.UseWebSockets();
        app.Run(handle);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).ToList();
        if (addresses.Count != 1 || !IPAddress.TryParse(addresses[0].Host, out var ip) || !IPAddress.IsLoopback(ip))
        {
            await app.StopAsync(cancellationToken).ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException("A local Feishu server must listen on loopback only, but would listen on " + string.Join(", ", addresses) + ".");
        }

        return (app, addresses[0]);
    }
}
