using System;

namespace FeishuGen.LongConnection;

/// <summary>Where the long connection is in its life.</summary>
public enum FeishuLongConnectionState
{
    /// <summary>Not running: before <see cref="FeishuLongConnection.RunAsync"/>, or after it was stopped.</summary>
    Stopped,

    /// <summary>Opening the first socket (endpoint call, then handshake).</summary>
    Connecting,

    /// <summary>A socket is open and alive: events arrive.</summary>
    Connected,

    /// <summary>The socket was lost (closed, silent or refused for now); waiting to connect again, or connecting.</summary>
    Reconnecting,

    /// <summary>
    /// Refused for good: a 403, or the app's 50 connections are open, or the credentials are wrong.
    /// A person must act; <see cref="FeishuLongConnection.StateReason"/> says what happened.
    /// </summary>
    Failed,
}

/// <summary>A change of <see cref="FeishuLongConnection.State"/>.</summary>
public sealed class FeishuLongConnectionStateChangedEventArgs : EventArgs
{
    internal FeishuLongConnectionStateChangedEventArgs(FeishuLongConnectionState previous, FeishuLongConnectionState current, string? reason, DateTimeOffset at, int connections)
    {
        Previous = previous;
        Current = current;
        Reason = reason;
        At = at;
        Connections = connections;
    }

    /// <summary>The state before.</summary>
    public FeishuLongConnectionState Previous { get; }

    /// <summary>The state now.</summary>
    public FeishuLongConnectionState Current { get; }

    /// <summary>Why: the lost socket's reason when reconnecting, the refusal when failed; null otherwise. Never a secret.</summary>
    public string? Reason { get; }

    /// <summary>When the change happened.</summary>
    public DateTimeOffset At { get; }

    /// <summary>How many sockets have been opened so far (a Connected with Connections &gt; 1 is a reconnect: resynchronise what the gap may have missed).</summary>
    public int Connections { get; }
}
