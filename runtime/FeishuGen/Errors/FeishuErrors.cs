using System.Collections.Generic;

namespace FeishuGen.Errors;

/// <summary>
/// Classifies Feishu error codes (facts from the platform's documentation) and builds the
/// exception for a failed reply.
/// </summary>
internal static class FeishuErrors
{
    /// <summary>The tenant or app token is invalid: evict it, fetch a new one, replay once.</summary>
    public static bool IsInvalidAppOrTenantToken(int code) => code is 99991663 or 99991664 or 99991671;

    /// <summary>The user token is invalid or expired.</summary>
    public static bool IsInvalidUserToken(int code) => code is 99991668 or 99991677;

    /// <summary>The refresh token is used (20073), invalid (20026), expired (20037) or revoked (20064): only a new sign-in helps.</summary>
    public static bool IsSpentRefreshToken(int code) => code is 20073 or 20026 or 20037 or 20064;

    public static FeishuErrorCategory Categorize(int? httpStatus, int code)
    {
        if (code == 99991400 || httpStatus == 429)
        {
            return FeishuErrorCategory.RateLimited;
        }

        if (code is 99991672 or 99991676 or 99991679 or 230027)
        {
            return FeishuErrorCategory.Permission;
        }

        if (IsInvalidAppOrTenantToken(code) || IsInvalidUserToken(code) || code is 99991661 or 99991543 or 10014 or 99991662 or 99991673 or 10012 || IsSpentRefreshToken(code))
        {
            return FeishuErrorCategory.Authentication;
        }

        return httpStatus is >= 500 ? FeishuErrorCategory.Server : FeishuErrorCategory.Business;
    }

    public static FeishuApiException Create(int? httpStatus, int code, string msg, FeishuErrorDetails? details, string? logId, string? endpoint, FeishuErrorDoc? doc, System.TimeSpan? retryAfter = null, string? bodyExcerpt = null)
    {
        var missing = MissingScopes(details);
        var message = FeishuApiException.Compose(httpStatus, code, msg, endpoint, logId ?? details?.LogId, doc, missing);
        var category = Categorize(httpStatus, code);
        FeishuApiException exception = category switch
        {
            FeishuErrorCategory.RateLimited => new FeishuRateLimitException(code, msg, message) { RetryAfter = retryAfter },
            FeishuErrorCategory.Permission => new FeishuPermissionException(code, msg, message),
            FeishuErrorCategory.Authentication => new FeishuAuthenticationException(code, msg, message),
            FeishuErrorCategory.Server => new FeishuServerException(code, msg, message),
            _ => new FeishuApiException(code, msg, message),
        };

        exception.SetReply(httpStatus, logId ?? details?.LogId, bodyExcerpt);
        exception.Describe(category, endpoint, doc, details, missing);
        return exception;
    }

    private static IReadOnlyList<string> MissingScopes(FeishuErrorDetails? details)
    {
        var scopes = new List<string>();
        if (details is null)
        {
            return scopes;
        }

        foreach (var violation in details.PermissionViolations)
        {
            if (!string.IsNullOrEmpty(violation.Subject) && !scopes.Contains(violation.Subject!))
            {
                scopes.Add(violation.Subject!);
            }
        }

        return scopes;
    }
}
