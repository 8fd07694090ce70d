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

    /// <summary>The wait Feishu asks for in x-ogw-ratelimit-reset (seconds), or Retry-After.</summary>
    public static TimeSpan? ResetAfter(HttpResponseMessage response)
    {
        var reset = ReplyHeaders.First(response, "x-ogw-ratelimit-reset");
        if (reset is not null && double.TryParse(reset, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return response.Headers.RetryAfter?.Delta;
    }
}
