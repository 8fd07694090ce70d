using System;
using System.Globalization;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.Extensions.DependencyInjection;

namespace FeishuGen.AspNetCore.Authentication;

public partial class FeishuAuthenticationHandler
{
    /// <summary>
    /// The callback, as OAuthHandler runs it, with failures made actionable: each is a
    /// <see cref="FeishuSignInException"/> naming what went wrong, with Feishu's code when it sent one;
    /// then the granted scopes are checked and the tokens stored.
    /// </summary>
    protected override async Task<HandleRequestResult> HandleRemoteAuthenticateAsync()
    {
        var query = Request.Query;
        var properties = Options.StateDataFormat.Unprotect(query["state"]);
        if (properties is null)
        {
            return Fail(new FeishuSignInException("invalid_state", null, "The sign-in came back with a state that is missing or was altered, so it cannot be trusted (a forged or tampered callback). Start the sign-in again from the app."), null);
        }

        if (!ValidateCorrelationId(properties))
        {
            return Fail(new FeishuSignInException("invalid_state", null, "The sign-in came back without its correlation cookie: it was started in another browser, the cookie was blocked or expired, or the callback was replayed. Start the sign-in again from the app."), properties);
        }

        var error = query["error"].ToString();
        if (error.Length > 0)
        {
            if (error == "access_denied")
            {
                // The AccessDenied event and AccessDeniedPath come first, as in every remote handler.
                var handled = await HandleAccessDeniedErrorAsync(properties).ConfigureAwait(false);
                if (!handled.None)
                {
                    return handled;
                }

                return Fail(new FeishuSignInException("access_denied", null, "The user denied the authorization on Feishu's page: nothing was granted. They can sign in again and choose Authorize."), properties);
            }

            return Fail(FeishuSignInException.FromTokenReply(null, error, query["error_description"], null, null), properties);
        }

        var code = query["code"].ToString();
        if (code.Length == 0)
        {
            return Fail(new FeishuSignInException("invalid_request", null, "The sign-in came back without a code."), properties);
        }

        using var tokens = await ExchangeCodeAsync(new OAuthCodeExchangeContext(properties, code, BuildRedirectUri(Options.CallbackPath))).ConfigureAwait(false);
        if (tokens.Error is not null)
        {
            return Fail(tokens.Error as FeishuSignInException ?? new FeishuSignInException("invalid_grant", null, tokens.Error.Message, tokens.Error), properties);
        }

        if (Options.RequireGrantedScopes && MissingScopes(tokens) is { Count: > 0 } missing)
        {
            return Fail(new FeishuSignInException("insufficient_scope", 99991679, $"Feishu did not grant {string.Join(", ", missing)}: calls that need them would fail with 99991679. The user (or their admin) must grant them; check the scopes are enabled for the app, or set RequireGrantedScopes = false to sign in without them.") { MissingScopes = missing }, properties);
        }

        var issued = Tokens(tokens);
        if (!issued.CanRefresh)
        {
            Log.NoRefreshToken(Logger, (long)(issued.ExpiresAt - TimeProvider.GetUtcNow() ?? TimeSpan.Zero).TotalSeconds);
        }

        if (Options.SaveTokens)
        {
            properties.StoreTokens(CookieTokens(issued));
        }

        var ticket = await CreateTicketAsync(new ClaimsIdentity(ClaimsIssuer), properties, tokens).ConfigureAwait(false);
        if (Options.StoreUserTokens)
        {
            var openId = ticket.Principal.FindFirst(FeishuAuthenticationConstants.Claims.OpenId)?.Value
                ?? throw new FeishuSignInException("user_info_failed", null, "Feishu's user info has no open_id: the tokens cannot be stored for the user.");
            var sessions = Context.RequestServices.GetRequiredService<FeishuUserSessions>();
            if (sessions.AppId != Options.ClientId)
            {
                throw new FeishuConfigurationException($"The sign-in is for app {Options.ClientId} but the registered FeishuClient is app {sessions.AppId}: its sessions could not refresh these tokens. Sign in with the client's app, or set StoreUserTokens = false.");
            }

            await sessions.SaveAsync(openId, issued, Context.RequestAborted).ConfigureAwait(false);
        }

        return HandleRequestResult.Success(ticket);
    }

    private HandleRequestResult Fail(FeishuSignInException failure, AuthenticationProperties? properties)
    {
        Log.SignInFailed(Logger, failure.Error, failure.Code, failure.Message);
        return HandleRequestResult.Fail(failure, properties);
    }

    private FeishuUserTokens Tokens(OAuthTokenResponse tokens)
    {
        var now = TimeProvider.GetUtcNow();
        var root = tokens.Response!.RootElement;
        return new FeishuUserTokens
        {
            AccessToken = tokens.AccessToken!,
            RefreshToken = string.IsNullOrEmpty(tokens.RefreshToken) ? null : tokens.RefreshToken,
            ExpiresAt = int.TryParse(tokens.ExpiresIn, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 ? now.AddSeconds(seconds) : null,
            RefreshTokenExpiresAt = Int(root, "refresh_token_expires_in") is > 0 and var refreshSeconds ? now.AddSeconds(refreshSeconds) : null,
            Scope = Text(root, "scope"),
        };
    }

    private static AuthenticationToken[] CookieTokens(FeishuUserTokens tokens)
    {
        var list = new System.Collections.Generic.List<AuthenticationToken> { new() { Name = "access_token", Value = tokens.AccessToken }, new() { Name = "token_type", Value = "Bearer" } };
        if (tokens.RefreshToken is { } refresh)
        {
            list.Add(new AuthenticationToken { Name = "refresh_token", Value = refresh });
        }

        if (tokens.ExpiresAt is { } expires)
        {
            list.Add(new AuthenticationToken { Name = "expires_at", Value = expires.ToString("o", CultureInfo.InvariantCulture) });
        }

        return list.ToArray();
    }
}
