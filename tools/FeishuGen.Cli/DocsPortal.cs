using System;

namespace FeishuGen.Cli;

/// <summary>
/// Which docs portal a command fetches from, and whose front matter it writes: the Feishu portal
/// (<c>fullPath</c>, <c>updateTime</c>) or the Lark one (<c>full_path</c>, <c>source_url</c>,
/// <c>updated_at</c>). <c>--lark</c> chooses Lark; without it, a page that came from Lark (a Lark
/// doc URL to add, a Lark front matter to update) goes back to Lark; <c>--portal</c> overrides the
/// address alone (a local portal in tests, a proxy).
/// </summary>
/// <param name="Address">The --portal address, when given.</param>
/// <param name="Lark">Whether --lark was given.</param>
internal sealed record DocsPortal(Uri? Address, bool Lark)
{
    /// <summary>Whether a page from <paramref name="larkPage"/> is read from and written as the Lark portal's.</summary>
    public bool IsLark(bool larkPage) => Lark || larkPage;

    /// <summary>The address to fetch a page from.</summary>
    public Uri AddressFor(bool larkPage) => Address ?? (IsLark(larkPage) ? FeishuGenCommand.LarkPortal : FeishuGenCommand.DefaultPortal);

    /// <summary>Whether <paramref name="input"/> is a doc URL on the Lark portal.</summary>
    public static bool IsLarkUrl(string input)
        => Uri.TryCreate(input.Trim(), UriKind.Absolute, out var url) && url.Host.EndsWith("larksuite.com", StringComparison.OrdinalIgnoreCase);
}
