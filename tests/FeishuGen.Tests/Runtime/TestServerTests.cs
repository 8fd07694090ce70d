using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using FeishuGen.Testing;
using FeishuGen.Tests.Api;
using FeishuGen.Tests.Api.Im.V1;
using FeishuGen.Tests.Support;
using FeishuGen.TestSupport;
using Xunit;

namespace FeishuGen.Tests.Runtime;

/// <summary>The local server binds loopback only, and its scripts hold under concurrency.</summary>
[Collection(nameof(EnvironmentSensitive))]
public sealed class TestServerTests : LoopbackTest
{
    [Fact]
    public async Task Configuration_in_the_environment_cannot_bind_the_server_beyond_loopback()
    {
        var port = LocalRedis.FreePort();
        Environment.SetEnvironmentVariable("Kestrel__Endpoints__Open__Url", $"http://0.0.0.0:{port}");
        Environment.SetEnvironmentVariable("ASPNETCORE_URLS", $"http://0.0.0.0:{port}");
        try
        {
            await using var server = await FeishuTestServer.StartAsync(FeishuEndpointCatalogue.All);

            Assert.True(IPAddress.IsLoopback(IPAddress.Parse(server.BaseAddress.Host)));
            Assert.NotEqual(port, server.BaseAddress.Port);
            using var probe = new TcpClient();
            await Assert.ThrowsAnyAsync<SocketException>(() => probe.ConnectAsync(IPAddress.Loopback, port));
        }
        finally
        {
            Environment.SetEnvironmentVariable("Kestrel__Endpoints__Open__Url", null);
            Environment.SetEnvironmentVariable("ASPNETCORE_URLS", null);
        }
    }

    [Fact]
    public async Task Each_scripted_reply_is_taken_by_exactly_one_of_many_concurrent_requests()
    {
        var options = Server.CreateClientOptions();
        options.Retry.Enabled = false;
        var api = new FeishuApi(options, Http);
        await api.Im.V1.Chat.ListAsync(new ListChatRequest());
        for (var i = 0; i < 40; i++)
        {
            Server.Enqueue(ScriptedReply.Error(400, 232001 + i, "scripted " + i), "/open-apis/im/v1/chats");
        }

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 100).Select(async _ =>
        {
            try
            {
                await api.Im.V1.Chat.ListAsync(new ListChatRequest());
                return 0;
            }
            catch (FeishuApiException e)
            {
                return e.Code;
            }
        }));

        var codes = outcomes.Where(c => c != 0).ToList();
        Assert.Equal(40, codes.Count);
        Assert.Equal(40, codes.Distinct().Count());
    }

    [Fact]
    public async Task Token_endpoints_can_be_scripted()
    {
        Server.Enqueue(ScriptedReply.Error(400, 99991543, "app id invalid"), FeishuTestServer.TenantTokenPath);

        var error = await Assert.ThrowsAsync<FeishuAuthenticationException>(() => Api.Im.V1.Chat.ListAsync(new ListChatRequest()));

        Assert.Equal(99991543, error.Code);
    }
}

/// <summary>Tests that change process-wide environment variables run alone.</summary>
[CollectionDefinition(nameof(EnvironmentSensitive), DisableParallelization = true)]
public sealed class EnvironmentSensitive
{
}
