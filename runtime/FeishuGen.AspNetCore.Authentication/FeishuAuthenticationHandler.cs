using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeishuGen.AspNetCore.Authentication;

/// <summary>
/// Signs users in with Feishu: the authorize redirect (state protected by the handler, PKCE S256),
/// the code exchanged at the v2 token endpoint (JSON, as Feishu documents it), the user info mapped
/// to claims, and the tokens kept in the user-token store. Every failure the user or developer can
/// act on ends as a <see cref="FeishuSignInException"/> with Feishu's code, through the
/// RemoteFailure event.
/// </summary>
public partial class FeishuAuthenticationHandler : OAuthHandler<FeishuAuthenticationOptions>
{
    /// <summary>Creates the handler.</summary>
    /// <param name="options">The options.</param>
    /// <param name="logger">The logger factory.</param>
    /// <param name="encoder">The URL encoder.</param>
    public FeishuAuthenticationHandler(IOptionsMonitor<FeishuAuthenticationOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : base(options, logger, encoder)
    {
    }

    /// <inheritdoc/>
    protected override string BuildChallengeUrl(AuthenticationProperties properties, string redirectUri)
    {
        var url = base.BuildChallengeUrl(properties, redirectUri);
        return string.IsNullOrEmpty(Options.Prompt) ? url : QueryHelpers.AddQueryString(url, "prompt", Options.Prompt);
    }

    /// <inheritdoc/>
    protected override async Task<OAuthTokenResponse> ExchangeCodeAsync(OAuthCodeExchangeContext context)
    {
        var body = new JsonObject
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = Options.ClientId,
            ["client_secret"] = Options.ClientSecret,
            ["code"] = context.Code,
            ["redirect_uri"] = context.RedirectUri,
        };

        // The verifier travelled inside the protected state; it is spent here, as OAuthHandler does.
        if (context.Properties.Items.TryGetValue(OAuthConstants.CodeVerifierKey, out var verifier))
        {
            body[OAuthConstants.CodeVerifierKey] = verifier;
            context.Properties.Items.Remove(OAuthConstants.CodeVerifierKey);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, Options.TokenEndpoint)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await Backchannel.SendAsync(request, Context.RequestAborted).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(Context.RequestAborted).ConfigureAwait(false);
        var logId = LogIdOf(response);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return OAuthTokenResponse.Failed(new FeishuSignInException("invalid_response", null, $"The token endpoint answered HTTP {(int)response.StatusCode} with a body that is not JSON (a proxy or gateway in the way?).") { HttpStatus = (int)response.StatusCode, LogId = logId });
        }

        var root = document.RootElement;
        var code = Int(root, "code");
        var error = Text(root, "error");
        if (response.IsSuccessStatusCode && code is null or 0 && string.IsNullOrEmpty(error) && !string.IsNullOrEmpty(Text(root, "access_token")))
        {
            return OAuthTokenResponse.Success(document);
        }

        using (document)
        {
            return OAuthTokenResponse.Failed(FeishuSignInException.FromTokenReply(code, error, Text(root, "error_description"), (int)response.StatusCode, logId));
        }
    }

    /// <inheritdoc/>
    protected override async Task<AuthenticationTicket> CreateTicketAsync(ClaimsIdentity identity, AuthenticationProperties properties, OAuthTokenResponse tokens)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Options.UserInformationEndpoint);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        using var response = await Backchannel.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Context.RequestAborted).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(Context.RequestAborted).ConfigureAwait(false);
        using var payload = TryParse(text);
        var code = payload is null ? null : Int(payload.RootElement, "code");
        if (!response.IsSuccessStatusCode || payload is null || code != 0)
        {
            Log.UserInfoFailed(Logger, (int)response.StatusCode, code);
            throw new FeishuSignInException("user_info_failed", code, $"Reading the signed-in user's info failed: HTTP {(int)response.StatusCode}, code {code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"} {(payload is null ? string.Empty : Text(payload.RootElement, "msg"))}.") { HttpStatus = (int)response.StatusCode, LogId = LogIdOf(response) };
        }

        var principal = new ClaimsPrincipal(identity);
        var context = new OAuthCreatingTicketContext(principal, properties, Context, Scheme, Options, Backchannel, tokens, payload.RootElement);
        context.RunClaimActions();
        await Events.CreatingTicket(context).ConfigureAwait(false);
        return new AuthenticationTicket(context.Principal!, context.Properties, Scheme.Name);
    }

    /// <summary>The scopes asked for that Feishu did not grant (offline_access aside: its absence is a warning).</summary>
    private IReadOnlyList<string> MissingScopes(OAuthTokenResponse tokens)
    {
        if (tokens.Response is null || Text(tokens.Response.RootElement, "scope") is not { } granted)
        {
            return Array.Empty<string>();
        }

        var have = granted.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return Options.Scope.Where(s => s != FeishuAuthenticationOptions.OfflineAccess && !have.Contains(s, StringComparer.Ordinal)).ToList();
    }

    private static JsonDocument? TryParse(string text)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, string name)
        => root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Int(JsonElement root, string name)
        => root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.TryGetInt32(out var number) ? number : null;

    private static string? LogIdOf(HttpResponseMessage response)
        => response.Headers.TryGetValues("X-Tt-Logid", out var ids) || response.Headers.TryGetValues("X-Request-Id", out ids) ? ids.FirstOrDefault() : null;

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Feishu granted no refresh token at sign-in: the user's session ends when the access token expires, in {Seconds} s. Ask for the offline_access scope and enable it for the app.")]
        public static partial void NoRefreshToken(ILogger logger, long seconds);

        [LoggerMessage(2, LogLevel.Warning, "Feishu sign-in failed: {Error} (code {Code}): {Message}")]
        public static partial void SignInFailed(ILogger logger, string error, int? code, string message);

        [LoggerMessage(3, LogLevel.Error, "Reading the signed-in user's info failed: HTTP {Status}, code {Code}")]
        public static partial void UserInfoFailed(ILogger logger, int status, int? code);
    }
}
