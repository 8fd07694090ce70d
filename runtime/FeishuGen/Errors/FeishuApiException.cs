using System;
using System.Collections.Generic;
using System.Text;

namespace FeishuGen;

/// <summary>What kind of failure a Feishu error code is, so callers can react without memorising codes.</summary>
public enum FeishuErrorCategory
{
    /// <summary>A business error of the endpoint (see its documented codes).</summary>
    Business,

    /// <summary>Too many calls (99991400 or HTTP 429): wait and retry.</summary>
    RateLimited,

    /// <summary>The app or user lacks a scope or permission: apply for it, do not retry.</summary>
    Permission,

    /// <summary>Token or app credentials are invalid, or the app is disabled.</summary>
    Authentication,

    /// <summary>Feishu failed (HTTP 5xx): may succeed later.</summary>
    Server,
}

/// <summary>
/// Feishu answered with a non-zero code. Carries the HTTP status, code, msg, log id, the
/// structured error details and, when the endpoint's page documents the code, its description
/// and troubleshooting hint. Never carries a token or secret.
/// </summary>
public class FeishuApiException : FeishuException
{
    private FeishuErrorCategory _category;
    private string? _endpoint;
    private string? _description;
    private string? _hint;
    private FeishuErrorDetails? _details;
    private IReadOnlyList<string> _missingScopes = Array.Empty<string>();

    /// <summary>Creates the exception.</summary>
    /// <param name="code">Feishu's error code.</param>
    /// <param name="msg">Feishu's msg.</param>
    /// <param name="message">The full message.</param>
    public FeishuApiException(int code, string msg, string message)
        : base(message)
    {
        Code = code;
        Msg = msg;
    }

    /// <summary>Feishu's error code.</summary>
    public int Code { get; }

    /// <summary>Feishu's msg.</summary>
    public string Msg { get; }

    /// <summary>The kind of failure.</summary>
    public FeishuErrorCategory Category { get => _category; init => _category = value; }

    /// <summary>The endpoint that failed, as "METHOD /path".</summary>
    public string? Endpoint { get => _endpoint; init => _endpoint = value; }

    /// <summary>The page's description of <see cref="Code"/>, when documented.</summary>
    public string? Description { get => _description; init => _description = value; }

    /// <summary>The page's troubleshooting hint (排查建议) for <see cref="Code"/>, when documented.</summary>
    public string? Hint { get => _hint; init => _hint = value; }

    /// <summary>The reply's <c>error</c> object, when Feishu sent one.</summary>
    public FeishuErrorDetails? Details { get => _details; init => _details = value; }

    /// <summary>The scopes the reply says are missing (permission errors).</summary>
    public IReadOnlyList<string> MissingScopes { get => _missingScopes; init => _missingScopes = value; }

    /// <summary>
    /// Builds the exception the client throws for a failed reply: the subclass that fits the code
    /// (<see cref="FeishuRateLimitException"/> for 99991400, <see cref="FeishuPermissionException"/>
    /// for a missing scope, and so on), its category, missing scopes and message. Use it to fake
    /// realistic failures in your own tests.
    /// </summary>
    /// <param name="code">Feishu's error code.</param>
    /// <param name="msg">Feishu's msg.</param>
    /// <param name="httpStatus">The HTTP status, if any.</param>
    /// <param name="logId">The log id.</param>
    /// <param name="endpoint">The endpoint, as "METHOD /path".</param>
    /// <param name="details">The reply's <c>error</c> object.</param>
    /// <param name="documented">The page's entry for the code (description and hint).</param>
    /// <param name="retryAfter">For rate limits: how long Feishu asked to wait.</param>
    public static FeishuApiException Create(int code, string msg, int? httpStatus = null, string? logId = null, string? endpoint = null, FeishuErrorDetails? details = null, FeishuErrorDoc? documented = null, TimeSpan? retryAfter = null)
        => Errors.FeishuErrors.Create(httpStatus, code, msg, details, logId, endpoint, documented, retryAfter);

    // The runtime fills these after choosing the subclass; users set them with init.
    internal void Describe(FeishuErrorCategory category, string? endpoint, FeishuErrorDoc? doc, FeishuErrorDetails? details, IReadOnlyList<string> missingScopes)
    {
        _category = category;
        _endpoint = endpoint;
        _description = doc?.Description;
        _hint = doc?.Hint;
        _details = details;
        _missingScopes = missingScopes;
    }

    internal static string Compose(int? status, int code, string msg, string? endpoint, string? logId, FeishuErrorDoc? doc, IReadOnlyList<string> missingScopes)
    {
        var builder = new StringBuilder();
        builder.Append("Feishu error ").Append(code).Append(": ").Append(msg);
        if (endpoint is not null)
        {
            builder.Append(" (").Append(endpoint);
            if (status is { } s)
            {
                builder.Append(", HTTP ").Append(s);
            }

            builder.Append(')');
        }

        if (doc is not null)
        {
            builder.Append(". ").Append(doc.Description);
            if (doc.Hint.Length > 0)
            {
                builder.Append(" 排查建议: ").Append(doc.Hint);
            }
        }

        if (missingScopes.Count > 0)
        {
            builder.Append(". Missing scope: ").Append(string.Join(", ", missingScopes));
        }

        if (logId is not null)
        {
            builder.Append(". Log id: ").Append(logId);
        }

        return builder.ToString();
    }
}

/// <summary>The reply's <c>error</c> object: log id, troubleshooter link and violations.</summary>
public sealed class FeishuErrorDetails
{
    /// <summary>The log id inside the body.</summary>
    public string? LogId { get; init; }

    /// <summary>A link to Feishu's troubleshooter.</summary>
    public string? Troubleshooter { get; init; }

    /// <summary>Key/value details.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Details { get; init; } = Array.Empty<KeyValuePair<string, string>>();

    /// <summary>Permission violations: type, subject (often the missing scope) and description.</summary>
    public IReadOnlyList<FeishuViolation> PermissionViolations { get; init; } = Array.Empty<FeishuViolation>();

    /// <summary>Field violations: field, value and description.</summary>
    public IReadOnlyList<FeishuViolation> FieldViolations { get; init; } = Array.Empty<FeishuViolation>();

    /// <summary>Help links with descriptions.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Helps { get; init; } = Array.Empty<KeyValuePair<string, string>>();
}

/// <summary>One violation: for permissions (type, subject, description), for fields (field, value, description).</summary>
/// <param name="Kind">The violation type or the field name.</param>
/// <param name="Subject">The subject (scope) or the offending value.</param>
/// <param name="Description">Feishu's explanation.</param>
public sealed record FeishuViolation(string? Kind, string? Subject, string? Description);
