using System;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Errors;
using FeishuGen.Http;
using FeishuGen.Logging;
using Microsoft.Extensions.Logging;

namespace FeishuGen.Tokens;

/// <summary>What a token endpoint's reply must say for the token to be taken.</summary>
internal interface ITokenReply
{
    int? Code { get; }

    string? Msg { get; }

    /// <summary>Feishu's word of success: code 0 and the token asked for.</summary>
    bool IsSuccess { get; }
}

/// <summary>
/// POSTs to Feishu's token endpoints. A token is taken only from a 2xx JSON reply whose code is
/// 0; 5xx, 429 (or 99991400), replies that are not Feishu's and transport faults are retried
/// with backoff under the client's retry budget, and a non-zero code is final.
/// </summary>
internal sealed class TokenEndpoint
{
    private const long MaxReplyBytes = 1024 * 1024;

    private readonly FeishuClientOptions _options;
    private readonly Func<HttpClient> _http;
    private readonly TimeProvider _time;
    private readonly RetryBudget _budget;
    private readonly ILogger _logger;
    private long _requests;

    public TokenEndpoint(FeishuClientOptions options, Func<HttpClient> http, TimeProvider time, RetryBudget budget, ILogger logger)
    {
        _options = options;
        _http = http;
        _time = time;
        _budget = budget;
        _logger = logger;
    }

    /// <summary>How many token requests were sent, retries included.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Posts <paramref name="body"/> until Feishu answers with a token or a final error.</summary>
    /// <param name="path">The token endpoint's path.</param>
    /// <param name="body">The request body.</param>
    /// <param name="bodyInfo">Its JSON metadata.</param>
    /// <param name="replyInfo">The reply's JSON metadata.</param>
    /// <param name="repeatable">
    /// Whether a request that may have reached Feishu can be sent again. True for app and tenant
    /// tokens (asking twice is harmless); false for a user refresh, whose refresh token Feishu spends
    /// on arrival: it is resent only when the connection was never made, or Feishu answered a fault.
    /// </param>
    /// <param name="secretInBody">A secret the body carries besides the app secret, masked in excerpts.</param>
    /// <param name="cancellationToken">Cancels the fetch and its waits.</param>
    public async Task<TReply> PostAsync<TBody, TReply>(string path, TBody body, JsonTypeInfo<TBody> bodyInfo, JsonTypeInfo<TReply> replyInfo, bool repeatable, string? secretInBody, CancellationToken cancellationToken)
        where TReply : class, ITokenReply
    {
        var retry = _options.Retry;
        for (var attempt = 1; ; attempt++)
        {
            Interlocked.Increment(ref _requests);
            FeishuException fault;
            bool retryable;
            TimeSpan? askedWait = null;
            using (var timeout = AttemptTimeout.Start(_options.Timeout, _time, cancellationToken))
            {
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_options.BaseAddress, path)) { Content = System.Net.Http.Json.JsonContent.Create(body, bodyInfo) };
                    request.Headers.UserAgent.ParseAdd(_options.UserAgent);
                    using var response = await _http().SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                    using var bytes = await ReplyBody.ReadAsync(response, MaxReplyBytes, timeout.Token).ConfigureAwait(false);
                    var status = (int)response.StatusCode;
                    var logId = ReplyHeaders.LogId(response);
                    var reply = TryRead(bytes.Span, replyInfo);
                    // Feishu's refusal is final; the same code on a 5xx is a fault of the moment.
                    if (reply?.Code is { } code && code != 0 && code != RetryRules.RateLimitCode && !RetryRules.IsServerFault(status))
                    {
                        throw FeishuErrors.Create(status, code, reply.Msg ?? string.Empty, null, logId, "POST " + path, null);
                    }

                    if (response.IsSuccessStatusCode && reply is { IsSuccess: true })
                    {
                        return reply;
                    }

                    // A fault, a rate limit, or not Feishu speaking (a proxy's page, JSON without code or token).
                    var excerpt = ReplyExcerpt.Of(bytes.Span, _options.AppSecret, secretInBody);
                    askedWait = RetryRules.IsRateLimited(status, reply?.Code ?? 0) ? RetryRules.ResetAfter(response) : null;
                    fault = RetryRules.IsRateLimited(status, reply?.Code ?? 0) || RetryRules.IsServerFault(status)
                        ? FeishuErrors.Create(status, reply?.Code ?? status, reply?.Msg ?? "HTTP " + status + " from the token endpoint", null, logId, "POST " + path, null, askedWait, excerpt)
                        : new FeishuResponseFormatException($"The token endpoint {path} answered HTTP {status} without a token in Feishu's form: {excerpt}") { HttpStatus = status, LogId = logId, BodyExcerpt = excerpt };
                    retryable = true;
                }
                catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
                {
                    fault = new FeishuTransportException($"The token request to {path} timed out after {_options.Timeout.TotalSeconds:0.#} s ({attempt} attempt(s)).", e) { IsTimeout = true, Attempts = attempt };
                    retryable = repeatable;
                }
                catch (Exception e) when (RetryRules.IsTransportFailure(e))
                {
                    fault = new FeishuTransportException($"The token request to {path} failed: {e.Message} ({attempt} attempt(s)).", e) { Attempts = attempt };
                    retryable = repeatable || RetryRules.NeverSent(e);
                }
            }

            var rateLimited = fault is FeishuRateLimitException;
            var wait = rateLimited ? RetryRules.RateLimitWait(retry, askedWait, attempt) : RetryRules.Backoff(retry, attempt);
            if (!retryable || !retry.Enabled || attempt >= retry.MaxAttempts || (rateLimited && !RetryRules.WithinRateLimitWait(retry, wait)) || !_budget.TryWithdraw())
            {
                throw fault;
            }

            FeishuLog.Retrying(_logger, "POST", path, (long)wait.TotalMilliseconds, attempt + 1, fault.Message);
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static TReply? TryRead<TReply>(ReadOnlySpan<byte> bytes, JsonTypeInfo<TReply> info)
        where TReply : class
    {
        try
        {
            return JsonSerializer.Deserialize(bytes, info);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
