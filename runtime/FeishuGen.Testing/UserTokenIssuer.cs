using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;

namespace FeishuGen.Testing;

/// <summary>
/// The user-token refresh endpoint (/open-apis/authen/v2/oauth/token): refresh tokens are
/// single-use and rotate, as on Feishu; a spent one answers 20073.
/// </summary>
internal sealed class UserTokenIssuer
{
    public const string Path = "/open-apis/authen/v2/oauth/token";

    private readonly ConcurrentDictionary<string, bool> _access = new();
    private readonly ConcurrentDictionary<string, bool> _refresh = new();
    private int _refreshes;

    public UserTokenIssuer(string accessToken, string refreshToken)
    {
        _access[accessToken] = true;
        _refresh[refreshToken] = true;
    }

    public int Refreshes => Volatile.Read(ref _refreshes);

    public bool IsValid(string token) => _access.ContainsKey(token);

    /// <summary>Revokes a user access token, as its expiry would.</summary>
    public void Expire(string token) => _access.TryRemove(token, out _);

    public (int Status, string Body) Refresh(string body, FeishuTestServerOptions options)
    {
        var json = JsonBody.Object(body);
        if (JsonBody.Text(json, "grant_type") != "refresh_token" || JsonBody.Text(json, "client_id") != options.AppId || JsonBody.Text(json, "client_secret") != options.AppSecret)
        {
            return (400, """{"code":20026,"error":"invalid_request","error_description":"invalid client or grant"}""");
        }

        var presented = JsonBody.Text(json, "refresh_token") ?? string.Empty;
        if (!_refresh.TryRemove(presented, out _))
        {
            return (400, """{"code":20073,"error":"invalid_grant","error_description":"refresh token already used"}""");
        }

        var n = Interlocked.Increment(ref _refreshes).ToString(CultureInfo.InvariantCulture);
        var access = "u-local-refreshed-" + n;
        var refresh = "r-local-refreshed-" + n;
        _access[access] = true;
        _refresh[refresh] = true;
        return (200, new JsonObject
        {
            ["code"] = 0,
            ["access_token"] = access,
            ["expires_in"] = 7200,
            ["refresh_token"] = refresh,
            ["refresh_token_expires_in"] = 604800,
            ["token_type"] = "Bearer",
        }.ToJsonString());
    }
}
