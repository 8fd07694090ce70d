using System;

namespace FeishuGen;

/// <summary>Feishu rate-limited the call (99991400 or HTTP 429) and the retries allowed did not get through.</summary>
public sealed class FeishuRateLimitException : FeishuApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">Feishu's code.</param>
    /// <param name="msg">Feishu's msg.</param>
    /// <param name="message">The full message.</param>
    public FeishuRateLimitException(int code, string msg, string message)
        : base(code, msg, message)
    {
    }

    /// <summary>How long Feishu asked to wait (x-ogw-ratelimit-reset), when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }
}

/// <summary>The app or user lacks a permission; <see cref="FeishuApiException.MissingScopes"/> names it when Feishu does. Never retried.</summary>
public sealed class FeishuPermissionException : FeishuApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">Feishu's code.</param>
    /// <param name="msg">Feishu's msg.</param>
    /// <param name="message">The full message.</param>
    public FeishuPermissionException(int code, string msg, string message)
        : base(code, msg, message)
    {
    }
}

/// <summary>A token or the app's credentials were rejected, or the app is disabled: a configuration problem, not a transient one.</summary>
public sealed class FeishuAuthenticationException : FeishuApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">Feishu's code.</param>
    /// <param name="msg">Feishu's msg.</param>
    /// <param name="message">The full message.</param>
    public FeishuAuthenticationException(int code, string msg, string message)
        : base(code, msg, message)
    {
    }
}

/// <summary>Feishu failed (HTTP 5xx) and the retries allowed did not get through.</summary>
public sealed class FeishuServerException : FeishuApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">Feishu's code (the HTTP status when the body had none).</param>
    /// <param name="msg">Feishu's msg, or the reason phrase.</param>
    /// <param name="message">The full message.</param>
    public FeishuServerException(int code, string msg, string message)
        : base(code, msg, message)
    {
    }
}

/// <summary>The call did not complete: a timeout or a broken connection, after the retries allowed.</summary>
public sealed class FeishuTransportException : FeishuException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The HTTP stack's exception.</param>
    public FeishuTransportException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Whether the attempt timed out (rather than failing to connect or losing the connection).</summary>
    public bool IsTimeout { get; init; }

    /// <summary>How many attempts were made.</summary>
    public int Attempts { get; init; }
}
