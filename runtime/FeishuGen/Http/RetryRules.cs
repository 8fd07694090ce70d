using System;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;

namespace FeishuGen.Http;

/// <summary>The facts the retry decisions rest on.</summary>
internal static class RetryRules
{
    public const int RateLimitCode = 99991400;

    /// <summary>GET, PUT and DELETE may be sent twice without changing the outcome.</summary>
    public static bool IsIdempotent(string method) => method is "GET" or "PUT" or "DELETE" or "HEAD" or "OPTIONS";

    public static bool IsRateLimited(int status, int code) => status == 429 || code == RateLimitCode;

    public static bool IsServerFault(int status) => status is >= 500 and <= 599;

    /// <summary>
    /// True only when the request certainly never reached the server: the connection could not be
    /// made. A connection dropped later may have delivered the request, so it does not count.
    /// </summary>
    public static bool NeverSent(Exception exception)
    {
        if (exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError })
        {
            return true;
        }

        return exception.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.NetworkUnreachable or SocketError.HostUnreachable };
    }

    public static bool IsTransportFailure(Exception exception) => exception is HttpRequestException or IOException;

    /// <summary>Exponential backoff with jitter: base·2^(n−1), capped, then a random point in its upper half.</summary>
    public static TimeSpan Backoff(FeishuRetryOptions options, int retry)
    {
        var exponential = options.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, retry - 1));
        var capped = Math.Min(exponential, options.MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (Random.Shared.NextDouble() / 2)));
    }

    /// <summary>
    /// The wait Feishu asks for in x-ogw-ratelimit-reset (seconds), or Retry-After; null when
    /// neither says. A wait too large for a TimeSpan (<c>1e300</c>, <c>Infinity</c>) is
    /// <see cref="TimeSpan.MaxValue"/>, which no MaxRateLimitWait allows; NaN and negatives are
    /// ignored as unreadable.
    /// </summary>
    public static TimeSpan? ResetAfter(HttpResponseMessage response)
    {
        var reset = ReplyHeaders.First(response, "x-ogw-ratelimit-reset");
        if (reset is not null && double.TryParse(reset, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return seconds >= MaxWaitSeconds ? TimeSpan.MaxValue : TimeSpan.FromSeconds(seconds);
        }

        return response.Headers.RetryAfter?.Delta;
    }

    /// <summary>
    /// How long to wait before retrying a rate-limited call: what Feishu asked for plus jitter of
    /// half to one <see cref="FeishuRetryOptions.BaseDelay"/>, so that callers limited together
    /// (a reset of 0, or the same window) do not all come back in the same millisecond.
    /// </summary>
    public static TimeSpan RateLimitWait(FeishuRetryOptions options, TimeSpan? asked, int retry)
    {
        if (asked == TimeSpan.MaxValue)
        {
            return TimeSpan.MaxValue;
        }

        var jitter = TimeSpan.FromMilliseconds(options.BaseDelay.TotalMilliseconds * (0.5 + (Random.Shared.NextDouble() / 2)));
        return (asked ?? Backoff(options, retry)) + jitter;
    }

    /// <summary>Whether a rate-limit wait is within what the options allow (the jitter added to it does not count).</summary>
    public static bool WithinRateLimitWait(FeishuRetryOptions options, TimeSpan wait)
        => wait != TimeSpan.MaxValue && wait <= options.MaxRateLimitWait + options.BaseDelay;

    // A day: longer than any MaxRateLimitWait worth having, and far below TimeSpan's range.
    private const double MaxWaitSeconds = 86_400;
}