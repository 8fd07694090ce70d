using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;

namespace FeishuGen.Testing;

/// <summary>The local server's sign-in pages: consent for the authorize request, the device verification page, and errors.</summary>
internal static class SignInPages
{
    public static string Consent(AuthorizeRequest request, FeishuTestUser user)
    {
        var hidden = new StringBuilder();
        foreach (var name in AuthorizeRequest.Fields)
        {
            if (request.Field(name) is { } value)
            {
                hidden.Append("<input type=\"hidden\" name=\"").Append(name).Append("\" value=\"").Append(WebUtility.HtmlEncode(value)).Append("\">");
            }
        }

        var scopes = string.Concat(request.Scopes.Select(s => "<li><code>" + WebUtility.HtmlEncode(s) + "</code></li>"));
        return Page("授权 Authorize", $"""
            <p><b>{WebUtility.HtmlEncode(user.Name)}</b> ({WebUtility.HtmlEncode(user.EnName)}), the app <code id="app">{WebUtility.HtmlEncode(request.ClientId)}</code> asks for:</p>
            <ul id="scopes">{scopes}</ul>
            <form method="post" action="{SignInFlows.AuthorizePath}">{hidden}
              <button id="approve" type="submit" name="decision" value="approve">授权 Authorize</button>
              <button id="deny" type="submit" name="decision" value="deny">拒绝 Deny</button>
            </form>
            """);
    }

    public static string DeviceVerify(string? userCode, string? outcome)
    {
        var body = outcome is not null
            ? $"<p id=\"outcome\">{WebUtility.HtmlEncode(outcome)}</p>"
            : $"""
              <form method="post" action="{SignInFlows.DeviceVerifyPath}">
                <label>User code <input id="user_code" name="user_code" value="{WebUtility.HtmlEncode(userCode ?? string.Empty)}"></label>
                <button id="approve" type="submit" name="decision" value="approve">授权 Authorize</button>
                <button id="deny" type="submit" name="decision" value="deny">拒绝 Deny</button>
              </form>
              """;
        return Page("设备登录 Device login", body);
    }

    /// <summary>An error as Feishu's pages show it: the code and what it means.</summary>
    public static string Error(int code, string message)
        => Page("错误 Error", $"<p id=\"error\">错误码 {code}: {WebUtility.HtmlEncode(message)}</p>");

    public static string MissingScopes(IEnumerable<string> scopes)
        => Error(20027, "The app has not applied for these scopes: " + string.Join(", ", scopes) + ". Apply for them in the developer console, or stop asking for them.");

    private static string Page(string title, string body) => $"""
        <!doctype html>
        <html lang="zh"><head><meta charset="utf-8"><title>{title} · local Feishu</title></head>
        <body><h1>{title}</h1>{body}</body></html>
        """;
}
