using System;
using FeishuGen;
using FeishuGen.Bots;
using FeishuGen.Events;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers a <see cref="FeishuBot"/> and attaches it to the event dispatcher.</summary>
public static class FeishuBotServiceCollectionExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="FeishuBot"/> over the client of <c>AddFeishu</c>, and the
    /// event dispatcher (<c>AddFeishuEvents</c>) with the bot attached. Receive events with
    /// <c>app.MapFeishuWebhook(…)</c> (FeishuGen.AspNetCore) or <c>AddFeishuLongConnection()</c>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="events">The verification token, encrypt key and handling mode of the dispatcher.</param>
    /// <param name="bot">Registers the handlers: <c>(bot, sp) => bot.OnMessage(…)</c>.</param>
    /// <param name="options">The bot's policy, ordering and limits.</param>
    /// <param name="moreHandlers">Other event handlers for the same dispatcher.</param>
    public static IServiceCollection AddFeishuBot(
        this IServiceCollection services,
        Action<FeishuEventOptions> events,
        Action<FeishuBot, IServiceProvider> bot,
        Action<FeishuBotOptions>? options = null,
        Action<FeishuEventDispatcher, IServiceProvider>? moreHandlers = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(bot);
        var settings = new FeishuBotOptions();
        options?.Invoke(settings);
        settings.Validate();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var created = new FeishuBot(sp.GetRequiredService<FeishuClient>(), settings, sp.GetService<ILogger<FeishuBot>>(), sp.GetRequiredService<TimeProvider>());
            bot(created, sp);
            return created;
        });
        // When the app also runs the long connection, the bot follows its state (OnConnectionChanged).
        services.AddSingleton<Microsoft.Extensions.Hosting.IHostedService, BotConnectionFollower>();
        return services.AddFeishuEvents(events, (dispatcher, sp) =>
        {
            sp.GetRequiredService<FeishuBot>().Attach(dispatcher);
            moreHandlers?.Invoke(dispatcher, sp);
        });
    }
}
