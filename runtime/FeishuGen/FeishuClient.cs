using System;
using System.Net.Http;
using System.Text.Json;
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
/// retries what is safe to retry, and turns a non-zero code into a typed
/// <see cref="FeishuApiException"/>. Thread-safe; keep one per app.
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
    /// <param name="options">App credentials and domain; validated here.</param>
    /// <param name="httpClient">The HttpClient to send through (from IHttpClientFactory, say); one is created and owned when null.</param>
    /// <param name="tokenCache">Where tokens are kept; in memory when null.</param>
    /// <param name="timeProvider">The clock for token expiry and retry waits; the system clock when null.</param>
    /// <param name="logger">Where calls, retries and failures are logged (never tokens or bodies).</param>
    public FeishuClient(FeishuClientOptions options, HttpClient? httpClient = null, IFeishuTokenCache? tokenCache = null, TimeProvider? timeProvider = null, ILogger<FeishuClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;

        // The client times each attempt itself (Options.Timeout), so its own HttpClient never does.
        _ownedHttp = httpClient is null ? new HttpClient { Timeout = System.Threading.Timeout.InfiniteTimeSpan } : null;
        var http = httpClient ?? _ownedHttp!;
        _http = () => http;
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _tokens = new TokenProvider(options, _http, tokenCache ?? new InMemoryFeishuTokenCache(), _time);
        _budget = new RetryBudget(options.Retry);
    }

    /// <summary>
    /// Creates a client that takes an HttpClient from <paramref name="httpClientFactory"/> for every
    /// request, so handlers rotate as the factory intends while the client (tokens, retry budget)
    /// lives as a singleton. <c>services.AddFeishu(…)</c> uses this.
    /// </summary>
    /// <param name="options">App credentials and domain; validated here.</param>
    /// <param name="httpClientFactory">The factory.</param>
    /// <param name="httpClientName">The named client to take.</param>
    /// <param name="tokenCache">Where tokens are kept; in memory when null.</param>
    /// <param name="timeProvider">The clock; the system clock when null.</param>
    /// <param name="logger">Where calls, retries and failures are logged.</param>
    public FeishuClient(FeishuClientOptions options, System.Net.Http.IHttpClientFactory httpClientFactory, string httpClientName, IFeishuTokenCache? tokenCache = null, TimeProvider? timeProvider = null, ILogger<FeishuClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        options.Validate();
        Options = options;
        _http = () => httpClientFactory.CreateClient(httpClientName);
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _tokens = new TokenProvider(options, _http, tokenCache ?? new InMemoryFeishuTokenCache(), _time);
        _budget = new RetryBudget(options.Retry);
    }

    /// <summary>The options the client was created with.</summary>
    public FeishuClientOptions Options { get; }

    /// <summary>How many token requests the client has sent so far.</summary>
    public long TokenFetchCount => _tokens.FetchCount;

    /// <summary>
    /// Sends <paramref name="call"/> and returns the reply's <c>data</c> read by <paramref name="readData"/>
    /// (null when the reply has none). Generated methods call this; it is public for hand-written calls.
    /// </summary>
    /// <typeparam name="T">The type of <c>data</c>.</typeparam>
    /// <param name="call">The endpoint, path, query and body.</param>
    /// <param name="readData">Reads <c>data</c>.</param>
    /// <param name="options">Per-call token and retry overrides.</param>
    /// <param name="cancellationToken">Cancels the call, its retries and its waits.</param>
    /// <exception cref="FeishuApiException">Feishu answered with a non-zero code.</exception>
    /// <exception cref="FeishuTransportException">The call timed out or the connection failed, after the retries allowed.</exception>
    public Task<T?> SendAsync<T>(FeishuApiCall call, FeishuJsonRead<T> readData, FeishuRequestOptions? options, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(readData);
        return RunAsync<T?>(call, options, HttpCompletionOption.ResponseContentRead, async (response, ct) =>
        {
            using var owned = response;
            var body = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var envelope = Parse(body, readData, response, call);
            if (envelope.Code == 0 && !envelope.IsJson && status >= 300)
            {
                // A gateway's HTML error page: a fault with no Feishu code.
                return Reply<T?>.Failed(status, status, "HTTP " + status + " with a body that is not JSON", null, null);
            }

            return envelope.Code == 0 ? Reply<T?>.Succeeded(envelope.Data) : Reply<T?>.Failed(status, envelope.Code, envelope.Msg, envelope.Error, RetryRules.ResetAfter(response));
        }, cancellationToken);
    }

    /// <summary>
    /// Sends a call whose reply is a file and returns it as a stream read from the network as it
    /// arrives. A JSON reply is Feishu's error and is thrown as a <see cref="FeishuApiException"/>.
    /// </summary>
    /// <param name="call">The endpoint, path and query.</param>
    /// <param name="options">Per-call token and retry overrides.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="FeishuApiException">Feishu answered with an error instead of the file.</exception>
    public Task<FeishuDownload> DownloadAsync(FeishuApiCall call, FeishuRequestOptions? options, CancellationToken cancellationToken)
        => RunAsync(call, options, HttpCompletionOption.ResponseHeadersRead, async (response, ct) =>
        {
            var status = (int)response.StatusCode;
            var mediaType = response.Content.Headers.ContentType?.MediaType ?? string.Empty;
            if (response.IsSuccessStatusCode && !mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
            {
                var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
                return Reply<FeishuDownload>.Succeeded(new FeishuDownload(response, stream, ReplyHeaders.LogId(response)));
            }

            byte[] body;
            using (response)
            {
                body = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
            }

            var envelope = ParseStatus(body, response, call);
            if (envelope.Code == 0)
            {
                return envelope.IsJson
                    ? throw new FeishuResponseFormatException($"{Describe(call)} answered HTTP {status} with JSON instead of a file.") { HttpStatus = status, LogId = ReplyHeaders.LogId(response) }
                    : Reply<FeishuDownload>.Failed(status, status, "HTTP " + status + " with a body that is not JSON", null, null);
            }

            return Reply<FeishuDownload>.Failed(status, envelope.Code, envelope.Msg, envelope.Error, RetryRules.ResetAfter(response));
        }, cancellationToken);

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

    private static Envelope<T> Parse<T>(byte[] body, FeishuJsonRead<T> readData, HttpResponseMessage response, FeishuApiCall call)
        where T : class
    {
        try
        {
            return EnvelopeReader.Read(body, readData);
        }
        catch (JsonException e)
        {
            // A failed reply may carry data of another shape: its code still decides.
            var envelope = ParseStatus(body, response, call);
            if (envelope.Code != 0)
            {
                return new Envelope<T>(true, envelope.Code, envelope.Msg, null, envelope.Error);
            }

            throw new FeishuResponseFormatException($"The data of {Describe(call)} does not fit the documented shape: {e.Message}", e)
            {
                HttpStatus = (int)response.StatusCode,
                LogId = ReplyHeaders.LogId(response),
            };
        }
    }

    private static Envelope<System.Text.Json.Nodes.JsonNode> ParseStatus(byte[] body, HttpResponseMessage response, FeishuApiCall call)
    {
        try
        {
            return EnvelopeReader.ReadStatus(body);
        }
        catch (JsonException e)
        {
            throw new FeishuResponseFormatException($"{Describe(call)} answered HTTP {(int)response.StatusCode} with malformed JSON.", e)
            {
                HttpStatus = (int)response.StatusCode,
                LogId = ReplyHeaders.LogId(response),
            };
        }
    }

    private static string Describe(FeishuApiCall call) => call.Endpoint.HttpMethod + " " + call.Path;
}
