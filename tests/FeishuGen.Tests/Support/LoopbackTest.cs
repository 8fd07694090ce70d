using System.Net.Http;
using System.Threading.Tasks;
using FeishuGen.Testing;
using FeishuGen.Tests.Api;
using Xunit;

namespace FeishuGen.Tests.Support;

/// <summary>
/// A test class with a fresh local Feishu-compatible server (real Kestrel on loopback) and the
/// client generated from specs/ pointed at it, for each test.
/// </summary>
public abstract class LoopbackTest : IAsyncLifetime
{
    protected FeishuTestServer Server { get; private set; } = null!;

    protected HttpClient Http { get; } = new();

    protected FeishuApi Api { get; private set; } = null!;

    /// <summary>The server's settings; override to change them.</summary>
    protected virtual FeishuTestServerOptions ServerOptions => new();

    public async Task InitializeAsync()
    {
        Server = await FeishuTestServer.StartAsync(FeishuEndpointCatalogue.All, ServerOptions);
        Api = new FeishuApi(Server.CreateClientOptions(), Http);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
