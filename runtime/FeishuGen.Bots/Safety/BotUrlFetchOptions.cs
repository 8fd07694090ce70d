using System;
using System.Collections.Generic;

namespace FeishuGen.Bots;

/// <summary>
/// What the bot may fetch when it uploads from a URL. By default only public addresses: loopback,
/// private (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7), link-local (169.254/16 — the cloud
/// metadata address —, fe80::/10) and other reserved ranges are refused, on every redirect too, and
/// the check is made on the address actually connected to, so DNS cannot be made to point elsewhere
/// between the check and the connection.
/// </summary>
public sealed class BotUrlFetchOptions
{
    /// <summary>Allow loopback addresses (127/8, ::1): only for tests against a local server.</summary>
    public bool AllowLoopback { get; set; }

    /// <summary>Allow private and link-local addresses: only inside a network you trust.</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>Redirects followed (5), each checked like the first request.</summary>
    public int MaxRedirects { get; set; } = 5;

    /// <summary>The largest body taken (30 MB, Feishu's file limit).</summary>
    public long MaxBytes { get; set; } = 30L * 1024 * 1024;

    /// <summary>How long one fetch may take (30 s).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The URL schemes allowed (http and https).</summary>
    public IReadOnlySet<string> Schemes { get; set; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https" };

    internal void Validate()
    {
        BotChecks.Require(MaxRedirects >= 0, "MaxRedirects must not be negative.", nameof(BotUrlFetchOptions));
        BotChecks.Require(MaxBytes > 0, "MaxBytes must be positive.", nameof(BotUrlFetchOptions));
        BotChecks.Require(Timeout > TimeSpan.Zero, "Timeout must be positive.", nameof(BotUrlFetchOptions));
    }
}
