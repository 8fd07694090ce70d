using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Errors;
using FeishuGen.Http;
using FeishuGen.Logging;
using FeishuGen.Telemetry;
using Microsoft.Extensions.Logging;

namespace FeishuGen;

public partial class FeishuClient
{
    /// <summary>
    /// One call, from first attempt to result: per-attempt timeout (covering the whole reply),
    /// token replay, rate-limit waits, backoff for faults that are safe to retry, logging and tracing.
    /// </summary>
    private async Task<T> RunAsync<T>(
        FeishuApiCall call,
        FeishuRequestOptions? options,
        ReplyReader<T> interpret,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var attempt = new Attempt(this, call, options);
        var retry = Options.Retry;
        var method = call.Endpoint.HttpMethod;
        var path = call.Path;
        var limit = options?.Timeout ?? (call.Form is null ? Options.Timeout : Options.UploadTimeout);
        var repeatable = RetryRules.IsIdempotent(method) || retry.RetryNonIdempotent || options?.RetryNonIdempotent == true;
        // The name is built only when someone listens.
        using var activity = FeishuTelemetry.Source.HasListeners()
            ? FeishuTelemetry.Source.StartActivity("Feishu " + call.Endpoint.Service + "." + call.Endpoint.Resource + "." + call.Endpoint.Method, ActivityKind.Client)
            : null;
        activity?.SetTag("http.request.method", method);
        activity?.SetTag("url.path", path);
        _budget.Deposit();
        var metered = FeishuMetrics.CallsTimed;
        var callStarted = metered ? _time.GetTimestamp() : 0;
        var attempts = 0;
        var rateLimitRetries = 0;
        while (true)
        {
            attempts++;
            // The clock is read only for the Debug log that reports it: on some virtual machines a
            // clock read is a system call, a large part of a call served from memory.
            var logged = _logger.IsEnabled(LogLevel.Debug);
            var timed = metered || logged;
            var started = timed ? _time.GetTimestamp() : 0;
            Reply<T> reply;
            int status;
            string? logId;
            using (var timeout = AttemptTimeout.Start(limit, _time, cancellationToken))
            {
                try
                {
                    var response = await attempt.SendAsync(timeout.Token).ConfigureAwait(false);
                    status = (int)response.StatusCode;
                    logId = ReplyHeaders.LogId(response);
                    reply = await interpret.ReadAsync(this, response, call, attempt.Token, timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
                {
                    Meter(metered, call, 0, "timeout", started);
                    if (await RetryFaultAsync(call, repeatable, attempts, "timed out", cancellationToken).ConfigureAwait(false))
                    {
                        continue;
                    }

                    MeterCall(metered, call, "timeout", null, callStarted);
                    FeishuLog.TransportFailed(_logger, method, path, "timed out after " + limit, e);
                    throw new FeishuTransportException($"{method} {path} timed out after {limit.TotalSeconds:0.#} s ({attempts} attempt(s)).", e) { IsTimeout = true, Attempts = attempts };
                }
                catch (Exception e) when (RetryRules.IsTransportFailure(e))
                {
                    Meter(metered, call, 0, e.GetType().Name, started);

                    // A request that never left may always be sent again; one that may have arrived only if repeatable.
                    if (await RetryFaultAsync(call, repeatable || RetryRules.NeverSent(e), attempts, e.Message, cancellationToken).ConfigureAwait(false))
                    {
                        continue;
                    }

                    MeterCall(metered, call, "transport_error", null, callStarted);
                    FeishuLog.TransportFailed(_logger, method, path, e.Message, e);
                    throw new FeishuTransportException($"{method} {path} failed: {e.Message} ({attempts} attempt(s)).", e) { Attempts = attempts };
                }
            }

            Meter(metered, call, status, status >= 400 ? status.ToString(System.Globalization.CultureInfo.InvariantCulture) : null, started);
            activity?.SetTag("http.response.status_code", status);
            activity?.SetTag("feishu.code", reply.Code);
            activity?.SetTag("feishu.log_id", logId);
            if (logged)
            {
                FeishuLog.Completed(_logger, method, path, status, reply.Code, (long)_time.GetElapsedTime(started).TotalMilliseconds, logId);
            }
            if (reply.Ok)
            {
                MeterCall(metered, call, "success", reply.Code, callStarted);
                return reply.Value;
            }

            if (await attempt.ShouldReplayAsync(reply.Code, cancellationToken).ConfigureAwait(false))
            {
                FeishuMetrics.Retry(ApiName(call), "token_rejected");
                FeishuLog.TokenRejected(_logger, attempt.TokenType.WireName(), method, path);
                continue;
            }

            if (retry.Enabled && RetryRules.IsRateLimited(status, reply.Code))
            {
                // Feishu refused the call before running it: waiting and sending it again is safe for any method.
                var wait = RetryRules.RateLimitWait(retry, reply.RetryAfter, rateLimitRetries + 1);
                if (rateLimitRetries < retry.MaxRateLimitRetries && RetryRules.WithinRateLimitWait(retry, wait) && call.CanReplay() && _budget.TryWithdraw())
                {
                    rateLimitRetries++;
                    FeishuMetrics.Retry(ApiName(call), "rate_limited");
                    FeishuMetrics.RateLimitWait(ApiName(call), wait);
                    FeishuLog.Retrying(_logger, method, path, (long)wait.TotalMilliseconds, attempts + 1, "rate limited (code " + reply.Code + ")");
                    await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
                    continue;
                }
            }
            else if (RetryRules.IsServerFault(status) && await RetryFaultAsync(call, repeatable, attempts, "HTTP " + status, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            MeterCall(metered, call, RetryRules.IsRateLimited(status, reply.Code) ? "rate_limited" : "api_error", reply.Code, callStarted);
            activity?.SetStatus(ActivityStatusCode.Error, reply.Msg);
            FeishuLog.Failed(_logger, method, path, status, reply.Code, reply.Msg, logId);
            throw FeishuErrors.Create(status, reply.Code, reply.Msg, reply.Error, logId, Describe(call), call.Endpoint.FindError(reply.Code), reply.RetryAfter, reply.BodyExcerpt);
        }
    }

    // Backoff for a fault when the call may be repeated, attempts remain and the budget allows.
    private async Task<bool> RetryFaultAsync(FeishuApiCall call, bool repeatable, int attempts, string reason, CancellationToken cancellationToken)
    {
        var retry = Options.Retry;
        if (!retry.Enabled || !repeatable || attempts >= retry.MaxAttempts || !call.CanReplay() || !_budget.TryWithdraw())
        {
            return false;
        }

        var delay = RetryRules.Backoff(retry, attempts);
        FeishuMetrics.Retry(ApiName(call), reason.StartsWith("HTTP ", StringComparison.Ordinal) ? "server_error" : reason == "timed out" ? "timeout" : "transport");
        FeishuLog.Retrying(_logger, call.Endpoint.HttpMethod, call.Path, (long)delay.TotalMilliseconds, attempts + 1, reason);
        await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        return true;
    }

    // The API's name from the catalogue (service.resource.method): a bounded tag, unlike the path.
    private static string ApiName(FeishuApiCall call) => call.Endpoint.Service + "." + call.Endpoint.Resource + "." + call.Endpoint.Method;

    private void Meter(bool metered, FeishuApiCall call, int status, string? errorType, long started)
    {
        if (metered)
        {
            FeishuMetrics.Request(call.Endpoint.HttpMethod, Options.BaseAddress.Host, status, errorType, _time.GetElapsedTime(started).TotalSeconds);
        }
    }

    private void MeterCall(bool metered, FeishuApiCall call, string outcome, long? code, long started)
    {
        if (metered)
        {
            FeishuMetrics.Call(ApiName(call), call.Endpoint.HttpMethod, outcome, code, _time.GetElapsedTime(started).TotalSeconds);
        }
    }
}
