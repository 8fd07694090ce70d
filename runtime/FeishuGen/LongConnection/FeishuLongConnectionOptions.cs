using System;
using System.Net;

namespace FeishuGen.LongConnection;

/// <summary>How the long connection behaves beyond what the server's ClientConfig says.</summary>
public sealed class FeishuLongConnectionOptions
{
    /// <summary>How long the parts of a fragmented event are kept waiting for the rest (10 s).</summary>
    public TimeSpan FragmentTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a stop waits for the socket's close handshake (a close frame sent, the server's close back) before dropping it (1 s).</summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How many ping intervals may pass without a pong or any other frame before the socket is
    /// taken for dead and replaced (3). A half-open socket (a NAT gateway, a load balancer or a
    /// sleeping laptop dropped it) sends nothing and reports no error; this is how it is noticed.
    /// 0 turns the watchdog off.
    /// </summary>
    public int WatchdogPingIntervals { get; set; } = 3;

    /// <summary>How long the WebSocket handshake may take before the attempt counts as failed and is retried (15 s).</summary>
    public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The pace of reconnects once the server's <c>ReconnectCount</c> has run out (5 min, plus up to
    /// ReconnectNonce random seconds; never less than ReconnectInterval): the connection keeps trying
    /// while the host runs, slowly. Only a 403 and the 50-connection limit stop it.
    /// </summary>
    public TimeSpan ExhaustedReconnectInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The proxy for the endpoint call and the WebSocket; null (the default) uses the system proxy
    /// (HTTPS_PROXY, HTTP_PROXY, ALL_PROXY and NO_PROXY on Linux and macOS, the system settings on Windows).
    /// </summary>
    public IWebProxy? Proxy { get; set; }

    /// <summary>False connects directly, ignoring <see cref="Proxy"/> and the system proxy (default true).</summary>
    public bool UseProxy { get; set; } = true;

    /// <summary>The longest frame accepted (16 MiB); a longer one is skipped and logged.</summary>
    public int MaxFrameBytes { get; set; } = 16 * 1024 * 1024;

    internal void Validate()
    {
        FeishuClientOptions.Require(FragmentTimeout > TimeSpan.Zero, "FragmentTimeout must be positive.", nameof(FeishuLongConnectionOptions));
        FeishuClientOptions.Require(CloseTimeout >= TimeSpan.Zero, "CloseTimeout must not be negative.", nameof(FeishuLongConnectionOptions));
        FeishuClientOptions.Require(WatchdogPingIntervals >= 0, "WatchdogPingIntervals must be 0 (off) or more.", nameof(FeishuLongConnectionOptions));
        FeishuClientOptions.Require(HandshakeTimeout > TimeSpan.Zero, "HandshakeTimeout must be positive.", nameof(FeishuLongConnectionOptions));
        FeishuClientOptions.Require(ExhaustedReconnectInterval > TimeSpan.Zero, "ExhaustedReconnectInterval must be positive.", nameof(FeishuLongConnectionOptions));
        FeishuClientOptions.Require(MaxFrameBytes > 0, "MaxFrameBytes must be positive.", nameof(FeishuLongConnectionOptions));
    }
}
