using System.Threading.Tasks;
using FeishuGen;
using FeishuGen.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Authentication;

/// <summary>The signed-in Feishu user's session, from a request.</summary>
public static class FeishuHttpContextExtensions
{
    /// <summary>The open_id of the user signed in with Feishu, or null.</summary>
    /// <param name="context">The request.</param>
    public static string? GetFeishuOpenId(this HttpContext context)
        => context?.User.FindFirst(FeishuAuthenticationConstants.Claims.OpenId)?.Value;

    /// <summary>
    /// The signed-in user's session, to call Feishu as them (<c>new FeishuRequestOptions { UserSession = session }</c>);
    /// null when nobody signed in with Feishu or their tokens are gone (signed out elsewhere, expired): sign them in again.
    /// </summary>
    /// <param name="context">The request.</param>
    public static async Task<FeishuUserSession?> GetFeishuUserSessionAsync(this HttpContext context)
    {
        var openId = context.GetFeishuOpenId();
        return openId is null ? null : await context.RequestServices.GetRequiredService<FeishuUserSessions>().GetAsync(openId, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>
    /// Signs the user out: revokes their Feishu grant, deletes their tokens from the store, and signs
    /// them out of the app's default (cookie) scheme.
    /// </summary>
    /// <param name="context">The request.</param>
    /// <param name="scheme">The scheme to sign out of; the default sign-out scheme when null.</param>
    /// <returns>True when Feishu confirmed the revocation.</returns>
    public static async Task<bool> SignOutFeishuAsync(this HttpContext context, string? scheme = null)
    {
        var revoked = false;
        if (context.GetFeishuOpenId() is { } openId)
        {
            revoked = await context.RequestServices.GetRequiredService<FeishuUserSessions>().SignOutAsync(openId, context.RequestAborted).ConfigureAwait(false);
        }

        await context.SignOutAsync(scheme).ConfigureAwait(false);
        return revoked;
    }
}
