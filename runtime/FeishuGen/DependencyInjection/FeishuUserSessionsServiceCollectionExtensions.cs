using System;
using FeishuGen;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers signed-in users' sessions and where their tokens are kept.</summary>
public static class FeishuUserSessionsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="FeishuUserSessions"/> for the registered <see cref="FeishuClient"/>
    /// (<c>services.AddFeishu(…)</c>), over the registered <see cref="IFeishuUserTokenStore"/>, in memory
    /// when none is. Sign-in (<c>AddAuthentication().AddFeishu()</c>) calls this.
    /// </summary>
    /// <param name="services">The services.</param>
    public static IServiceCollection AddFeishuUserSessions(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IFeishuUserTokenStore>(sp => new InMemoryFeishuUserTokenStore(sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.TryAddSingleton(sp => new FeishuUserSessions(
            sp.GetService<FeishuClient>() ?? throw new FeishuConfigurationException("Users' sessions refresh through the app's FeishuClient: register it with services.AddFeishu(o => { o.AppId = …; o.AppSecret = …; }) (or, for sign-in, set StoreUserTokens = false)."),
            sp.GetRequiredService<IFeishuUserTokenStore>()));
        return services;
    }

    /// <summary>
    /// Keeps users' tokens in the app's <see cref="IDistributedCache"/> (register one first, e.g.
    /// <c>services.AddStackExchangeRedisCache(…)</c>), encrypted with the app's Data Protection
    /// (<c>services.AddDataProtection().PersistKeysTo…(…)</c>, one key ring for every instance; web
    /// apps with authentication have Data Protection already, but its keys must still be shared).
    /// </summary>
    /// <param name="services">The services (call before or after <see cref="AddFeishuUserSessions"/>: this replaces the in-memory store).</param>
    public static IServiceCollection AddFeishuDistributedUserTokenStore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.Replace(ServiceDescriptor.Singleton<IFeishuUserTokenStore>(sp => new DistributedFeishuUserTokenStore(
            sp.GetService<IDistributedCache>() ?? throw new FeishuConfigurationException("The distributed user-token store needs an IDistributedCache: register one first, e.g. services.AddStackExchangeRedisCache(…)."),
            sp.GetService<IDataProtectionProvider>() ?? throw new FeishuConfigurationException("The distributed user-token store encrypts with Data Protection: call services.AddDataProtection() and share its keys between instances (PersistKeysTo…)."),
            sp.GetService<TimeProvider>(),
            sp.GetService<ILogger<DistributedFeishuUserTokenStore>>())));
        return services;
    }
}
