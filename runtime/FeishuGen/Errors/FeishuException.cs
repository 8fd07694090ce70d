using System;

namespace FeishuGen;

/// <summary>The base of every exception FeishuGen throws.</summary>
public class FeishuException : Exception
{
    private int? _httpStatus;
    private string? _logId;
    private string? _bodyExcerpt;

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong (never a secret or token).</param>
    /// <param name="innerException">The cause, if any.</param>
    public FeishuException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>The HTTP status of the reply, when there was one.</summary>
    public int? HttpStatus { get => _httpStatus; init => _httpStatus = value; }

    /// <summary>Feishu's log id (X-Tt-Logid, or X-Request-Id): quote it to Feishu support.</summary>
    public string? LogId { get => _logId; init => _logId = value; }

    /// <summary>
    /// The start of a reply that was not Feishu's envelope (a gateway's page, a proxy's JSON):
    /// at most 256 characters, control characters removed, any token the client sent masked.
    /// Null when the reply was a Feishu envelope.
    /// </summary>
    public string? BodyExcerpt { get => _bodyExcerpt; init => _bodyExcerpt = value; }

    // The runtime fills these after choosing the exception type; users set them with init.
    internal void SetReply(int? httpStatus, string? logId, string? bodyExcerpt = null)
    {
        _httpStatus = httpStatus;
        _logId = logId;
        _bodyExcerpt = bodyExcerpt;
    }
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

/// <summary>
/// The reply was not what Feishu sends: not JSON, a JSON body without Feishu's <c>code</c>, JSON
/// that does not fit the documented shape, or larger than <see cref="FeishuClientOptions.MaxResponseBytes"/>.
/// </summary>
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
