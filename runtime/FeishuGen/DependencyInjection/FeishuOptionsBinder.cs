using System;
using System.Globalization;
using FeishuGen;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Reads <see cref="FeishuClientOptions"/> from configuration by key, without the reflection-based
/// binder, so that apps stay trimmable and NativeAOT-clean.
/// </summary>
public static class FeishuOptionsBinder
{
    /// <summary>Copies the keys present in <paramref name="section"/> onto <paramref name="options"/>.</summary>
    /// <param name="section">The configuration section.</param>
    /// <param name="options">The options to fill.</param>
    public static void Bind(IConfiguration section, FeishuClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(options);
        options.AppId = section["AppId"] ?? options.AppId;
        options.AppSecret = section["AppSecret"] ?? options.AppSecret;
        if (section["Domain"] is { } domain)
        {
            options.BaseAddress = domain.Equals("Lark", StringComparison.OrdinalIgnoreCase) ? FeishuClientOptions.LarkDomain : FeishuClientOptions.FeishuDomain;
        }

        if (section["BaseAddress"] is { Length: > 0 } baseAddress)
        {
            options.BaseAddress = new Uri(baseAddress);
        }

        if (section["AppType"] is { } appType)
        {
            options.AppType = Enum.Parse<FeishuAppType>(appType, ignoreCase: true);
        }

        options.Timeout = Span(section["Timeout"]) ?? options.Timeout;
        options.UploadTimeout = Span(section["UploadTimeout"]) ?? options.UploadTimeout;
        options.PooledConnectionLifetime = Span(section["PooledConnectionLifetime"]) ?? options.PooledConnectionLifetime;
        options.MaxResponseBytes = section["MaxResponseBytes"] is { } max ? long.Parse(max, CultureInfo.InvariantCulture) : options.MaxResponseBytes;
        options.TokenRefreshMargin = Span(section["TokenRefreshMargin"]) ?? options.TokenRefreshMargin;
        options.UserAgent = section["UserAgent"] ?? options.UserAgent;

        var retry = section.GetSection("Retry");
        options.Retry.Enabled = Bool(retry["Enabled"]) ?? options.Retry.Enabled;
        options.Retry.MaxAttempts = Int(retry["MaxAttempts"]) ?? options.Retry.MaxAttempts;
        options.Retry.MaxRateLimitRetries = Int(retry["MaxRateLimitRetries"]) ?? options.Retry.MaxRateLimitRetries;
        options.Retry.BaseDelay = Span(retry["BaseDelay"]) ?? options.Retry.BaseDelay;
        options.Retry.MaxDelay = Span(retry["MaxDelay"]) ?? options.Retry.MaxDelay;
        options.Retry.MaxRateLimitWait = Span(retry["MaxRateLimitWait"]) ?? options.Retry.MaxRateLimitWait;
        options.Retry.RetryNonIdempotent = Bool(retry["RetryNonIdempotent"]) ?? options.Retry.RetryNonIdempotent;
    }

    private static TimeSpan? Span(string? value) => value is null ? null : TimeSpan.Parse(value, CultureInfo.InvariantCulture);

    private static int? Int(string? value) => value is null ? null : int.Parse(value, CultureInfo.InvariantCulture);

    private static bool? Bool(string? value) => value is null ? null : bool.Parse(value);
}
