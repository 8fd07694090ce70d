using System;
using System.Threading;
using System.Threading.Tasks;

namespace FeishuGen.Testing;

/// <summary>The long connection's faults, as a real service and the networks in between have them.</summary>
public sealed partial class FeishuTestServer
{
    /// <summary>How many close frames clients sent (a clean stop sends one).</summary>
    public int LongConnectionCloses => Volatile.Read(ref _hub.Closes);

    /// <summary>How many times clients asked the long-connection endpoint where to connect.</summary>
    public int LongConnectionEndpointCalls => Volatile.Read(ref _hub.EndpointCalls);

    /// <summary>
    /// Makes the current long-connection socket half-open, as a NAT gateway or a sleeping laptop
    /// leaves it: no pong, no frame, no close. Later sockets behave again.
    /// </summary>
    /// <returns>False when no socket was open.</returns>
    public bool SilenceLongConnection() => _hub.GoSilent();

    /// <summary>The long-connection endpoint answers <paramref name="status"/> without JSON (502, 503, 429...) until called with null.</summary>
    /// <param name="status">The status, or null to answer normally again.</param>
    public void FailLongConnectionEndpoint(int? status) => _hub.EndpointOutage = status;

    /// <summary>
    /// The long-connection endpoint answers HTTP 200 with Feishu's JSON and <paramref name="code"/>, a
    /// refusal of the app (wrong credentials, long connection not enabled), until called with null.
    /// </summary>
    /// <param name="code">The code, or null to answer normally again.</param>
    public void RefuseLongConnectionEndpoint(long? code) => _hub.EndpointRefusal = code;

    /// <summary>WebSocket upgrades are left unanswered (true) or answered again (false).</summary>
    /// <param name="stall">Whether to leave them hanging.</param>
    public void StallLongConnectionHandshakes(bool stall) => _hub.StallHandshakes = stall;

    /// <summary>
    /// Sends <paramref name="envelope"/> once in a <c>type=card</c> frame and waits up to
    /// <paramref name="wait"/> for an ack. The real service sends callbacks in type=event frames and
    /// the official clients drop type=card frames without an ack: null is the expected answer.
    /// </summary>
    /// <param name="envelope">The callback's JSON.</param>
    /// <param name="wait">How long to wait for an ack.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<FeishuLongConnectionAck?> SendCardFrameAsync(string envelope, TimeSpan wait, CancellationToken cancellationToken = default)
        => _hub.SendCardFrameAsync(envelope, wait, cancellationToken);

    /// <summary>Sends a text message and a frame missing required fields on the open socket: a client skips both and stays connected.</summary>
    /// <param name="cancellationToken">Stops waiting for a socket.</param>
    public Task SendStrayLongConnectionMessagesAsync(CancellationToken cancellationToken = default) => _hub.SendStrayMessagesAsync(cancellationToken);
}
