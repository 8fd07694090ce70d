using System;

namespace FeishuGen.Events;

/// <summary>How event requests are authenticated: the app's Verification Token and, when set, its Encrypt Key.</summary>
public class FeishuEventSecurityOptions
{
    /// <summary>The Verification Token from the app's event settings; checked on every request, in constant time. Required.</summary>
    public string VerificationToken { get; set; } = string.Empty;

    /// <summary>The Encrypt Key, when the app has one: bodies are decrypted, and every request but url_verification must carry a valid signature.</summary>
    public string? EncryptKey { get; set; }

    /// <summary>How far X-Lark-Request-Timestamp may be from now (5 minutes): an older request is a replay.</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The largest body read (1 MiB); Feishu's events are far smaller.</summary>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    internal void Validate()
    {
        FeishuClientOptions.Require(!string.IsNullOrWhiteSpace(VerificationToken), "VerificationToken is empty: set the app's Verification Token (event settings).", nameof(FeishuEventOptions));
        FeishuClientOptions.Require(MaxClockSkew > TimeSpan.Zero, "MaxClockSkew must be positive.", nameof(FeishuEventOptions));
        FeishuClientOptions.Require(MaxBodyBytes > 0, "MaxBodyBytes must be positive.", nameof(FeishuEventOptions));
    }
}
