namespace FeishuGen.Events;

/// <summary>Why an event request was refused.</summary>
public enum FeishuEventRejection
{
    /// <summary>The body is larger than allowed.</summary>
    TooLarge,

    /// <summary>The signature headers are missing or do not match the raw body.</summary>
    BadSignature,

    /// <summary>The timestamp is outside the allowed window: an old request replayed, or a wrong clock.</summary>
    StaleTimestamp,

    /// <summary>The encrypted body cannot be decrypted with the Encrypt Key.</summary>
    BadCiphertext,

    /// <summary>The body is not the JSON Feishu sends.</summary>
    MalformedBody,

    /// <summary>The verification token is missing or wrong.</summary>
    BadToken,
}

/// <summary>
/// An event request was refused before any handler ran. The message says why in general terms
/// and never repeats a key, token or body; answer it with a 4xx and nothing more.
/// </summary>
public sealed class FeishuEventRejectedException : FeishuException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reason">Why the request was refused.</param>
    /// <param name="message">What was wrong, without secrets.</param>
    public FeishuEventRejectedException(FeishuEventRejection reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    /// <summary>Why the request was refused.</summary>
    public FeishuEventRejection Reason { get; }
}
