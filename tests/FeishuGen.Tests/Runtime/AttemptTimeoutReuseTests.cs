using System.Threading.Tasks;
using FeishuGen.Testing;
using FeishuGen.Tests.Api;
using FeishuGen.Tests.Api.Im.V1;
using FeishuGen.Tests.Support;
using Xunit;

namespace FeishuGen.Tests.Runtime;

/// <summary>
/// An attempt's timeout source is reused on its thread when it did not fire; one that fired is
/// never reused, so a timed-out call cannot cancel the calls after it.
/// </summary>
public sealed class AttemptTimeoutReuseTests : LoopbackTest
{
    [Fact]
    public async Task Calls_after_a_timed_out_call_are_not_cancelled_by_its_timer()
    {
        // Warmed up first with the usual timeout, so that a cold start is not taken for a timeout.
        await Api.Im.V1.Chat.ListAsync(new ListChatRequest());
        var options = Server.CreateClientOptions();
        options.Retry.Enabled = false;
        options.Timeout = System.TimeSpan.FromSeconds(1);
        var api = new FeishuApi(options, Http);

        for (var round = 0; round < 2; round++)
        {
            Server.InjectFault(FeishuFault.Delay(System.TimeSpan.FromSeconds(3)), r => r.Path == "/open-apis/im/v1/chats");
            var error = await Assert.ThrowsAsync<FeishuTransportException>(() => api.Im.V1.Chat.ListAsync(new ListChatRequest()));
            Assert.True(error.IsTimeout);

            // Several quick calls in a row: each takes a source that did not fire, none is cancelled.
            for (var call = 0; call < 5; call++)
            {
                var page = await api.Im.V1.Chat.ListAsync(new ListChatRequest());
                Assert.NotNull(page);
            }
        }
    }
}
