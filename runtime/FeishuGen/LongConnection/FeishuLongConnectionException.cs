namespace FeishuGen.LongConnection;

/// <summary>The long connection could not be opened: the endpoint refused, or the handshake failed.</summary>
public sealed class FeishuLongConnectionException : FeishuException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong (never the secret).</param>
    /// <param name="code">Feishu's code, when it gave one.</param>
    /// <param name="isRetryable">Whether trying again later may work.</param>
    /// <param name="innerException">The cause.</param>
    public FeishuLongConnectionException(string message, long? code, bool isRetryable, System.Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
        IsRetryable = isRetryable;
    }

    /// <summary>Feishu's code (1000040350: over the connection limit of 50 per app).</summary>
    public long? Code { get; }

    /// <summary>False for refusals that waiting does not cure (a 403, over the connection limit).</summary>
    public bool IsRetryable { get; }

    /// <summary>Where it failed, for the reconnect metric: "endpoint" or "handshake".</summary>
    internal string Stage { get; init; } = "endpoint";

    /// <summary>
    /// The endpoint refused this app by code (wrong credentials, long connection not enabled): a
    /// person must act, so the connection tries again only at the slow pace.
    /// </summary>
    internal bool IsRefusal { get; init; }
}
