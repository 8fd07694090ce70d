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
    public FeishuErrorCategory Category { get; internal set; }

    /// <summary>The endpoint that failed, as "METHOD /path".</summary>
    public string? Endpoint { get; internal set; }

    /// <summary>The page's description of <see cref="Code"/>, when documented.</summary>
    public string? Description { get; internal set; }

    /// <summary>The page's troubleshooting hint (排查建议) for <see cref="Code"/>, when documented.</summary>
    public string? Hint { get; internal set; }

    /// <summary>The reply's <c>error</c> object, when Feishu sent one.</summary>
    public FeishuErrorDetails? Details { get; internal set; }

    /// <summary>The scopes the reply says are missing (permission errors).</summary>
    public IReadOnlyList<string> MissingScopes { get; internal set; } = Array.Empty<string>();

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
    public string? LogId { get; internal set; }

    /// <summary>A link to Feishu's troubleshooter.</summary>
    public string? Troubleshooter { get; internal set; }

    /// <summary>Key/value details.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Details { get; internal set; } = Array.Empty<KeyValuePair<string, string>>();

    /// <summary>Permission violations: type, subject (often the missing scope) and description.</summary>
    public IReadOnlyList<FeishuViolation> PermissionViolations { get; internal set; } = Array.Empty<FeishuViolation>();

    /// <summary>Field violations: field, value and description.</summary>
    public IReadOnlyList<FeishuViolation> FieldViolations { get; internal set; } = Array.Empty<FeishuViolation>();

    /// <summary>Help links with descriptions.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Helps { get; internal set; } = Array.Empty<KeyValuePair<string, string>>();
}

/// <summary>One violation: for permissions (type, subject, description), for fields (field, value, description).</summary>
/// <param name="Kind">The violation type or the field name.</param>
/// <param name="Subject">The subject (scope) or the offending value.</param>
/// <param name="Description">Feishu's explanation.</param>
public sealed record FeishuViolation(string? Kind, string? Subject, string? Description);
