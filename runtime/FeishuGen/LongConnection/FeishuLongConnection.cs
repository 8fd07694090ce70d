using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeishuGen.LongConnection;

/// <summary>
/// Receives events and callbacks over Feishu's long connection (a WebSocket the app opens, so it
/// needs no public URL) and hands them to a <see cref="FeishuEventDispatcher"/>. It asks the
/// endpoint where to connect, pings, reassembles fragmented events, acknowledges each with the
/// handler's status (callbacks with their reply), and reconnects with jitter as the server's
/// ClientConfig says. Cancelling <see cref="RunAsync"/> closes the socket at once.
/// </summary>
public sealed partial class FeishuLongConnection
{
    private readonly FeishuClientOptions _client;
    private readonly FeishuEventDispatcher _dispatcher;
    private readonly FeishuLongConnectionOptions _options;
    private readonly HttpClient _http;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly FragmentAssembler _fragments;
    private int _connections;

    /// <summary>Creates the connection (it opens in <see cref="RunAsync"/>).</summary>
    /// <param name="client">The app's id, secret and domain.</param>
    /// <param name="dispatcher">Runs the handlers.</param>
    /// <param name="options">Timeouts and limits; defaults when null.</param>
    /// <param name="http">Sends the endpoint request; a new one when null.</param>
    /// <param name="logger">Logs connects, reconnects and refusals.</param>
    /// <param name="timeProvider">The clock for pings, reconnect waits and fragment expiry.</param>
    public FeishuLongConnection(FeishuClientOptions client, FeishuEventDispatcher dispatcher, FeishuLongConnectionOptions? options = null, HttpClient? http = null, ILogger<FeishuLongConnection>? logger = null, TimeProvider? timeProvider = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _dispatcher = dispatcher ?? throw new ArgumentNullException(nameof(dispatcher));
        _options = options ?? new FeishuLongConnectionOptions();
        _http = http ?? new HttpClient();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _fragments = new FragmentAssembler(_options.FragmentTimeout, _time);
    }

    /// <summary>How many times a socket has been opened (1 after the first connect).</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>The server's latest ClientConfig (from the endpoint, or a pong).</summary>
    public ClientConfig ClientConfig { get; private set; } = new();

    /// <summary>Connects and serves until <paramref name="stoppingToken"/> is cancelled or the server refuses for good.</summary>
    /// <param name="stoppingToken">Stops the connection; the socket is closed at once.</param>
    /// <returns>A task that completes when stopped.</returns>
    /// <exception cref="FeishuLongConnectionException">A refusal that waiting does not cure (credentials, 403, the 50-connection limit), or the reconnects ran out.</exception>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var attempt = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            string reason;
            var endpointFailed = false;
            try
            {
                var (url, offered) = await LongConnectionEndpoint.FetchAsync(_http, _client, stoppingToken).ConfigureAwait(false);
                ClientConfig = offered;
                reason = await ServeAsync(url, () => attempt = 0, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (FeishuLongConnectionException e) when (!e.IsRetryable)
            {
                LongConnectionLog.Fatal(_logger, e.Message);
                throw;
            }
            catch (Exception e)
            {
                reason = e.Message;
                endpointFailed = e is FeishuLongConnectionException;
            }

            if (stoppingToken.IsCancellationRequested)
            {
                break;
            }

            attempt++;
            var config = ClientConfig;
            if (config.ReconnectCount >= 0 && attempt > config.ReconnectCount)
            {
                var message = $"The long connection was lost and {config.ReconnectCount} reconnects did not restore it: {reason}";
                LongConnectionLog.Fatal(_logger, message);
                throw new FeishuLongConnectionException(message, null, isRetryable: false);
            }

            var delay = ReconnectDelay(config, attempt, endpointFailed);
            LongConnectionLog.Reconnecting(_logger, reason, (long)delay.TotalMilliseconds, attempt);
            try
            {
                await Task.Delay(delay, _time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        LongConnectionLog.Stopped(_logger);
    }

    /// <summary>
    /// The wait before reconnect <paramref name="attempt"/>: the first waits only the random part (up
    /// to ReconnectNonce s), later ones ReconnectInterval plus it, so that many instances dropped at
    /// once do not return at once. A refused endpoint waits EndpointRetryDelay plus up to as much.
    /// </summary>
    internal TimeSpan ReconnectDelay(ClientConfig config, int attempt, bool endpointFailed)
    {
        if (endpointFailed)
        {
            return _options.EndpointRetryDelay + TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * _options.EndpointRetryDelay.TotalMilliseconds);
        }

        var jitter = TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * Math.Max(0, config.ReconnectNonce) * 1000);
        return attempt <= 1 ? jitter : TimeSpan.FromSeconds(Math.Max(0, config.ReconnectInterval)) + jitter;
    }
}
