using System;

namespace FeishuGen;

/// <summary>How a <see cref="FeishuClient"/> reaches Feishu and who it is.</summary>
public sealed class FeishuClientOptions
{
    /// <summary>The Feishu (China) open platform.</summary>
    public static readonly Uri FeishuDomain = new("https://open.feishu.cn");

    /// <summary>The Lark (international) open platform.</summary>
    public static readonly Uri LarkDomain = new("https://open.larksuite.com");

    /// <summary>The app's ID (cli_…).</summary>
    public string AppId { get; set; } = string.Empty;

    /// <summary>The app's secret. Never logged and never part of a message.</summary>
    public string AppSecret { get; set; } = string.Empty;

    /// <summary>Where calls go: <see cref="FeishuDomain"/> (default), <see cref="LarkDomain"/>, or any base address such as a local test server.</summary>
    public Uri BaseAddress { get; set; } = FeishuDomain;

    /// <summary>Self-built (custom) apps fetch tokens with id and secret; store (ISV) apps also need an app_ticket.</summary>
    public FeishuAppType AppType { get; set; } = FeishuAppType.SelfBuilt;

    /// <summary>
    /// For store apps: returns the latest app_ticket, which Feishu pushes hourly as an
    /// <c>app_ticket</c> event (hand it over from your event handler or a shared store).
    /// </summary>
    public System.Func<System.Threading.CancellationToken, System.Threading.Tasks.ValueTask<string?>>? AppTicketProvider { get; set; }

    /// <summary>How long before a token's expiry it is fetched anew. Feishu's own advice is about five minutes.</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How calls are retried after rate limits and faults.</summary>
    public FeishuRetryOptions Retry { get; set; } = new();

    /// <summary>The time limit of one HTTP attempt.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Sent as the User-Agent header.</summary>
    public string UserAgent { get; set; } = "FeishuGen/0.1";

    /// <summary>Throws when the options cannot work, naming the property (never its value).</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(AppId))
        {
            throw new FeishuConfigurationException("FeishuClientOptions.AppId is empty: set the app's ID (cli_…).");
        }

        if (string.IsNullOrWhiteSpace(AppSecret))
        {
            throw new FeishuConfigurationException("FeishuClientOptions.AppSecret is empty: set the app's secret.");
        }

        if (BaseAddress is null || !BaseAddress.IsAbsoluteUri)
        {
            throw new FeishuConfigurationException("FeishuClientOptions.BaseAddress must be an absolute URI such as https://open.feishu.cn.");
        }
    }
}

/// <summary>The two kinds of Feishu app.</summary>
public enum FeishuAppType
{
    /// <summary>An app built by and for one tenant (企业自建应用).</summary>
    SelfBuilt,

    /// <summary>An app from the app store, installed by many tenants (应用商店应用).</summary>
    Store,
}
