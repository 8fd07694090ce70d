using System;
using System.Net.Http;
using System.Threading.Tasks;
using FeishuGen.Drill.Api;
using FeishuGen.Testing;

namespace FeishuGen.Drill;

/// <summary>A fresh local server and a generated client pointed at it, for one scenario.</summary>
internal sealed class DrillContext : IAsyncDisposable
{
    public const string UpdateResultPath = "/open-apis/hire/v1/eco_background_checks/update_result";
    public const string ChatsPath = "/open-apis/im/v1/chats";

    private readonly HttpClient _http;

    private DrillContext(FeishuTestServer server, TimeProvider? clock)
    {
        Server = server;
        _http = new HttpClient { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        var options = server.CreateClientOptions();
        options.Timeout = TimeSpan.FromSeconds(1);
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(20);
        Client = new FeishuClient(options, _http, timeProvider: clock);
        Api = new FeishuApi(Client);
    }

    public FeishuTestServer Server { get; }

    public FeishuClient Client { get; }

    public FeishuApi Api { get; }

    public static async Task<DrillContext> StartAsync(FeishuTestServerOptions? options = null, TimeProvider? clock = null)
        => new(await FeishuTestServer.StartAsync(FeishuEndpointCatalogue.All, options), clock);

    /// <summary>Fails the scenario with <paramref name="observed"/> unless <paramref name="condition"/> holds.</summary>
    public static void Expect(bool condition, string observed)
    {
        if (!condition)
        {
            throw new DrillFailure(observed);
        }
    }

    public int CallsTo(string path) => Server.ApiRequests.Count(r => r.Path == path);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        _http.Dispose();
        await Server.DisposeAsync();
    }
}

internal static class RequestListExtensions
{
    public static int Count(this System.Collections.Generic.IReadOnlyList<RecordedRequest> requests, Func<RecordedRequest, bool> predicate)
        => System.Linq.Enumerable.Count(requests, predicate);
}
