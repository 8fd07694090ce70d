using System;
using System.Threading;
using System.Threading.Tasks;

namespace FeishuGen;

/// <summary>
/// How a <see cref="FeishuClient"/> reaches Feishu and who it is. The client validates these and
/// keeps a frozen copy: changing this object afterwards does not change a running client, and the
/// copy it exposes (<see cref="FeishuClient.Options"/>) refuses changes.
/// </summary>
public sealed partial class FeishuClientOptions
{
    /// <summary>The Feishu (China) open platform.</summary>
    public static readonly Uri FeishuDomain = new("https://open.feishu.cn");

    /// <summary>The Lark (international) open platform.</summary>
    public static readonly Uri LarkDomain = new("https://open.larksuite.com");

    private string _appId = string.Empty;
    private string _appSecret = string.Empty;
    private Uri _baseAddress = FeishuDomain;
    private FeishuAppType _appType = FeishuAppType.SelfBuilt;
    private Func<CancellationToken, ValueTask<string?>>? _appTicketProvider;
    private TimeSpan _tokenRefreshMargin = TimeSpan.FromMinutes(5);
    private FeishuRetryOptions _retry = new();
    private TimeSpan _timeout = TimeSpan.FromSeconds(30);
    private TimeSpan _uploadTimeout = TimeSpan.FromMinutes(5);
    private long _maxResponseBytes = 64L * 1024 * 1024;
    private TimeSpan _pooledConnectionLifetime = TimeSpan.FromMinutes(5);
    private string _userAgent = "FeishuGen/0.1";

    /// <summary>The app's ID (cli_…).</summary>
    public string AppId { get => _appId; set => Set(ref _appId, value); }

    /// <summary>The app's secret. Never logged and never part of a message.</summary>
    public string AppSecret { get => _appSecret; set => Set(ref _appSecret, value); }

    /// <summary>Where calls go: <see cref="FeishuDomain"/> (default), <see cref="LarkDomain"/>, or any base address such as a local test server.</summary>
    public Uri BaseAddress { get => _baseAddress; set => Set(ref _baseAddress, value); }

    /// <summary>Self-built (custom) apps fetch tokens with id and secret; store (ISV) apps also need an app_ticket.</summary>
    public FeishuAppType AppType { get => _appType; set => Set(ref _appType, value); }

    /// <summary>
    /// For store apps: returns the latest app_ticket, which Feishu pushes hourly as an
    /// <c>app_ticket</c> event (hand it over from your event handler or a shared store).
    /// </summary>
    public Func<CancellationToken, ValueTask<string?>>? AppTicketProvider { get => _appTicketProvider; set => Set(ref _appTicketProvider, value); }

    /// <summary>
    /// How long before a token's expiry it is fetched anew: Feishu's own advice is about five
    /// minutes. Must be under 30 minutes, because Feishu hands back the same token while more
    /// than 30 minutes remain, so a longer margin would fetch on every call.
    /// </summary>
    public TimeSpan TokenRefreshMargin { get => _tokenRefreshMargin; set => Set(ref _tokenRefreshMargin, value); }

    /// <summary>How calls are retried after rate limits and faults.</summary>
    public FeishuRetryOptions Retry { get => _retry; set => Set(ref _retry, value); }

    /// <summary>The time limit of one HTTP attempt of a JSON call, from sending to the last byte of the reply.</summary>
    public TimeSpan Timeout { get => _timeout; set => Set(ref _timeout, value); }

    /// <summary>
    /// The time limit of one attempt of an upload (multipart) call, which includes sending the
    /// file. Per call, <see cref="FeishuRequestOptions.Timeout"/> overrides both limits.
    /// </summary>
    public TimeSpan UploadTimeout { get => _uploadTimeout; set => Set(ref _uploadTimeout, value); }

    /// <summary>
    /// The largest JSON reply read (64 MiB by default): a larger one fails with
    /// <see cref="FeishuResponseFormatException"/> instead of exhausting memory. Downloads are
    /// streamed and not limited.
    /// </summary>
    public long MaxResponseBytes { get => _maxResponseBytes; set => Set(ref _maxResponseBytes, value); }

    /// <summary>
    /// How long a pooled connection of the client's own HttpClient is reused before a new one is
    /// opened, so DNS changes are seen (5 minutes). Not used when you pass an HttpClient or use
    /// IHttpClientFactory, which rotate their handlers themselves.
    /// </summary>
    public TimeSpan PooledConnectionLifetime { get => _pooledConnectionLifetime; set => Set(ref _pooledConnectionLifetime, value); }

    /// <summary>Sent as the User-Agent header (product tokens, e.g. <c>MyApp/1.2 FeishuGen/0.1</c>).</summary>
    public string UserAgent { get => _userAgent; set => Set(ref _userAgent, value); }
}

/// <summary>The two kinds of Feishu app.</summary>
public enum FeishuAppType
{
    /// <summary>An app built by and for one tenant (企业自建应用).</summary>
    SelfBuilt,

    /// <summary>An app from the app store, installed by many tenants (应用商店应用).</summary>
    Store,
}
