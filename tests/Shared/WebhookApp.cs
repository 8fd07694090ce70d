using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using FeishuGen.AspNetCore;
using FeishuGen.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FeishuGen.TestSupport;

/// <summary>A user's ASP.NET Core app receiving Feishu events: real Kestrel on loopback, <c>MapFeishuWebhook</c>, the dispatcher from DI.</summary>
public sealed class WebhookApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookApp(WebApplication app, Uri address)
    {
        _app = app;
        Events = new Uri(address, "/feishu/events");
        Card = new Uri(address, "/feishu/card");
    }

    public Uri Events { get; }

    public Uri Card { get; }

    public FeishuEventDispatcher Dispatcher => _app.Services.GetRequiredService<FeishuEventDispatcher>();

    public static async Task<WebhookApp> StartAsync(Action<FeishuEventOptions> configure, Action<FeishuEventDispatcher> handlers, Action<IServiceCollection>? services = null, ILogger<FeishuEventDispatcher>? logger = null, int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        services?.Invoke(builder.Services);
        if (logger is not null)
        {
            builder.Services.AddSingleton(logger);
        }

        builder.Services.AddFeishuEvents(configure, (dispatcher, _) => handlers(dispatcher));
        var app = builder.Build();
        app.MapFeishuWebhook("/feishu/events");
        app.MapFeishuLegacyCardWebhook("/feishu/card");
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        return new WebhookApp(app, address);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
