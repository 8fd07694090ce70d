using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace FeishuGen.LongConnection;

/// <summary>Runs a <see cref="FeishuLongConnection"/> for the host's lifetime; stopping the host closes the socket at once.</summary>
public sealed class FeishuLongConnectionService : BackgroundService
{
    /// <summary>Creates the service.</summary>
    /// <param name="connection">The connection to run.</param>
    public FeishuLongConnectionService(FeishuLongConnection connection) => Connection = connection;

    /// <summary>The connection.</summary>
    public FeishuLongConnection Connection { get; }

    /// <inheritdoc/>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Connection.RunAsync(stoppingToken);
}
