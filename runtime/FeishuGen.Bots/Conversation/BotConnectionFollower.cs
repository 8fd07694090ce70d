using System;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.LongConnection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FeishuGen.Bots;

/// <summary>
/// Makes the registered bot follow the registered long connection's state, whichever of
/// <c>AddFeishuBot</c> and <c>AddFeishuLongConnection</c> came first; nothing when there is none.
/// </summary>
internal sealed class BotConnectionFollower : IHostedService, IDisposable
{
    private readonly IServiceProvider _services;
    private IDisposable? _following;

    public BotConnectionFollower(IServiceProvider services) => _services = services;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_services.GetService<FeishuLongConnection>() is { } connection)
        {
            _following = _services.GetRequiredService<FeishuBot>().Follow(connection);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _following?.Dispose();
}
