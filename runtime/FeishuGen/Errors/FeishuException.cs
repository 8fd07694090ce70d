using System;

namespace FeishuGen;

/// <summary>The base of every exception FeishuGen throws.</summary>
public class FeishuException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong (never a secret or token).</param>
    /// <param name="innerException">The cause, if any.</param>
    public FeishuException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>The HTTP status of the reply, when there was one.</summary>
    public int? HttpStatus { get; internal set; }

    /// <summary>Feishu's log id (X-Tt-Logid, or X-Request-Id): quote it to Feishu support.</summary>
    public string? LogId { get; internal set; }
}

/// <summary>The client is configured so that it cannot work (missing id or secret, no usable token type).</summary>
public sealed class FeishuConfigurationException : FeishuException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What to fix.</param>
    public FeishuConfigurationException(string message)
        : base(message)
    {
    }
}

/// <summary>The reply was not what Feishu sends: not JSON, or JSON that does not fit the documented shape.</summary>
public sealed class FeishuResponseFormatException : FeishuException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was wrong with the reply.</param>
    /// <param name="innerException">The parser's exception, if any.</param>
    public FeishuResponseFormatException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
