using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace FeishuGen.Testing;

/// <summary>
/// User sign-in as Feishu plays it, on the local server (which stands for both the open and the
/// accounts host): the authorize page and its consent, the v2 token endpoint for every grant
/// (authorization code with PKCE, refresh token, device code), device authorization and its
/// verification page, user info and revocation.
/// </summary>
internal sealed class SignInFlows
{
    public const string AuthorizePath = "/open-apis/authen/v1/authorize";
    public const string UserInfoPath = "/open-apis/authen/v1/user_info";
    public const string DeviceAuthorizationPath = "/oauth/v1/device_authorization";
    public const string DeviceVerifyPath = "/oauth/v1/device/verify";
    public const string RevokePath = "/oauth/v1/revoke";
    private const string DeviceCodeGrant = "urn:ietf:params:oauth:grant-type:device_code";

    private readonly FeishuTestServerOptions _options;

    public SignInFlows(FeishuTestServerOptions options, UserTokenIssuer tokens)
    {
        _options = options;
        Tokens = tokens;
        Codes = new AuthorizationCodes(options);
        Devices = new DeviceGrants(options);
    }

    public UserTokenIssuer Tokens { get; }

    public AuthorizationCodes Codes { get; }

    public DeviceGrants Devices { get; }

    public static bool Handles(string path) => path is AuthorizePath or UserInfoPath or DeviceAuthorizationPath or DeviceVerifyPath or RevokePath or UserTokenIssuer.Path;

    public Task HandleAsync(HttpContext context, string body)
    {
        var request = context.Request;
        var self = new Uri(request.Scheme + "://" + request.Host.Value);
        var form = request.Method == "POST" ? OAuthFields.Read(request.ContentType, body) : new Dictionary<string, string>();
        return (request.Method, request.Path.Value) switch
        {
            ("GET", AuthorizePath) => AuthorizeAsync(context, AuthorizeRequest.From(name => request.Query[name].FirstOrDefault()), decision: null),
            ("POST", AuthorizePath) => AuthorizeAsync(context, AuthorizeRequest.From(form.GetValueOrDefault), form.GetValueOrDefault("decision")),
            ("POST", UserTokenIssuer.Path) => TokenAsync(context, form),
            ("POST", DeviceAuthorizationPath) => DeviceAuthorizationAsync(context, form, self),
            ("GET", DeviceVerifyPath) => Html(context, 200, SignInPages.DeviceVerify(request.Query["user_code"].FirstOrDefault(), null)),
            ("POST", DeviceVerifyPath) => DeviceDecisionAsync(context, form),
            ("GET", UserInfoPath) => UserInfoAsync(context),
            ("POST", RevokePath) => RevokeAsync(context, form),
            _ => Json(context, 405, OAuthReply.Error(null, "invalid_request", "method not allowed")),
        };
    }

    private Task AuthorizeAsync(HttpContext context, AuthorizeRequest authorize, string? decision)
    {
        if (authorize.ClientId != _options.AppId)
        {
            return Html(context, 400, SignInPages.Error(20048, "The specified app does not exist: client_id " + authorize.ClientId + "."));
        }

        if (!Uri.TryCreate(authorize.RedirectUri, UriKind.Absolute, out _))
        {
            return Html(context, 400, SignInPages.Error(20001, "redirect_uri is missing or not an absolute URL."));
        }

        if (_options.SignIn.AppScopes is { } applied && authorize.Scopes.Where(s => !applied.Contains(s)).ToList() is { Count: > 0 } unapplied)
        {
            return Html(context, 400, SignInPages.MissingScopes(unapplied));
        }

        decision ??= _options.SignIn.Consent switch
        {
            FeishuTestConsent.Approve => "approve",
            FeishuTestConsent.Deny => "deny",
            _ => null,
        };
        if (decision is null)
        {
            return Html(context, 200, SignInPages.Consent(authorize, _options.SignIn.User));
        }

        context.Response.Redirect(decision == "approve" ? authorize.Redirect("code", Codes.Issue(authorize)) : authorize.Redirect("error", "access_denied"));
        return Task.CompletedTask;
    }

