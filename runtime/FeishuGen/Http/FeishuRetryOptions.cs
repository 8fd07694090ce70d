using System;

namespace FeishuGen;

/// <summary>
/// How the client retries. Rate-limited calls (99991400, HTTP 429) wait as long as Feishu asks
/// and are retried, whatever their method: Feishu rejected them before doing anything. Server
/// faults (5xx), timeouts and broken connections are retried with exponential backoff and
/// jitter for idempotent methods only (GET, PUT, DELETE); a POST or PATCH is sent again only when
/// it certainly never reached the server (the connection could not be made), or when the caller
/// opts in. Token requests are retried after any fault: fetching a token twice is harmless.
/// Every wait honours the cancellation token.
/// </summary>
public sealed class FeishuRetryOptions
{
    private bool _enabled = true;
    private int _maxAttempts = 3;
    private int _maxRateLimitRetries = 3;
    private TimeSpan _baseDelay = TimeSpan.FromMilliseconds(200);
    private TimeSpan _maxDelay = TimeSpan.FromSeconds(10);
    private TimeSpan _maxRateLimitWait = TimeSpan.FromSeconds(60);
    private bool _retryNonIdempotent;
    private double _budgetRatio = 0.2;
    private int _budgetMinimum = 10;
    private bool _frozen;

    /// <summary>Retries on (default) or off altogether.</summary>
    public bool Enabled { get => _enabled; set => Set(ref _enabled, value); }

    /// <summary>The most attempts of one call for faults (5xx, timeouts, connections), the first included.</summary>
    public int MaxAttempts { get => _maxAttempts; set => Set(ref _maxAttempts, value); }

    /// <summary>The most retries of one call after rate limiting.</summary>
    public int MaxRateLimitRetries { get => _maxRateLimitRetries; set => Set(ref _maxRateLimitRetries, value); }

    /// <summary>The first backoff delay; each retry doubles it, up to <see cref="MaxDelay"/>, with jitter.</summary>
    public TimeSpan BaseDelay { get => _baseDelay; set => Set(ref _baseDelay, value); }

    /// <summary>The longest backoff delay.</summary>
    public TimeSpan MaxDelay { get => _maxDelay; set => Set(ref _maxDelay, value); }

    /// <summary>The longest wait for a rate limit to reset; a longer (or unreadable, infinite) reset fails at once with <see cref="FeishuRateLimitException"/>.</summary>
    public TimeSpan MaxRateLimitWait { get => _maxRateLimitWait; set => Set(ref _maxRateLimitWait, value); }

    /// <summary>Also retry non-idempotent calls (POST, PATCH) after faults; off by default, per call with <see cref="FeishuRequestOptions.RetryNonIdempotent"/>.</summary>
    public bool RetryNonIdempotent { get => _retryNonIdempotent; set => Set(ref _retryNonIdempotent, value); }

    /// <summary>
    /// The retry budget: each call earns this fraction of a retry, and a retry spends one, so that
    /// an outage does not multiply the load by <see cref="MaxAttempts"/>.
    /// </summary>
    public double BudgetRatio { get => _budgetRatio; set => Set(ref _budgetRatio, value); }

    /// <summary>The retries always available, whatever the budget has earned.</summary>
    public int BudgetMinimum { get => _budgetMinimum; set => Set(ref _budgetMinimum, value); }

    internal void Validate()
    {
        FeishuClientOptions.Require(MaxAttempts >= 1, "Retry.MaxAttempts must be at least 1 (the first attempt counts).");
        FeishuClientOptions.Require(MaxRateLimitRetries >= 0, "Retry.MaxRateLimitRetries must not be negative.");
        FeishuClientOptions.Require(BaseDelay >= TimeSpan.Zero && MaxDelay >= BaseDelay, "Retry.BaseDelay must be at least 0 and no more than Retry.MaxDelay.");
        FeishuClientOptions.Require(MaxRateLimitWait >= TimeSpan.Zero, "Retry.MaxRateLimitWait must not be negative.");
        FeishuClientOptions.Require(BudgetRatio >= 0 && !double.IsNaN(BudgetRatio) && !double.IsInfinity(BudgetRatio), "Retry.BudgetRatio must be a finite number at least 0.");
        FeishuClientOptions.Require(BudgetMinimum >= 0, "Retry.BudgetMinimum must not be negative.");
    }

    internal FeishuRetryOptions Freeze()
    {
        var copy = (FeishuRetryOptions)MemberwiseClone();
        copy._frozen = true;
        return copy;
    }

    private void Set<T>(ref T field, T value) => OptionsGuard.Set(_frozen, ref field, value, nameof(FeishuRetryOptions));
}
