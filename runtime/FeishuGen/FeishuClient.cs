using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Http;
using FeishuGen.Json;
using FeishuGen.Tokens;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeishuGen;

/// <summary>
/// Sends generated calls to Feishu: picks and manages the access token, writes the JSON or
/// multipart body, reads the <c>{code, msg, data, error}</c> envelope whatever the HTTP status,
/// retries what is safe to retry, and turns every reply that is not Feishu's word of success
/// into a typed exception. Thread-safe; keep one per app.
/// </summary>
public partial class FeishuClient : IDisposable
{
    private readonly HttpClient? _ownedHttp;
    private readonly Func<HttpClient> _http;
    private readonly TokenProvider _tokens;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly RetryBudget _budget;

    /// <summary>Creates a client.</summary>
    /// <param name="options">App credentials and domain; validated here, and copied (later changes to it do not reach the client).</param>
    /// <param name="httpClient">The HttpClient to send through (from IHttpClientFactory, say); one is created and owned when null.</param>
    /// <param name="tokenCache">Where tokens are kept; in memory when null (see <see cref="DistributedFeishuTokenCache"/> for several instances).</param>
    /// <param name="timeProvider">The clock for token expiry, timeouts and retry waits; the system clock when null.</param>
    /// <param name="logger">Where calls, retries and failures are logged (never tokens or bodies).</param>
    /// <exception cref="FeishuConfigurationException">The options cannot work.</exception>
    public FeishuClient(FeishuClientOptions options, HttpClient? httpClient = null, IFeishuTokenCache? tokenCache = null, TimeProvider? timeProvider = null, ILogger<FeishuClient>? logger = null)
        : this(options, tokenCache, timeProvider, logger)
    {
        // The client times each attempt itself, so its own HttpClient never does; pooled
        // connections are renewed so that a DNS change of the Feishu host is seen.
        _ownedHttp = httpClient is null
            ? new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Options.PooledConnectionLifetime }) { Timeout = Timeout.InfiniteTimeSpan }
            : null;
        var http = httpClient ?? _ownedHttp!;
        _http = () => http;
    }

    /// <summary>
    /// Creates a client that takes an HttpClient from <paramref name="httpClientFactory"/> for every
    /// request, so handlers rotate as the factory intends while the client (tokens, retry budget)
    /// lives as a singleton. <c>services.AddFeishu(…)</c> uses this.
    /// </summary>
    /// <param name="options">App credentials and domain; validated and copied here.</param>
    /// <param name="httpClientFactory">The factory.</param>
    /// <param name="httpClientName">The named client to take.</param>
    /// <param name="tokenCache">Where tokens are kept; in memory when null.</param>
    /// <param name="timeProvider">The clock; the system clock when null.</param>
    /// <param name="logger">Where calls, retries and failures are logged.</param>
    /// <exception cref="FeishuConfigurationException">The options cannot work.</exception>
    public FeishuClient(FeishuClientOptions options, System.Net.Http.IHttpClientFactory httpClientFactory, string httpClientName, IFeishuTokenCache? tokenCache = null, TimeProvider? timeProvider = null, ILogger<FeishuClient>? logger = null)
        : this(options, tokenCache, timeProvider, logger)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        _http = () => httpClientFactory.CreateClient(httpClientName);
    }

    private FeishuClient(FeishuClientOptions options, IFeishuTokenCache? tokenCache, TimeProvider? timeProvider, ILogger<FeishuClient>? logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Freeze();
        _http = null!;
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _budget = new RetryBudget(Options.Retry);
        _tokens = new TokenProvider(Options, () => _http(), tokenCache ?? new InMemoryFeishuTokenCache(_time), _time, _budget, _logger);
    }

    /// <summary>The options the client runs with: a validated, frozen copy of those it was given.</summary>
    public FeishuClientOptions Options { get; }

    // Sign-in (device login, revocation) sends through the client's HTTP, clock and logger.
    internal HttpClient Http => _http();

    internal TimeProvider Time => _time;

    internal ILogger Logger => _logger;

    /// <summary>How many token requests the client has sent so far (retries included).</summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public long TokenFetchCount => _tokens.FetchCount;

    /// <summary>
    /// Sends <paramref name="call"/> and returns the reply's <c>data</c> read by <paramref name="readData"/>
    /// (null when the reply has none). Generated methods call this; it is public for hand-written calls.
    /// </summary>
    /// <typeparam name="T">The type of <c>data</c>.</typeparam>
    /// <param name="call">The endpoint, path, query and body.</param>
    /// <param name="readData">Reads <c>data</c>.</param>
    /// <param name="options">Per-call token, timeout, header and retry overrides.</param>
    /// <param name="cancellationToken">Cancels the call, its retries and its waits.</param>
    /// <exception cref="FeishuApiException">Feishu answered with a non-zero code, or a server fault outlasted the retries.</exception>
    /// <exception cref="FeishuResponseFormatException">The reply was not Feishu's envelope (a proxy's page, JSON without <c>code</c>), or too large.</exception>
    /// <exception cref="FeishuTransportException">The call timed out or the connection failed, after the retries allowed.</exception>
    public Task<T?> SendAsync<T>(FeishuApiCall call, FeishuJsonRead<T> readData, FeishuRequestOptions? options, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(readData);
        return SendJsonAsync(call, readData, null, options, cancellationToken);
    }

    /// <summary>
    /// Sends <paramref name="call"/> and returns the reply's <c>data</c> read by its generated
    /// shape, or an empty record when the reply has none. Generated methods call this.
    /// </summary>
    /// <typeparam name="T">The type of <c>data</c>.</typeparam>
    /// <param name="call">The endpoint, path, query and body.</param>
    /// <param name="data">The JSON metadata of <c>data</c>.</param>
    /// <param name="options">Per-call token, timeout, header and retry overrides.</param>
    /// <param name="cancellationToken">Cancels the call, its retries and its waits.</param>
    /// <returns>The reply's data, never null.</returns>
    /// <exception cref="FeishuApiException">Feishu answered with a non-zero code, or a server fault outlasted the retries.</exception>
    /// <exception cref="FeishuResponseFormatException">The reply was not Feishu's envelope, or too large.</exception>
    /// <exception cref="FeishuTransportException">The call timed out or the connection failed, after the retries allowed.</exception>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public Task<T> SendAsync<T>(FeishuApiCall call, FeishuJsonShape<T> data, FeishuRequestOptions? options, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(data);
        // Never null: an empty reply gives the shape's empty record.
        return SendJsonAsync(call, data.Reader, data, options, cancellationToken)!;
    }

    // A generated call reuses its shape's reply reader: no closure or delegate per call.
    private Task<T?> SendJsonAsync<T>(FeishuApiCall call, FeishuJsonRead<T> readData, FeishuJsonShape<T>? shape, FeishuRequestOptions? options, CancellationToken cancellationToken)
        where T : class
    {
        var reader = shape is null ? new JsonReply<T>(readData, null) : (JsonReply<T>)(shape.ReplyReader ??= new JsonReply<T>(readData, shape));
        return RunAsync(call, options, reader, cancellationToken);
    }

    /// <summary>
    /// Sends a call whose reply is a file and returns it as a stream read from the network as it
    /// arrives. A JSON reply with a non-zero code is Feishu's error and is thrown.
    /// </summary>
    /// <param name="call">The endpoint, path and query.</param>
    /// <param name="options">Per-call token, timeout, header and retry overrides.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="FeishuApiException">Feishu answered with an error instead of the file.</exception>
    /// <exception cref="FeishuResponseFormatException">The reply was neither a file nor Feishu's envelope.</exception>
    public Task<FeishuDownload> DownloadAsync(FeishuApiCall call, FeishuRequestOptions? options, CancellationToken cancellationToken)
        => RunAsync(call, options, DownloadReply.Instance, cancellationToken);

    /// <summary>Disposes the HttpClient if the client created it.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes owned resources.</summary>
    /// <param name="disposing">True when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _ownedHttp?.Dispose();
        }
    }

    private static string Describe(FeishuApiCall call) => call.Endpoint.HttpMethod + " " + call.Path;
}
