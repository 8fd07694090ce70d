using System;
using System.Collections.Concurrent;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Events;
using FeishuGen.Testing;
using FeishuGen.Tests.Api;
using FeishuGen.Tests.Api.Im.Events;
using FeishuGen.Tests.Support;
using FeishuGen.TestSupport;
using Xunit;

namespace FeishuGen.Tests.EndToEnd;

/// <summary>
/// Events pushed by the local server (encrypted and signed as Feishu does) into an ASP.NET Core app
/// with <c>MapFeishuWebhook</c>, over real loopback HTTP, to the typed handlers generated from specs/.
/// </summary>
public sealed class WebhookEndToEndTests : IAsyncLifetime
{
    private const string Message = """{"sender":{"sender_id":{"open_id":"ou_1"},"sender_type":"user"},"message":{"message_id":"om_1","chat_id":"oc_1","chat_type":"p2p","message_type":"text","content":"{\"text\":\"hi\"}","create_time":"1700000000000","brand_new":{"x":1}}}""";

    private readonly ConcurrentQueue<FeishuEvent<ImMessageReceiveV1Event>> _handled = new();
    private readonly ListLogger _log = new();
    private FeishuTestServer _server = null!;
    private WebhookApp _app = null!;

    public async Task InitializeAsync()
    {
        _server = await FeishuTestServer.StartAsync(FeishuEndpointCatalogue.All, new FeishuTestServerOptions { EventRetryDelays = new[] { TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(50) } });
        _app = await WebhookApp.StartAsync(
            o =>
            {
                o.VerificationToken = _server.Options.VerificationToken;
                o.EncryptKey = _server.Options.EncryptKey;
            },
            events => events
                .OnImMessageReceiveV1((e, _) => Record(e))
                .OnImMessageReceiveV1((e, _) => Task.CompletedTask),
            logger: _log);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task An_encrypted_signed_event_reaches_its_typed_handler_with_unknown_members_kept()
    {
        var delivery = await _server.PushEventAsync(_app.Events, _server.CreateEvent(FeishuEventTypes.ImMessageReceiveV1, Message, "ev-typed"));

        Assert.Equal(new[] { 200 }, delivery.Statuses);
        var e = Assert.Single(_handled);
        Assert.Equal("ev-typed", e.Header.EventId);
        Assert.Equal("2.0", e.Header.Schema);
        Assert.Equal("cli_a1b2c3d4e5f60718", e.Header.AppId);
        Assert.Matches("^[0-9]{13}$", e.Header.CreateTime);
        Assert.Equal("om_1", e.Event.Message!.MessageId);
        Assert.Equal("ou_1", e.Event.Sender!.SenderId!.OpenId);
        Assert.Equal(1, (int)e.Event.Message.AdditionalProperties!["brand_new"]!["x"]!);
    }

    [Fact]
    public async Task A_duplicated_delivery_runs_the_handlers_once_and_both_are_answered_200()
    {
        var delivery = await _server.PushEventAsync(_app.Events, _server.CreateEvent(FeishuEventTypes.ImMessageReceiveV1, Message), FeishuEventFault.Duplicate);

        Assert.Equal(new[] { 200, 200 }, delivery.Statuses);
        Assert.Single(_handled);
    }

    [Theory]
    [InlineData(FeishuEventFault.BadSignature, 401, "BadSignature")]
    [InlineData(FeishuEventFault.Replay, 401, "StaleTimestamp")]
    [InlineData(FeishuEventFault.WrongToken, 401, "BadToken")]
    [InlineData(FeishuEventFault.TamperedCiphertext, 400, "BadCiphertext")]
    public async Task A_request_that_fails_verification_gets_a_4xx_naming_only_the_reason_and_runs_no_handler(FeishuEventFault fault, int status, string reason)
    {
        var delivery = await _server.PushEventAsync(_app.Events, _server.CreateEvent(FeishuEventTypes.ImMessageReceiveV1, Message), fault, retry: false);

        Assert.Equal(new[] { status }, delivery.Statuses);
        Assert.Equal("{\"error\":\"" + reason + "\"}", delivery.LastBody);
        Assert.Empty(_handled);
        Assert.DoesNotContain(_server.Options.EncryptKey!, _log.Text);
        Assert.DoesNotContain(_server.Options.VerificationToken, _log.Text);
    }

    [Fact]
    public async Task Malformed_and_oversized_bodies_get_4xx()
    {
        using var http = new HttpClient();
        var malformed = await http.PostAsync(_app.Events, new StringContent("{not json", Encoding.UTF8, "application/json"));
        var oversized = await http.PostAsync(_app.Events, new ByteArrayContent(new byte[(1024 * 1024) + 1]));

        Assert.Equal(400, (int)malformed.StatusCode);
        Assert.Equal(413, (int)oversized.StatusCode);
        Assert.Empty(_handled);
    }

    [Fact]
    public async Task An_encrypted_url_verification_is_answered_with_the_escaped_challenge()
    {
        var challenge = "quote\" back\\slash </script> 中文";
        var body = JsonSerializer.Serialize(new { challenge, token = _server.Options.VerificationToken, type = "url_verification" });
        var encrypted = "{\"encrypt\":\"" + FeishuEventCrypto.Encrypt(_server.Options.EncryptKey!, Encoding.UTF8.GetBytes(body)) + "\"}";
        using var http = new HttpClient();

        var reply = await http.PostAsync(_app.Events, new StringContent(encrypted, Encoding.UTF8, "application/json"));

        Assert.Equal(200, (int)reply.StatusCode);
        using var json = JsonDocument.Parse(await reply.Content.ReadAsStringAsync());
        Assert.Equal(challenge, json.RootElement.GetProperty("challenge").GetString());
    }

    [Fact]
    public async Task An_event_without_a_handler_is_answered_200_and_logged()
    {
        var delivery = await _server.PushEventAsync(_app.Events, _server.CreateEvent("contact.user.created_v3", "{}", "ev-nobody"));

        Assert.Equal(new[] { 200 }, delivery.Statuses);
        Assert.Contains("contact.user.created_v3 (ev-nobody) has no handler", _log.Text);
    }

    private Task Record(FeishuEvent<ImMessageReceiveV1Event> e)
    {
        _handled.Enqueue(e);
        return Task.CompletedTask;
    }
}