    private Task TokenAsync(HttpContext context, Dictionary<string, string> fields)
    {
        var basic = OAuthFields.Basic(context.Request.Headers.Authorization.ToString());
        if (basic is not null && fields.ContainsKey("client_secret"))
        {
            return Json(context, 400, OAuthReply.Error(20070, "invalid_request", "Multiple authentication methods were provided. Please only use one to proceed."));
        }

        var (id, secret) = basic ?? (fields.GetValueOrDefault("client_id") ?? string.Empty, fields.GetValueOrDefault("client_secret") ?? string.Empty);
        fields["client_id"] = id;
        if (id != _options.AppId || secret != _options.AppSecret)
        {
            return Json(context, 400, OAuthReply.Error(20002, "invalid_client", "The client secret is invalid."));
        }

        var (status, reply) = fields.GetValueOrDefault("grant_type") switch
        {
            "authorization_code" => Codes.Exchange(fields, Tokens),
            "refresh_token" => Tokens.Refresh(fields),
            DeviceCodeGrant => Devices.Poll(fields, Tokens),
            _ => (400, OAuthReply.Error(20036, "unsupported_grant_type", "The specified grant_type is not supported.")),
        };
        return Json(context, status, reply);
    }

    private Task DeviceAuthorizationAsync(HttpContext context, Dictionary<string, string> fields, Uri self)
    {
        if (OAuthFields.Basic(context.Request.Headers.Authorization.ToString()) is not { } basic || basic.Id != _options.AppId || basic.Secret != _options.AppSecret)
        {
            return Json(context, 401, OAuthReply.Error(20002, "invalid_client", "Client authentication failed: send HTTP Basic auth of app id and app secret."));
        }

        return fields.GetValueOrDefault("client_id") != _options.AppId
            ? Json(context, 400, OAuthReply.Error(20024, "invalid_request", "client_id does not match the Basic credentials."))
            : Json(context, 200, Devices.Authorize(fields.GetValueOrDefault("scope") ?? string.Empty, self).ToJsonString());
    }

    private Task DeviceDecisionAsync(HttpContext context, Dictionary<string, string> fields)
    {
        var approve = fields.GetValueOrDefault("decision") == "approve";
        var decided = Devices.Decide(fields.GetValueOrDefault("user_code") ?? string.Empty, approve);
        return Html(context, decided ? 200 : 400, SignInPages.DeviceVerify(null, decided ? (approve ? "Approved: you can close this page." : "Denied.") : "This code is unknown, expired or already used."));
    }

    private Task UserInfoAsync(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        var token = authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization["Bearer ".Length..].Trim() : string.Empty;
        if (Tokens.GrantOf(token) is not { } grant)
        {
            return Json(context, 200, new JsonObject { ["code"] = 20005, ["msg"] = "The user access token passed is invalid." }.ToJsonString());
        }

        var user = grant.User;
        var data = new JsonObject
        {
            ["name"] = user.Name,
            ["en_name"] = user.EnName,
            ["avatar_url"] = user.AvatarUrl,
            ["avatar_thumb"] = user.AvatarUrl,
            ["open_id"] = user.OpenId,
            ["union_id"] = user.UnionId,
            ["tenant_key"] = user.TenantKey,
        };

        // Fields that need a scope come only with it, as on Feishu.
        if (grant.Has("contact:user.employee_id:readonly"))
        {
            data["user_id"] = user.UserId;
        }

        if (grant.Has("contact:user.email:readonly"))
        {
            data["email"] = user.Email;
        }

        if (grant.Has("contact:user.phone:readonly"))
        {
            data["mobile"] = user.Mobile;
        }

        return Json(context, 200, new JsonObject { ["code"] = 0, ["msg"] = "success", ["data"] = data }.ToJsonString());
    }

    private Task RevokeAsync(HttpContext context, Dictionary<string, string> fields)
    {
        if (fields.GetValueOrDefault("client_id") != _options.AppId || fields.GetValueOrDefault("client_secret") != _options.AppSecret)
        {
            return Json(context, 401, OAuthReply.Error(20002, "invalid_client", "The client secret is invalid."));
        }

        // RFC 7009 §2.2: an unknown token is answered like a revoked one.
        Tokens.Revoke(fields.GetValueOrDefault("token") ?? string.Empty);
        return Json(context, 200, new JsonObject { ["code"] = 0, ["msg"] = "success" }.ToJsonString());
    }

    private static Task Json(HttpContext context, int status, string body) => Write(context, status, body, "application/json; charset=utf-8");

    private static Task Html(HttpContext context, int status, string body) => Write(context, status, body, "text/html; charset=utf-8");

    private static async Task Write(HttpContext context, int status, string body, string contentType)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }
}
