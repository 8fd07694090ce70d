using System;

namespace FeishuGen.Testing;

/// <summary>What the server does wrong, once, to the request a fault is aimed at.</summary>
public enum FeishuFaultKind
{
    /// <summary>Closes the connection before reading the request body.</summary>
    DropBeforeRead,

    /// <summary>Reads the whole request, then closes the connection without answering.</summary>
    DropAfterRead,

    /// <summary>Waits before answering normally (past a client's timeout, say).</summary>
    Delay,
}

/// <summary>A fault to inject into the next request it matches.</summary>
/// <param name="Kind">What goes wrong.</param>
/// <param name="Duration">How long a <see cref="FeishuFaultKind.Delay"/> waits.</param>
public sealed record FeishuFault(FeishuFaultKind Kind, TimeSpan Duration = default)
{
    /// <summary>Drop the connection before reading the request.</summary>
    public static FeishuFault DropBeforeRead { get; } = new(FeishuFaultKind.DropBeforeRead);

    /// <summary>Drop the connection after reading the request.</summary>
    public static FeishuFault DropAfterRead { get; } = new(FeishuFaultKind.DropAfterRead);

    /// <summary>Answer only after <paramref name="duration"/>.</summary>
    /// <param name="duration">The wait.</param>
    public static FeishuFault Delay(TimeSpan duration) => new(FeishuFaultKind.Delay, duration);
}
