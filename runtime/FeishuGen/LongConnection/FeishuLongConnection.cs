using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Events;
using FeishuGen.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeishuGen.LongConnection;

/// <summary>
/// Receives events and callbacks over Feishu's long connection (a WebSocket the app opens, so it
/// needs no public URL) and hands them to a <see cref="FeishuEventDispatcher"/>. It asks the
/// endpoint where to connect, pings, replaces a socket that goes silent (the watchdog), reassembles
/// fragmented events, acknowledges each with the handler's status (callbacks with their reply), and
/// reconnects with jitter as the server's ClientConfig says, then at a slow pace once its
/// ReconnectCount is spent: it never gives up while it runs, except on a 403 or the connection
/// limit. <see cref="State"/> and <see cref="StateChanged"/> tell where it is.
/// </summary>
public sealed partial class FeishuLongConnection : IDisposable
{
    private readonly FeishuClientOptions _client;
    private readonly FeishuEventDispatcher _dispatcher;
    private readonly FeishuLongConnectionOptions _options;
    private readonly LongConnectionTransport _transport;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly FragmentAssembler _fragments;
    private readonly object _stateLock = new();
    private int _connections;

    /// <summary>Creates the connection (it opens in <see cref="RunAsync"/>).</summary>
    /// <param name="client">The app's id, secret and domain.</param>
    /// <param name="dispatcher">Runs the handlers.</param>
    /// <param name="options">Timeouts, the watchdog, the proxy; defaults when null.</param>
    /// <param name="http">Sends the endpoint request (unless <see cref="FeishuLongConnectionOptions.Proxy"/> is set); a new one when null.</param>
    /// <param name="logger">Logs connects, reconnects and refusals.</param>
    /// <param name="timeProvider">The clock for pings, the watchdog, reconnect waits and fragment expiry.</param>
    public FeishuLongConnection(FeishuClientOptions client, FeishuEventDispatcher dispatcher, FeishuLongConnectionOptions? options = null, HttpClient? http = null, ILogger<FeishuLongConnection>? logger = null, TimeProvider? timeProvider = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _dispatcher = dispatcher ?? throw new ArgumentNullException(nameof(dispatcher));
        _options = options ?? new FeishuLongConnectionOptions();
        _options.Validate();
        _transport = new LongConnectionTransport(http, _options);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _fragments = new FragmentAssembler(_options.FragmentTimeout, _time);
        StateSince = _time.GetUtcNow();
    }

    /// <summary>Raised on every change of <see cref="State"/>, on the connection's own thread: keep handlers short (they are logged, not rethrown, when they throw).</summary>
    public event EventHandler<FeishuLongConnectionStateChangedEventArgs>? StateChanged;

    /// <summary>How many times a socket has been opened (1 after the first connect).</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>The server's latest ClientConfig (from the endpoint, or a pong).</summary>
    public ClientConfig ClientConfig { get; private set; } = new();

    /// <summary>Where the connection is: Connecting, Connected, Reconnecting, Stopped or Failed.</summary>
    public FeishuLongConnectionState State { get; private set; } = FeishuLongConnectionState.Stopped;

    /// <summary>Why the connection is in its state: the refusal when Failed, the lost socket's reason when Reconnecting.</summary>
    public string? StateReason { get; private set; }

    /// <summary>When the state last changed.</summary>
    public DateTimeOffset StateSince { get; private set; }

