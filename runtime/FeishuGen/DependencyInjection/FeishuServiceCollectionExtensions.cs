using System;
using FeishuGen;
using FeishuGen.Tokens;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers FeishuGen in a service collection.</summary>
public static class FeishuServiceCollectionExtensions
{
    /// <summary>The name of the IHttpClientFactory client FeishuGen sends through.</summary>
    public const string HttpClientName = "FeishuGen";

    /// <summary>
    /// Registers a singleton <see cref="FeishuClient"/> configured from <paramref name="configuration"/>
    /// (keys AppId, AppSecret, Domain = Feishu|Lark or BaseAddress, AppType, Timeout, Retry:*),
    /// sending through IHttpClientFactory. Returns the HTTP client builder, to add handlers.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section, e.g. <c>configuration.GetSection("Feishu")</c>.</param>
    /// <param name="configure">Further settings applied after the section.</param>
    public static IHttpClientBuilder AddFeishu(this IServiceCollection services, IConfiguration configuration, Action<FeishuClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddFeishu(options =>
        {
            FeishuOptionsBinder.Bind(configuration, options);
            configure?.Invoke(options);
        });
    }

    /// <summary>Registers a singleton <see cref="FeishuClient"/> configured in code, sending through IHttpClientFactory.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    public static IHttpClientBuilder AddFeishu(this IServiceCollection services, Action<FeishuClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new FeishuClientOptions();
        configure(options);
        options.Validate();
        services.TryAddSingleton(options);
        services.TryAddSingleton<IFeishuTokenCache, InMemoryFeishuTokenCache>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new FeishuClient(
            sp.GetRequiredService<FeishuClientOptions>(),
            sp.GetRequiredService<System.Net.Http.IHttpClientFactory>(),
            HttpClientName,
            sp.GetRequiredService<IFeishuTokenCache>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<FeishuClient>>()));

        // The client times its own attempts; the factory's client must not cut them short.
        return services.AddHttpClient(HttpClientName, http => http.Timeout = System.Threading.Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// Shares tokens between the instances of an app through the app's <see cref="Microsoft.Extensions.Caching.Distributed.IDistributedCache"/>
    /// (register one first, e.g. <c>services.AddStackExchangeRedisCache(…)</c>): one instance fetches
    /// a token per lifetime and the others use it; if the shared cache fails, each instance goes on
    /// with its own tokens. Any IDistributedCache works, so FeishuGen takes no Redis dependency.
    /// </summary>
    /// <param name="services">The services (call after <c>AddFeishu</c> or before: this replaces the in-memory cache).</param>
    public static IServiceCollection AddFeishuDistributedTokenCache(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.Replace(ServiceDescriptor.Singleton<IFeishuTokenCache>(sp => new DistributedFeishuTokenCache(
            sp.GetRequiredService<Microsoft.Extensions.Caching.Distributed.IDistributedCache>(),
            sp.GetService<TimeProvider>(),
            sp.GetService<ILogger<DistributedFeishuTokenCache>>())));
        return services;
    }
}
