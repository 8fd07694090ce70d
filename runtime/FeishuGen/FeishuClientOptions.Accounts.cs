using System;

namespace FeishuGen;

public sealed partial class FeishuClientOptions
{
    /// <summary>The accounts host of Feishu (authorize page, device authorization, revocation).</summary>
    public static readonly Uri FeishuAccounts = new("https://accounts.feishu.cn");

    /// <summary>The accounts host of Lark.</summary>
    public static readonly Uri LarkAccounts = new("https://accounts.larksuite.com");

    /// <summary>
    /// Where users sign in: accounts.feishu.cn for <see cref="FeishuDomain"/>, accounts.larksuite.com
    /// for <see cref="LarkDomain"/>, and <see cref="BaseAddress"/> itself for any other base address
    /// (a proxy or the local test server serves both hosts).
    /// </summary>
    public Uri AccountsAddress => AccountsAddressFor(BaseAddress);

    /// <summary>The accounts host that goes with an open-platform base address (see <see cref="AccountsAddress"/>).</summary>
    /// <param name="baseAddress">The open-platform base address.</param>
    public static Uri AccountsAddressFor(Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        return baseAddress == FeishuDomain ? FeishuAccounts : baseAddress == LarkDomain ? LarkAccounts : baseAddress;
    }
}
