using System;
using FeishuGen.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace FeishuGen.Tests.SignIn;

/// <summary>Where the handler sends users: Feishu's or Lark's accounts host, following the client's domain, or a base of one's own.</summary>
public sealed class SignInOptionsTests
{
    [Fact]
    public void AddFeishu_without_settings_takes_the_app_and_domain_of_the_registered_client()
    {
        var options = Configure(services => services.AddFeishu(o => { o.AppId = "cli_app"; o.AppSecret = "secret"; }), _ => { });

        Assert.Equal(("cli_app", "secret"), (options.AppId, options.AppSecret));
        Assert.Equal("https://accounts.feishu.cn/open-apis/authen/v1/authorize", options.AuthorizationEndpoint);
        Assert.Equal("https://open.feishu.cn/open-apis/authen/v2/oauth/token", options.TokenEndpoint);
        Assert.Equal("https://open.feishu.cn/open-apis/authen/v1/user_info", options.UserInformationEndpoint);
        Assert.True(options.UsePkce);
        Assert.Contains("offline_access", options.Scope);
        Assert.Equal("/signin-feishu", options.CallbackPath);
    }

    [Fact]
    public void A_Lark_client_signs_users_in_on_Lark_s_accounts_host()
    {
        var options = Configure(services => services.AddFeishu(o => { o.AppId = "cli_app"; o.AppSecret = "secret"; o.BaseAddress = FeishuClientOptions.LarkDomain; }), _ => { });

        Assert.Equal("https://accounts.larksuite.com/open-apis/authen/v1/authorize", options.AuthorizationEndpoint);
        Assert.Equal("https://open.larksuite.com/open-apis/authen/v2/oauth/token", options.TokenEndpoint);
        Assert.Equal("https://open.larksuite.com/open-apis/authen/v1/user_info", options.UserInformationEndpoint);
    }

    [Fact]
    public void A_base_address_of_one_s_own_serves_both_hosts_and_endpoints_set_by_hand_stay()
    {
        var local = Configure(_ => { }, o => { o.AppId = "cli_app"; o.AppSecret = "s"; o.BaseAddress = new Uri("http://127.0.0.1:5999"); });
        var split = Configure(_ => { }, o => { o.AppId = "cli_app"; o.AppSecret = "s"; o.BaseAddress = new Uri("http://127.0.0.1:5999"); o.AccountsAddress = new Uri("http://127.0.0.1:6000"); o.TokenEndpoint = "http://proxy.invalid/token"; });

        Assert.Equal("http://127.0.0.1:5999/open-apis/authen/v1/authorize", local.AuthorizationEndpoint);
        Assert.Equal("http://127.0.0.1:5999/open-apis/authen/v2/oauth/token", local.TokenEndpoint);
        Assert.Equal("http://127.0.0.1:6000/open-apis/authen/v1/authorize", split.AuthorizationEndpoint);
        Assert.Equal("http://proxy.invalid/token", split.TokenEndpoint);
    }

    [Fact]
    public void Without_an_app_the_options_say_what_to_set()
    {
        var error = Assert.Throws<FeishuConfigurationException>(() => Configure(_ => { }, _ => { }));

        Assert.Contains("AppId", error.Message, StringComparison.Ordinal);
        Assert.Contains("services.AddFeishu", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_accounts_host_follows_the_domain()
    {
        Assert.Equal(FeishuClientOptions.FeishuAccounts, new FeishuClientOptions().AccountsAddress);
        Assert.Equal(FeishuClientOptions.LarkAccounts, new FeishuClientOptions { BaseAddress = FeishuClientOptions.LarkDomain }.AccountsAddress);
        Assert.Equal(new Uri("http://127.0.0.1:1234"), new FeishuClientOptions { BaseAddress = new Uri("http://127.0.0.1:1234") }.AccountsAddress);
    }

    [Fact]
    public void The_distributed_store_is_registered_over_the_app_s_cache_and_key_ring_and_says_what_is_missing()
    {
        var services = new ServiceCollection();
        services.AddFeishu(o => { o.AppId = "cli_app"; o.AppSecret = "secret"; });
        services.AddAuthentication().AddFeishu();
        services.AddFeishuDistributedUserTokenStore();
        using (var missing = services.BuildServiceProvider())
        {
            Assert.Contains("IDistributedCache", Assert.Throws<FeishuConfigurationException>(() => missing.GetRequiredService<IFeishuUserTokenStore>()).Message, StringComparison.Ordinal);
        }

        services.AddDistributedMemoryCache();
        services.AddDataProtection();
        using var provider = services.BuildServiceProvider();
        Assert.IsType<DistributedFeishuUserTokenStore>(provider.GetRequiredService<IFeishuUserTokenStore>());
        Assert.Same(provider.GetRequiredService<IFeishuUserTokenStore>(), provider.GetRequiredService<FeishuUserSessions>().Store);
    }

    private static FeishuAuthenticationOptions Configure(Action<IServiceCollection> services, Action<FeishuAuthenticationOptions> configure)
    {
        var collection = new ServiceCollection();
        collection.AddLogging();
        services(collection);
        collection.AddAuthentication().AddFeishu(configure);
        using var provider = collection.BuildServiceProvider();
        return provider.GetRequiredService<IOptionsMonitor<FeishuAuthenticationOptions>>().Get(FeishuAuthenticationDefaults.AuthenticationScheme);
    }
}
