using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Errors;
using FeishuGen.Http;
using FeishuGen.Json;
using FeishuGen.Tokens;

namespace FeishuGen;

/// <summary>
/// Sends generated calls to Feishu: picks and manages the access token, writes the JSON body,
/// reads the <c>{code, msg, data, error}</c> envelope whatever the HTTP status, and turns a
/// non-zero code into a <see cref="FeishuApiException"/>. Thread-safe; keep one per app.
/// </summary>
public class FeishuClient : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonContentType = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");

    // Feishu reads UTF-8 JSON: Chinese text goes over the wire as written, not as \u escapes.
    private static readonly JsonWriterOptions BodyWriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

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
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(readData);
        var (tokenType, fixedToken) = ChooseToken(call.Endpoint, options);
        var tenantKey = options?.TenantKey;
        var replayed = false;
        while (true)
        {
            var token = fixedToken ?? await _tokens.GetAsync(tokenType, tenantKey, cancellationToken).ConfigureAwait(false);
            using var request = BuildRequest(call, token);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var logId = ReplyHeaders.LogId(response);
            var envelope = Parse(body, readData, status, logId, call);
            if (envelope.Code == 0)
            {
                if (!envelope.IsJson && status >= 400)
                {
                    throw new FeishuResponseFormatException(
                        $"{Describe(call)} answered HTTP {status} with a body that is not JSON.") { HttpStatus = status, LogId = logId };
                }

                return envelope.Data;
            }

            // A rejected app or tenant token is evicted and fetched anew, and the call replayed once.
            if (!replayed && fixedToken is null && tokenType != FeishuTokenType.User && FeishuErrors.IsInvalidAppOrTenantToken(envelope.Code))
            {
                replayed = true;
                await _tokens.InvalidateAsync(tokenType, tenantKey, token, cancellationToken).ConfigureAwait(false);
                continue;
            }

            throw FeishuErrors.Create(status, envelope.Code, envelope.Msg, envelope.Error, logId, Describe(call), call.Endpoint.FindError(envelope.Code));
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
            Envelope<System.Text.Json.Nodes.JsonNode> status2;
            try
            {
                status2 = EnvelopeReader.ReadStatus(body);
            }
            catch (JsonException)
            {
                throw new FeishuResponseFormatException($"{Describe(call)} answered HTTP {status} with malformed JSON.", e) { HttpStatus = status, LogId = logId };
            }

            if (status2.Code != 0)
            {
                return new Envelope<T>(true, status2.Code, status2.Msg, null, status2.Error);
            }

            throw new FeishuResponseFormatException($"The data of {Describe(call)} does not fit the documented shape: {e.Message}", e) { HttpStatus = status, LogId = logId };
        }
    }

    private HttpRequestMessage BuildRequest(FeishuApiCall call, string token)
    {
        var request = new HttpRequestMessage(new HttpMethod(call.Endpoint.HttpMethod), new Uri(BaseFor(call.Endpoint), call.PathAndQuery()));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.UserAgent.ParseAdd(Options.UserAgent);
        if (call.JsonBody is { } writeBody)
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
            using (var writer = new Utf8JsonWriter(buffer, BodyWriterOptions))
            {
                writeBody(writer);
            }

            var content = new ByteArrayContent(buffer.WrittenSpan.ToArray());
            content.Headers.ContentType = JsonContentType;
            request.Content = content;
        }

        return request;
    }

    // Endpoints on another Feishu host follow the domain choice; a custom base address (a proxy, the local server) takes everything.
    private Uri BaseFor(FeishuEndpoint endpoint)
    {
        if (endpoint.Host is null)
        {
            return Options.BaseAddress;
        }

        if (Options.BaseAddress == FeishuClientOptions.FeishuDomain)
        {
            return new Uri(endpoint.Host);
        }

        if (Options.BaseAddress == FeishuClientOptions.LarkDomain)
        {
            return new Uri(endpoint.Host.Replace("feishu.cn", "larksuite.com", StringComparison.Ordinal));
        }

        return Options.BaseAddress;
    }

    private static (FeishuTokenType Type, string? Fixed) ChooseToken(FeishuEndpoint endpoint, FeishuRequestOptions? options)
    {
        if (options?.AccessToken is { Length: > 0 } fixedToken)
        {
            return (options.PreferredTokenType ?? FeishuTokenType.Tenant, fixedToken);
        }

        if (options?.UserAccessToken is { Length: > 0 } userToken)
        {
            return (FeishuTokenType.User, userToken);
        }

        if (options?.PreferredTokenType is { } preferred && preferred != FeishuTokenType.User && endpoint.Accepts(preferred))
        {
            return (preferred, null);
        }

        if (endpoint.Accepts(FeishuTokenType.Tenant) || endpoint.TokenTypes.Count == 0)
        {
            return (FeishuTokenType.Tenant, null);
        }

        if (endpoint.Accepts(FeishuTokenType.App))
        {
            return (FeishuTokenType.App, null);
        }

        throw new FeishuConfigurationException(
            $"{endpoint} accepts only a user_access_token: pass one in FeishuRequestOptions.UserAccessToken.");
    }

    private static string Describe(FeishuApiCall call) => call.Endpoint.HttpMethod + " " + call.Path;
}
