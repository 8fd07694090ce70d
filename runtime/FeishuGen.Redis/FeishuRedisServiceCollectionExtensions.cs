using System;
using FeishuGen.Events;
using FeishuGen.Redis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the durable Feishu event stream over Redis.</summary>
public static class FeishuRedisServiceCollectionExtensions
{
    /// <summary>
    /// Stores events in a Redis Stream before Feishu gets its answer and handles them from there on
    /// every instance (set <c>o.Mode = FeishuEventHandlingMode.Durable</c> in <c>AddFeishuEvents</c>).
    /// Registers the stream, the durable queue the dispatcher appends to, and a hosted consumer.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">A StackExchange.Redis configuration string, e.g. "localhost:6379".</param>
    /// <param name="configure">Keys, group, concurrency, retries, claim and drain times.</param>
    public static IServiceCollection AddFeishuRedisEventStream(this IServiceCollection services, string configuration, Action<FeishuRedisEventStreamOptions>? configure = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(configuration);
        return services.AddFeishuRedisEventStream(_ => ConnectionMultiplexer.Connect(configuration), configure);
    }

    /// <summary>As <see cref="AddFeishuRedisEventStream(IServiceCollection, string, Action{FeishuRedisEventStreamOptions}?)"/>, over a connection the app makes (or shares).</summary>
    /// <param name="services">The services.</param>
    /// <param name="connection">Gives the connection.</param>
    /// <param name="configure">Keys, group, concurrency, retries, claim and drain times.</param>
    public static IServiceCollection AddFeishuRedisEventStream(this IServiceCollection services, Func<IServiceProvider, IConnectionMultiplexer> connection, Action<FeishuRedisEventStreamOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(connection);
        var options = new FeishuRedisEventStreamOptions();
        configure?.Invoke(options);
        options.Validate();
        services.TryAddSingleton(sp => new FeishuRedisEventStream(connection(sp), options));
        services.TryAddSingleton<IFeishuDurableEventQueue>(sp => sp.GetRequiredService<FeishuRedisEventStream>());
        services.TryAddSingleton(sp => new FeishuRedisEventConsumer(
            sp.GetRequiredService<FeishuRedisEventStream>(),
            sp.GetRequiredService<FeishuEventDispatcher>(),
            sp.GetService<ILogger<FeishuRedisEventConsumer>>(),
            sp.GetService<TimeProvider>()));
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<FeishuRedisEventConsumer>());
        return services;
    }
}
