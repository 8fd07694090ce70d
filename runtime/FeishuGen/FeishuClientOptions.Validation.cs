using System;
using System.Net.Http.Headers;

namespace FeishuGen;

public sealed partial class FeishuClientOptions
{
    private bool _frozen;

    /// <summary>Whether these options belong to a client and refuse changes.</summary>
    public bool IsFrozen => _frozen;

    /// <summary>Throws when the options cannot work, naming the property and the rule (never a secret's value).</summary>
    /// <exception cref="FeishuConfigurationException">A property is missing or out of range.</exception>
    public void Validate()
    {
        Require(!string.IsNullOrWhiteSpace(AppId), "AppId is empty: set the app's ID (cli_…).");
        Require(!string.IsNullOrWhiteSpace(AppSecret), "AppSecret is empty: set the app's secret.");
        Require(BaseAddress is { IsAbsoluteUri: true } && (BaseAddress.Scheme == Uri.UriSchemeHttps || BaseAddress.Scheme == Uri.UriSchemeHttp), "BaseAddress must be an absolute http(s) URI such as https://open.feishu.cn.");
        Require(TokenRefreshMargin >= TimeSpan.Zero && TokenRefreshMargin < TimeSpan.FromMinutes(30), "TokenRefreshMargin must be at least 0 and under 30 minutes (Feishu returns the same token while more than 30 minutes remain, so a longer margin would fetch a token on every call).");
        Require(IsPositive(Timeout), "Timeout must be positive (or Timeout.InfiniteTimeSpan).");
        Require(IsPositive(UploadTimeout), "UploadTimeout must be positive (or Timeout.InfiniteTimeSpan).");
        Require(MaxResponseBytes > 0 && MaxResponseBytes <= int.MaxValue, "MaxResponseBytes must be between 1 and 2 GiB.");
        Require(PooledConnectionLifetime > TimeSpan.Zero || PooledConnectionLifetime == System.Threading.Timeout.InfiniteTimeSpan, "PooledConnectionLifetime must be positive (or Timeout.InfiniteTimeSpan).");
        Require(!string.IsNullOrWhiteSpace(UserAgent) && ParsesAsUserAgent(UserAgent), "UserAgent must be product tokens such as MyApp/1.0.");
        Require(Retry is not null, "Retry must not be null.");
        Retry!.Validate();
    }

    /// <summary>A validated, frozen copy for a client to keep.</summary>
    internal FeishuClientOptions Freeze()
    {
        Validate();
        var copy = (FeishuClientOptions)MemberwiseClone();
        copy._retry = Retry.Freeze();
        copy._frozen = true;
        return copy;
    }

    internal static void Require(bool condition, string rule, string owner = nameof(FeishuClientOptions))
    {
        if (!condition)
        {
            throw new FeishuConfigurationException(owner + "." + rule);
        }
    }

    private static bool IsPositive(TimeSpan span) => span > TimeSpan.Zero || span == System.Threading.Timeout.InfiniteTimeSpan;

    private static bool ParsesAsUserAgent(string value)
    {
        using var probe = new System.Net.Http.HttpRequestMessage();
        return probe.Headers.UserAgent.TryParseAdd(value) && probe.Headers.UserAgent.Count > 0;
    }

    private void Set<T>(ref T field, T value) => OptionsGuard.Set(_frozen, ref field, value, nameof(FeishuClientOptions));
}

/// <summary>The one rule of frozen options: a running client's settings do not change under it.</summary>
internal static class OptionsGuard
{
    public static void Set<T>(bool frozen, ref T field, T value, string owner)
    {
        if (frozen)
        {
            throw new InvalidOperationException($"These {owner} belong to a running FeishuClient and cannot change: create a new client with new options.");
        }

        field = value;
    }
}
