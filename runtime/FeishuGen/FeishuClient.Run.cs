using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Errors;
using FeishuGen.Http;
using FeishuGen.Logging;
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
        var attempts = 0;
        var rateLimitRetries = 0;
        while (true)
        {
            attempts++;
            // The clock is read only for the Debug log that reports it: on some virtual machines a
            // clock read is a system call, a large part of a call served from memory.
            var timed = _logger.IsEnabled(LogLevel.Debug);
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
                    if (await RetryFaultAsync(call, repeatable, attempts, "timed out", cancellationToken).ConfigureAwait(false))
                    {
                        continue;
                    }

                    FeishuLog.TransportFailed(_logger, method, path, "timed out after " + limit, e);
                    throw new FeishuTransportException($"{method} {path} timed out after {limit.TotalSeconds:0.#} s ({attempts} attempt(s)).", e) { IsTimeout = true, Attempts = attempts };
                }
                catch (Exception e) when (RetryRules.IsTransportFailure(e))
                {
                    // A request that never left may always be sent again; one that may have arrived only if repeatable.
                    if (await RetryFaultAsync(call, repeatable || RetryRules.NeverSent(e), attempts, e.Message, cancellationToken).ConfigureAwait(false))
                    {
                        continue;
                    }

                    FeishuLog.TransportFailed(_logger, method, path, e.Message, e);
                    throw new FeishuTransportException($"{method} {path} failed: {e.Message} ({attempts} attempt(s)).", e) { Attempts = attempts };
                }
            }

            activity?.SetTag("http.response.status_code", status);
            activity?.SetTag("feishu.code", reply.Code);
            activity?.SetTag("feishu.log_id", logId);
            if (timed)
            {
                FeishuLog.Completed(_logger, method, path, status, reply.Code, (long)_time.GetElapsedTime(started).TotalMilliseconds, logId);
            }
            if (reply.Ok)
            {
                return reply.Value;
            }

            if (await attempt.ShouldReplayAsync(reply.Code, cancellationToken).ConfigureAwait(false))
            {
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
                    FeishuLog.Retrying(_logger, method, path, (long)wait.TotalMilliseconds, attempts + 1, "rate limited (code " + reply.Code + ")");
                    await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
                    continue;
                }
            }
            else if (RetryRules.IsServerFault(status) && await RetryFaultAsync(call, repeatable, attempts, "HTTP " + status, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

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
        FeishuLog.Retrying(_logger, call.Endpoint.HttpMethod, call.Path, (long)delay.TotalMilliseconds, attempts + 1, reason);
        await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
