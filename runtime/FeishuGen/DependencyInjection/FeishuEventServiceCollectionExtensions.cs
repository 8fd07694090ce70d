using System;
using FeishuGen;
using FeishuGen.Events;
using FeishuGen.LongConnection;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers FeishuGen's event dispatcher, shared deduplication and long connection.</summary>
public static class FeishuEventServiceCollectionExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="FeishuEventDispatcher"/>. Add handlers in
    /// <paramref name="handlers"/> with the generated <c>On…</c> methods; they may take services
    /// from the provider.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the verification token, encrypt key and handling mode.</param>
    /// <param name="handlers">Registers the handlers, e.g. <c>(events, sp) => events.OnImMessageReceiveV1(...)</c>.</param>
    public static IServiceCollection AddFeishuEvents(this IServiceCollection services, Action<FeishuEventOptions> configure, Action<FeishuEventDispatcher, IServiceProvider>? handlers = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new FeishuEventOptions();
        configure(options);
        options.ValidateHandling();
        services.TryAddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IFeishuEventDeduplication>(sp => new InMemoryFeishuEventDeduplication(timeProvider: sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp =>
        {
            var dispatcher = new FeishuEventDispatcher(
                sp.GetRequiredService<FeishuEventOptions>(),
                sp.GetRequiredService<IFeishuEventDeduplication>(),
                sp.GetService<ILogger<FeishuEventDispatcher>>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetService<IFeishuDurableEventQueue>());
            handlers?.Invoke(dispatcher, sp);
            return dispatcher;
        });
        return services;
    }

    /// <summary>
    /// Deduplicates events across the instances of an app through the registered
    /// <see cref="IDistributedCache"/> (Redis, say): an event retried to another instance is handled once.
    /// </summary>
    /// <param name="services">The services.</param>
    public static IServiceCollection AddFeishuDistributedEventDeduplication(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.Replace(ServiceDescriptor.Singleton<IFeishuEventDeduplication>(sp => new DistributedFeishuEventDeduplication(
            sp.GetRequiredService<IDistributedCache>(), timeProvider: sp.GetService<TimeProvider>())));
        return services;
    }

    /// <summary>
    /// Receives events over Feishu's long connection as a hosted service (no public URL needed).
    /// Needs <c>AddFeishu</c> (the app's credentials) and <see cref="AddFeishuEvents"/> (the handlers).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Timeouts and limits.</param>
    public static IServiceCollection AddFeishuLongConnection(this IServiceCollection services, Action<FeishuLongConnectionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new FeishuLongConnectionOptions();
        configure?.Invoke(options);
        options.Validate();
        services.TryAddSingleton(options);
        services.TryAddSingleton(sp => new FeishuLongConnection(
            sp.GetRequiredService<FeishuClientOptions>(),
            sp.GetRequiredService<FeishuEventDispatcher>(),
            sp.GetRequiredService<FeishuLongConnectionOptions>(),
            sp.GetRequiredService<System.Net.Http.IHttpClientFactory>().CreateClient(FeishuServiceCollectionExtensions.HttpClientName),
            sp.GetService<ILogger<FeishuLongConnection>>(),
            sp.GetService<TimeProvider>()));
        services.AddSingleton<IHostedService, FeishuLongConnectionService>();
        return services;
    }

    /// <summary>
    /// Adds the long connection's readiness to the health checks (Healthy when connected, Degraded
    /// while reconnecting, Unhealthy when refused for good or reconnecting longer than 5 minutes).
    /// </summary>
    /// <param name="builder">The health checks, from <c>services.AddHealthChecks()</c>.</param>
    /// <param name="name">The check's name.</param>
    /// <param name="tags">Tags to filter on, e.g. "ready".</param>
    public static IHealthChecksBuilder AddFeishuLongConnection(this IHealthChecksBuilder builder, string name = "feishu-long-connection", params string[] tags)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new HealthCheckRegistration(
            name,
            sp => new FeishuLongConnectionHealthCheck(sp.GetRequiredService<FeishuLongConnection>(), sp.GetService<TimeProvider>()),
            failureStatus: null,
            tags));
    }
}
