using System;
using Microsoft.Extensions.Options;

namespace FeishuGen.AspNetCore.Authentication;

/// <summary>
/// Fills what the app left out from its registered <see cref="FeishuClientOptions"/> (AppId,
/// AppSecret, the domain), and points the endpoints still at their Feishu defaults at the chosen
/// domain: accounts.larksuite.com and open.larksuite.com for Lark, the base address itself for a
/// local server.
/// </summary>
internal sealed class FeishuAuthenticationPostConfigureOptions : IPostConfigureOptions<FeishuAuthenticationOptions>
{
    private readonly FeishuClientOptions? _client;

    public FeishuAuthenticationPostConfigureOptions(IServiceProvider services)
        => _client = services.GetService(typeof(FeishuClientOptions)) as FeishuClientOptions;

    public void PostConfigure(string? name, FeishuAuthenticationOptions options)
    {
        if (string.IsNullOrEmpty(options.AppId) && _client is not null)
        {
            options.AppId = _client.AppId;
            options.AppSecret = string.IsNullOrEmpty(options.AppSecret) ? _client.AppSecret : options.AppSecret;
        }

        var open = options.BaseAddress ?? _client?.BaseAddress ?? FeishuClientOptions.FeishuDomain;
        var accounts = options.AccountsAddress ?? FeishuClientOptions.AccountsAddressFor(open);
        options.AuthorizationEndpoint = Move(options.AuthorizationEndpoint, FeishuAuthenticationDefaults.AuthorizationEndpoint, accounts, FeishuAuthenticationDefaults.AuthorizationPath);
        options.TokenEndpoint = Move(options.TokenEndpoint, FeishuAuthenticationDefaults.TokenEndpoint, open, FeishuAuthenticationDefaults.TokenPath);
        options.UserInformationEndpoint = Move(options.UserInformationEndpoint, FeishuAuthenticationDefaults.UserInformationEndpoint, open, FeishuAuthenticationDefaults.UserInformationPath);
    }

    // An endpoint the app set itself is left alone.
    private static string Move(string current, string feishuDefault, Uri host, string path)
        => current == feishuDefault ? new Uri(host, path).AbsoluteUri : current;
}
