using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Errors;
using FeishuGen.Http;
using FeishuGen.Json;
using FeishuGen.Tokens;

namespace FeishuGen;

/// <summary>
/// Sends generated calls to Feishu: picks and manages the access token, writes the JSON or
/// multipart body, reads the <c>{code, msg, data, error}</c> envelope whatever the HTTP status,
/// and turns a non-zero code into a <see cref="FeishuApiException"/>. Thread-safe; keep one per app.
/// </summary>
public partial class FeishuClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly TokenProvider _tokens;

    /// <summary>Creates a client.</summary>
    /// <param name="options">App credentials and domain; validated here.</param>
    /// <param name="httpClient">The HttpClient to send through (from IHttpClientFactory, say); one is created and owned when null.</param>
    /// <param name="tokenCache">Where tokens are kept; in memory when null.</param>
    /// <param name="timeProvider">The clock for token expiry; the system clock when null.</param>
    public FeishuClient(FeishuClientOptions options, HttpClient? httpClient = null, IFeishuTokenCache? tokenCache = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _ownsHttp = httpClient is null;
        _http = httpClient ?? new HttpClient { Timeout = options.Timeout };
        _tokens = new TokenProvider(options, _http, tokenCache ?? new InMemoryFeishuTokenCache(), timeProvider ?? TimeProvider.System);
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
    /// <param name="options">Per-call token overrides.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="FeishuApiException">Feishu answered with a non-zero code.</exception>
    public async Task<T?> SendAsync<T>(FeishuApiCall call, FeishuJsonRead<T> readData, FeishuRequestOptions? options, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(readData);
        var attempt = new Attempt(this, call, options);
        while (true)
        {
            using var response = await attempt.SendAsync(HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var logId = ReplyHeaders.LogId(response);
            var envelope = Parse(body, readData, status, logId, call);
            if (envelope.Code == 0)
            {
                if (!envelope.IsJson && status >= 400)
                {
                    throw new FeishuResponseFormatException($"{Describe(call)} answered HTTP {status} with a body that is not JSON.") { HttpStatus = status, LogId = logId };
                }

                return envelope.Data;
            }

            if (!await attempt.ShouldReplayAsync(envelope.Code, cancellationToken).ConfigureAwait(false))
            {
                throw FeishuErrors.Create(status, envelope.Code, envelope.Msg, envelope.Error, logId, Describe(call), call.Endpoint.FindError(envelope.Code));
            }
        }
    }

    /// <summary>
    /// Sends a call whose reply is a file and returns it as a stream read from the network as it
    /// arrives. A JSON reply is Feishu's error and is thrown as a <see cref="FeishuApiException"/>.
    /// </summary>
    /// <param name="call">The endpoint, path and query.</param>
    /// <param name="options">Per-call token overrides.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="FeishuApiException">Feishu answered with an error instead of the file.</exception>
    public async Task<FeishuDownload> DownloadAsync(FeishuApiCall call, FeishuRequestOptions? options, CancellationToken cancellationToken)
    {
        var attempt = new Attempt(this, call, options);
        while (true)
        {
            var response = await attempt.SendAsync(HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var logId = ReplyHeaders.LogId(response);
            var mediaType = response.Content.Headers.ContentType?.MediaType ?? string.Empty;
            if (response.IsSuccessStatusCode && !mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
            {
                var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                return new FeishuDownload(response, stream, logId);
            }

            Envelope<System.Text.Json.Nodes.JsonNode> envelope;
            using (response)
            {
                var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                envelope = ParseStatus(body, status, logId, call);
            }

            if (envelope.Code == 0)
            {
                throw new FeishuResponseFormatException($"{Describe(call)} answered HTTP {status} with JSON instead of a file.") { HttpStatus = status, LogId = logId };
            }

            if (!await attempt.ShouldReplayAsync(envelope.Code, cancellationToken).ConfigureAwait(false))
            {
                throw FeishuErrors.Create(status, envelope.Code, envelope.Msg, envelope.Error, logId, Describe(call), call.Endpoint.FindError(envelope.Code));
            }
        }
    }

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
        if (disposing && _ownsHttp)
        {
            _http.Dispose();
        }
    }

    private static Envelope<T> Parse<T>(byte[] body, FeishuJsonRead<T> readData, int status, string? logId, FeishuApiCall call)
        where T : class
    {
        try
        {
            return EnvelopeReader.Read(body, readData);
        }
        catch (JsonException e)
        {
            // A failed reply may carry data of another shape: its code still decides.
            var envelope = ParseStatus(body, status, logId, call);
            if (envelope.Code != 0)
            {
                return new Envelope<T>(true, envelope.Code, envelope.Msg, null, envelope.Error);
            }

            throw new FeishuResponseFormatException($"The data of {Describe(call)} does not fit the documented shape: {e.Message}", e) { HttpStatus = status, LogId = logId };
        }
    }

    private static Envelope<System.Text.Json.Nodes.JsonNode> ParseStatus(byte[] body, int status, string? logId, FeishuApiCall call)
    {
        try
        {
            return EnvelopeReader.ReadStatus(body);
        }
        catch (JsonException e)
        {
            throw new FeishuResponseFormatException($"{Describe(call)} answered HTTP {status} with malformed JSON.", e) { HttpStatus = status, LogId = logId };
        }
    }

    private static string Describe(FeishuApiCall call) => call.Endpoint.HttpMethod + " " + call.Path;
}
