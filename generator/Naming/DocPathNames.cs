using System.Text.RegularExpressions;
using FeishuGen.Generator.Model;

namespace FeishuGen.Generator.Naming;

/// <summary>
/// The official names a page's path on the docs site gives, when it ends in
/// <c>service-version/resource/method</c>: the portal's <c>fullPath</c>
/// (<c>/ukTMukTMukTM/uMzM1YjLzMTN24yMzUjN/hire-v1/eco_exam/update_result</c>), the Lark
/// portal's <c>full_path</c>, and doc URLs (<c>https://open.feishu.cn/document/server-docs/im-v1/message/create</c>,
/// the older <c>…/reference/im-v1/message/create</c>). <c>-</c> joins a parent and a child
/// resource: <c>badge-grant</c> is <c>badge_grant</c>.
/// </summary>
internal static class DocPathNames
{
    private static readonly Regex ServiceVersion = new(@"^([a-z][a-z0-9_]*)-(v\d+)$", RegexOptions.Compiled);

    // Names are snake_case, and a few methods camelCase (batchDelete): both are the official spelling.
    private static readonly Regex Identifier = new(@"^[a-z][A-Za-z0-9_]*$", RegexOptions.Compiled);

    /// <summary>
    /// The names <paramref name="docPath"/> gives for the endpoint at <paramref name="urlPath"/>,
    /// or null when the path does not end in service-version/resource/method or names another
    /// call than the URL: a different service or version (a guide that shows another API). A docs
    /// folder where the resource belongs (<c>auth-v3/auth/app_access_token</c> for
    /// <c>POST /open-apis/auth/v3/app_access_token</c>) names the resource and method together in
    /// its last segment: the SDK name is app_access_token.create, which the URL confirms.
    /// </summary>
    public static SdkNaming? From(string docPath, NameSource source, string urlPath, string httpMethod)
    {
        var path = docPath;
        var cut = path.IndexOfAny(new[] { '?', '#' });
        path = (cut >= 0 ? path.Substring(0, cut) : path).TrimEnd('/');
        var segments = path.Split('/');
        if (segments.Length < 3)
        {
            return null;
        }

        var serviceVersion = ServiceVersion.Match(segments[segments.Length - 3]);
        var resource = segments[segments.Length - 2].Replace('-', '_');
        var method = segments[segments.Length - 1];
        if (!serviceVersion.Success || !Identifier.IsMatch(resource) || !Identifier.IsMatch(method))
        {
            return null;
        }

        var naming = new SdkNaming(serviceVersion.Groups[1].Value, serviceVersion.Groups[2].Value, resource, method, source);
        var fromUrl = UrlNames.From(urlPath, httpMethod);
        if (fromUrl.Service != naming.Service || fromUrl.Version != naming.Version)
        {
            return null;
        }

        if (resource != naming.Service || UrlNames.Literals(urlPath).Exists(l => Words.Singular(l) == resource))
        {
            return naming;
        }

        // A docs folder where the resource belongs: the last segment is the resource and method
        // run together (auth-v3/auth/app_ticket_resend for /auth/v3/app_ticket/resend), or the
        // resource alone for a create (auth-v3/auth/app_access_token for POST /auth/v3/app_access_token).
        return method == fromUrl.Resource + "_" + fromUrl.Method || (method == fromUrl.Resource && fromUrl.Method == Words.Verb(httpMethod, oneItem: false))
            ? naming with { Resource = fromUrl.Resource, Method = fromUrl.Method }
            : null;
    }
}