    /// <summary>
    /// Connects and serves until <paramref name="stoppingToken"/> is cancelled (then sends a close
    /// frame and waits up to CloseTimeout for the server's) or the server refuses for good.
    /// </summary>
    /// <param name="stoppingToken">Stops the connection.</param>
    /// <returns>A task that completes when stopped.</returns>
    /// <exception cref="FeishuLongConnectionException">A refusal that waiting does not cure: a 403 or the 50-connection limit. <see cref="State"/> is then Failed. Credentials the endpoint refuses are tried again at the slow pace, logged at Error each time.</exception>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var attempt = 0;
        var warnedExhausted = false;
        SetState(FeishuLongConnectionState.Connecting, null);
        while (!stoppingToken.IsCancellationRequested)
        {
            string reason;
            string kind;
            var refused = false;
            try
            {
                var (url, offered) = await LongConnectionEndpoint.FetchAsync(_transport.Http, _client, stoppingToken).ConfigureAwait(false);
                ClientConfig = offered;
                reason = await ServeAsync(url, () => { attempt = 0; warnedExhausted = false; }, stoppingToken).ConfigureAwait(false);
                kind = reason.EndsWith("(half-open)", StringComparison.Ordinal) ? "silent" : "closed";
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (FeishuLongConnectionException e) when (!e.IsRetryable)
            {
                LongConnectionLog.Fatal(_logger, e.Message);
                SetState(FeishuLongConnectionState.Failed, e.Message);
                throw;
            }
            catch (FeishuLongConnectionException e)
            {
                reason = e.Message;
                kind = e.Stage;
                refused = e.IsRefusal;
            }
            catch (Exception e)
            {
                reason = e.Message;
                kind = "error";
            }

            if (stoppingToken.IsCancellationRequested)
            {
                break;
            }

            attempt++;
            var config = ClientConfig;
            var exhausted = config.ReconnectCount >= 0 && attempt > config.ReconnectCount;
            if (exhausted && !warnedExhausted)
            {
                warnedExhausted = true;
                LongConnectionLog.ReconnectsExhausted(_logger, config.ReconnectCount, (long)SlowInterval(config).TotalSeconds);
            }

            var delay = refused ? SlowInterval(config) : ReconnectDelay(config, attempt);
            if (refused)
            {
                LongConnectionLog.Refused(_logger, reason, (long)delay.TotalSeconds);
            }

            FeishuMetrics.LongConnectionReconnect(kind);
            LongConnectionLog.Reconnecting(_logger, reason, (long)delay.TotalMilliseconds, attempt);
            SetState(FeishuLongConnectionState.Reconnecting, reason);
            try
            {
                await Task.Delay(delay, _time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        SetState(FeishuLongConnectionState.Stopped, null);
        LongConnectionLog.Stopped(_logger);
    }

    /// <summary>
    /// The wait before reconnect <paramref name="attempt"/> (1 for the first after a loss), the
    /// same for a lost socket, a refused endpoint and a failed handshake: the first waits only the
    /// random part (up to ReconnectNonce s), later ones ReconnectInterval plus it, so that many
    /// instances dropped at once do not return at once. Past ReconnectCount the interval becomes
    /// <see cref="FeishuLongConnectionOptions.ExhaustedReconnectInterval"/>.
    /// </summary>
    internal TimeSpan ReconnectDelay(ClientConfig config, int attempt)
    {
        var jitter = TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * Math.Max(0, config.ReconnectNonce) * 1000);
        if (config.ReconnectCount >= 0 && attempt > config.ReconnectCount)
        {
            return SlowInterval(config) + jitter;
        }

        return attempt <= 1 ? jitter : TimeSpan.FromSeconds(Math.Max(0, config.ReconnectInterval)) + jitter;
    }

    /// <inheritdoc/>
    public void Dispose() => _transport.Dispose();

    private TimeSpan SlowInterval(ClientConfig config)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(0, config.ReconnectInterval));
        return interval > _options.ExhaustedReconnectInterval ? interval : _options.ExhaustedReconnectInterval;
    }

    private void SetState(FeishuLongConnectionState state, string? reason)
    {
        FeishuLongConnectionStateChangedEventArgs change;
        lock (_stateLock)
        {
            var previous = State;
            if (previous == state && reason == StateReason)
            {
                return;
            }

            State = state;
            StateReason = reason;
            StateSince = _time.GetUtcNow();
            change = new FeishuLongConnectionStateChangedEventArgs(previous, state, reason, StateSince, Connections);
        }

        FeishuMetrics.LongConnectionState(change.Previous, change.Current);
        try
        {
            StateChanged?.Invoke(this, change);
        }
        catch (Exception e)
        {
            LongConnectionLog.StateHandlerFailed(_logger, state, e);
        }
    }
}
