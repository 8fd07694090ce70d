using System;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Bots.Api;
using FeishuGen.Bots.Api.Bot.V3;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeishuGen.Bots;

/// <summary>
/// A Feishu bot: sends typed content (<see cref="SendAsync"/>, <see cref="ReplyAsync(BotMessage, MessageContent, BotSendOptions?, CancellationToken)"/>),
/// streams answers into cards (<see cref="StreamReplyAsync"/>), and, attached to a
/// <see cref="Events.FeishuEventDispatcher"/>, hands its handlers normalised messages one at a time
/// per chat (<see cref="OnMessage"/>), card actions, reactions and membership changes. Its Feishu
/// calls are generated from the pages in this package's specs (<see cref="Api"/>). Make one per app:
/// the CardKit rate limit it keeps to is the app's.
/// </summary>
public sealed partial class FeishuBot : IDisposable
{
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Lazy<BotUrlFetcher> _fetcher;
    private readonly SemaphoreSlim _identityGate = new(1, 1);
    private BotIdentity? _identity;

    /// <summary>Creates a bot over a configured client.</summary>
    /// <param name="client">The client (credentials, tokens, retries).</param>
    /// <param name="options">Policy, ordering and limits; defaults when null.</param>
    /// <param name="logger">Logs dropped messages, handler failures and stream fallbacks.</param>
    /// <param name="timeProvider">The clock for the stale window and the rate limits.</param>
    /// <param name="messageDeduplication">Where handled message ids are remembered (in memory when null; share one through IDistributedCache for several instances).</param>
    public FeishuBot(FeishuClient client, FeishuBotOptions? options = null, ILogger<FeishuBot>? logger = null, TimeProvider? timeProvider = null, Events.IFeishuEventDeduplication? messageDeduplication = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        Options = options ?? new FeishuBotOptions();
        Options.Validate();
        Api = new FeishuBotApi(client);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _fetcher = new Lazy<BotUrlFetcher>(() => new BotUrlFetcher(Options.UrlFetch));
        _messages = messageDeduplication ?? new Events.InMemoryFeishuEventDeduplication(Options.MessageDeduplicationWindow, _time);
        _lanes = new ChatLanes(Options.MaxPendingPerChat, Options.MaxConcurrentChats);
        AppLimiter = new RateGate(Options.Streaming.CallsPerSecondPerApp, TimeSpan.FromSeconds(1), _time);
    }

    /// <summary>The endpoints the bot calls (its generated catalogue), e.g. for the local test server.</summary>
    public static System.Collections.Generic.IReadOnlyList<FeishuEndpoint> Endpoints => FeishuEndpointCatalogue.All;

    /// <summary>The generated Feishu calls the bot makes, for anything the bot does not wrap.</summary>
    public FeishuBotApi Api { get; }

    /// <summary>The bot's settings.</summary>
    public FeishuBotOptions Options { get; }

    /// <summary>The policy in force; replace it at any time (it is read per message).</summary>
    public BotPolicy Policy
    {
        get => Volatile.Read(ref _policy) ?? Options.Policy;
        set => Volatile.Write(ref _policy, value ?? throw new ArgumentNullException(nameof(value)));
    }

    private BotPolicy? _policy;

    /// <summary>The app-wide CardKit rate gate every stream of this bot shares.</summary>
    internal RateGate AppLimiter { get; }

    internal TimeProvider Time => _time;

    internal ILogger Logger => _logger;

    /// <summary>The bot's identity (获取机器人信息), fetched on first use and kept; concurrent callers share one fetch.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public async Task<BotIdentity> GetIdentityAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _identity) is { } known)
        {
            return known;
        }

        await _identityGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_identity is null)
            {
                var info = await Api.Bot.V3.Info.GetAsync(new GetInfoRequest(), cancellationToken).ConfigureAwait(false);
                var bot = info.Bot ?? throw new FeishuResponseFormatException("获取机器人信息 answered without its bot member; is the bot ability enabled for the app?");
                Volatile.Write(ref _identity, new BotIdentity
                {
                    OpenId = bot.OpenId ?? throw new FeishuResponseFormatException("获取机器人信息 answered without the bot's open_id."),
                    AppName = bot.AppName,
                    AvatarUrl = bot.AvatarUrl,
                    ActivateStatus = bot.ActivateStatus,
                });
            }

            return _identity!;
        }
        finally
        {
            _identityGate.Release();
        }
    }

    /// <summary>Releases the URL fetcher's connections.</summary>
    public void Dispose()
    {
        if (_fetcher.IsValueCreated)
        {
            _fetcher.Value.Dispose();
        }

        _identityGate.Dispose();
    }
}
