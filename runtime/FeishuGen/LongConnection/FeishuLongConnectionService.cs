using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace FeishuGen.LongConnection;

/// <summary>
/// Runs a <see cref="FeishuLongConnection"/> for the host's lifetime; stopping the host closes the
/// socket (a close frame, within CloseTimeout). A refusal for good (403, the connection limit) does
/// not stop the host, whose other work goes on: the connection's state is Failed, it is logged at
/// Critical, and the health check reports it.
/// </summary>
public sealed class FeishuLongConnectionService : BackgroundService
{
    /// <summary>Creates the service.</summary>
    /// <param name="connection">The connection to run.</param>
    public FeishuLongConnectionService(FeishuLongConnection connection) => Connection = connection;

    /// <summary>The connection.</summary>
    public FeishuLongConnection Connection { get; }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Connection.RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (FeishuLongConnectionException e) when (!e.IsRetryable)
        {
            // Already logged and in State/StateReason. .NET's default reaction to a failed
            // background service is to stop the whole host; a webhook or an API caller in the same
            // host should not go down with the socket.
        }
    }
}
