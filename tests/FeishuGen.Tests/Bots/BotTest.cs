using System;
using System.Net.Http;
using System.Threading.Tasks;
using FeishuGen.Bots;
using FeishuGen.Events;
using FeishuGen.Testing;
using FeishuGen.TestSupport;
using Xunit;

namespace FeishuGen.Tests.Bots;

/// <summary>
/// A bot against the local server playing messaging and CardKit (real Kestrel on loopback both
/// ways): the bot's calls go to the server, the server's events come to the bot's webhook.
/// </summary>
public abstract class BotTest : IAsyncLifetime
{
    protected FeishuTestServer Server { get; private set; } = null!;

    protected FeishuBot Bot { get; private set; } = null!;

    protected WebhookApp App { get; private set; } = null!;

    protected FeishuTestMessenger Messenger => Server.Messenger;

    private FeishuClient _client = null!;

    protected virtual void ConfigureServer(FeishuTestServerOptions options)
    {
    }

    protected virtual void ConfigureBot(FeishuBotOptions options)
    {
    }

    protected virtual void ConfigureEvents(FeishuEventOptions options)
    {
    }

    protected abstract void Handlers(FeishuBot bot);

    public async Task InitializeAsync()
    {
        var serverOptions = new FeishuTestServerOptions { SimulateMessaging = true, EventRetryDelays = new[] { TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(200) } };
        ConfigureServer(serverOptions);
        Server = await FeishuTestServer.StartAsync(FeishuBot.Endpoints, serverOptions);
        var botOptions = new FeishuBotOptions();
        ConfigureBot(botOptions);
        _client = new FeishuClient(Server.CreateClientOptions());
        Bot = new FeishuBot(_client, botOptions);
        Handlers(Bot);
        App = await WebhookApp.StartAsync(
            o =>
            {
                o.VerificationToken = Server.Options.VerificationToken;
                o.EncryptKey = Server.Options.EncryptKey;
                ConfigureEvents(o);
            },
            d => Bot.Attach(d));
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        Bot.Dispose();
        _client.Dispose();
        await Server.DisposeAsync();
    }

    /// <summary>A user sends a message; the server pushes its event to the bot's webhook (retrying while the answer is not 200).</summary>
    protected async Task<(LocalMessage Message, FeishuEventDelivery Delivery)> UserSendsAsync(LocalUserMessage message)
    {
        var (stored, envelope) = Messenger.UserSends(message);
        var delivery = await Server.PushEventAsync(App.Events, envelope);
        return (stored, delivery);
    }
}
