using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;

namespace FeishuGen.Testing;

/// <summary>
/// The store-app (ISV) token endpoints: app_access_token from id, secret and app_ticket (10012
/// for a wrong ticket), tenant_access_token from the app token and a tenant_key, and the
/// app_ticket resend request.
/// </summary>
internal sealed class StoreAppTokens
{
    private const string AppPath = "/open-apis/auth/v3/app_access_token";
    private const string TenantPath = "/open-apis/auth/v3/tenant_access_token";
    private const string ResendPath = "/open-apis/auth/v3/app_ticket/resend";
    private int _resends;

    public int Resends => Volatile.Read(ref _resends);

    public static bool Handles(string path) => path is AppPath or TenantPath or ResendPath;

    public (int Status, string Body) Answer(string path, string body, FeishuTestServerOptions options, TokenIssuer tokens)
    {
        var json = JsonBody.Object(body);
        string? Text(string name) => JsonBody.Text(json, name);
        switch (path)
        {
            case ResendPath:
                Interlocked.Increment(ref _resends);
                return (200, """{"code":0,"msg":"ok"}""");
            case AppPath:
                if (Text("app_id") != options.AppId || Text("app_secret") != options.AppSecret)
                {
                    return (400, """{"code":10014,"msg":"app secret invalid"}""");
                }

                if (Text("app_ticket") != options.AppTicket)
                {
                    return (400, """{"code":10012,"msg":"app_ticket is invalid"}""");
                }

                return (200, Reply("app_access_token", tokens.Issue(FeishuTokenType.App, options.TokenLifetime), options.TokenLifetimeSeconds));
            default:
                var appToken = Text("app_access_token");
                if (appToken is null || tokens.Check(appToken) != FeishuTokenType.App || string.IsNullOrEmpty(Text("tenant_key")))
                {
                    return (400, """{"code":99991664,"msg":"invalid app access token or tenant key"}""");
                }

                return (200, Reply("tenant_access_token", tokens.Issue(FeishuTokenType.Tenant, options.TokenLifetime), options.TokenLifetimeSeconds));
        }
    }

    private static string Reply(string field, string token, int expire)
        => new JsonObject { ["code"] = 0, ["msg"] = "ok", [field] = token, ["expire"] = expire }.ToJsonString();
}
