using System;

namespace FeishuGen.Generator.Reading;

/// <summary>
/// The host of a page's HTTP URL, as the model keeps it: the host never decides where a call goes,
/// the client's domain does. The open platform itself (open.feishu.cn, open.larksuite.com, and
/// Feishu's open.larkoffice.com) is the default host, which the catalogue leaves out; an endpoint
/// on a host of its own (www.feishu.cn/approval/openapi/…, accounts.feishu.cn) keeps its Feishu
/// name, and a Lark page's www.larksuite.com is its Feishu twin, so a Feishu page and its Lark
/// copy read into the same model. The runtime maps the host to the client's domain.
/// </summary>
internal static class HostNames
{
    public const string OpenPlatform = "https://open.feishu.cn";

    public static string Canonical(Uri url)
    {
        var host = url.Host.ToLowerInvariant();
        if (host is "open.feishu.cn" or "open.larksuite.com" or "open.larkoffice.com")
        {
            return OpenPlatform;
        }

        foreach (var lark in new[] { ".larksuite.com", ".larkoffice.com" })
        {
            if (host.EndsWith(lark, StringComparison.Ordinal))
            {
                host = host.Substring(0, host.Length - lark.Length) + ".feishu.cn";
                break;
            }
        }

        return new UriBuilder(url.Scheme, host, url.IsDefaultPort ? -1 : url.Port).Uri.GetLeftPart(UriPartial.Authority);
    }
}
