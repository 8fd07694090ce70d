using System;

namespace FeishuGen.Testing;

public sealed partial class FeishuTestServerOptions
{
    /// <summary>
    /// Plays the messaging and CardKit endpoints with state (<see cref="FeishuTestServer.Messenger"/>):
    /// real message ids, threads, uuids, edits, uploads, reactions, the bot's identity and card
    /// entities with their sequences and streaming mode. Off by default, so that servers of pages
    /// answer every endpoint with its documented example.
    /// </summary>
    public bool SimulateMessaging { get; set; }

    /// <summary>The bot's open_id (获取机器人信息, and the mention of the bot in <see cref="FeishuTestMessenger.UserSends"/>).</summary>
    public string BotOpenId { get; set; } = "ou_local_bot";

    /// <summary>The bot's name.</summary>
    public string BotName { get; set; } = "本地助手";

    /// <summary>How long a card's streaming mode stays open after it was opened (Feishu: 10 minutes).</summary>
    public TimeSpan CardStreamingLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>CardKit calls a second one card takes before 99991400 (Feishu: 10).</summary>
    public int CardKitCallsPerSecondPerCard { get; set; } = 10;

    /// <summary>CardKit calls a second the app takes before 99991400 (Feishu: 50).</summary>
    public int CardKitCallsPerSecondPerApp { get; set; } = 50;
}
