using System;

namespace FeishuGen;

/// <summary>
/// How the client retries. Rate-limited calls (99991400, HTTP 429) wait as long as Feishu asks
/// and are retried, whatever their method: Feishu rejected them before doing anything. Server
/// faults (5xx), timeouts and broken connections are retried with exponential backoff and
/// jitter for idempotent methods only (GET, PUT, DELETE); a POST or PATCH is sent again only when
/// it certainly never reached the server (the connection could not be made), or when the caller
/// opts in. Every wait honours the cancellation token.
/// </summary>
public sealed class FeishuRetryOptions
{
    /// <summary>Retries on (default) or off altogether.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The most attempts of one call for faults (5xx, timeouts, connections), the first included.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The most retries of one call after rate limiting.</summary>
    public int MaxRateLimitRetries { get; set; } = 3;

    /// <summary>The first backoff delay; each retry doubles it, up to <see cref="MaxDelay"/>, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest backoff delay.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest wait for a rate limit to reset; a longer reset fails at once with <see cref="FeishuRateLimitException"/>.</summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Also retry non-idempotent calls (POST, PATCH) after faults; off by default, per call with <see cref="FeishuRequestOptions.RetryNonIdempotent"/>.</summary>
    public bool RetryNonIdempotent { get; set; }

    /// <summary>
    /// The retry budget: each call earns this fraction of a retry, and a retry spends one, so that
    /// an outage does not multiply the load by <see cref="MaxAttempts"/>.
    /// </summary>
    public double BudgetRatio { get; set; } = 0.2;

    /// <summary>The retries always available, whatever the budget has earned.</summary>
    public int BudgetMinimum { get; set; } = 10;
}
