using System;

namespace FeishuGen.LongConnection;

/// <summary>How the long connection behaves beyond what the server's ClientConfig says.</summary>
public sealed class FeishuLongConnectionOptions
{
    /// <summary>How long the parts of a fragmented event are kept waiting for the rest (10 s).</summary>
    public TimeSpan FragmentTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a stop waits for the socket's close handshake before dropping it (1 s).</summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The wait before asking the endpoint again after a retryable refusal (5 s, plus up to as much jitter).</summary>
    public TimeSpan EndpointRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest frame accepted (16 MiB).</summary>
    public int MaxFrameBytes { get; set; } = 16 * 1024 * 1024;
}
