using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using FeishuGen.Drill.Api;
using FeishuGen.LongConnection;
using FeishuGen.Testing;
using FeishuGen.TestSupport;

namespace FeishuGen.Drill;

/// <summary>
/// The official Lark Node SDK (tests/NodeConformance) against the local server, so that the hub
/// and the server stay honest: its WSClient against the hub (an event; a card callback in a
/// type=event frame, its reply in the ack's data; a type=card frame, which it drops without an ack),
/// its webhook adapter against the encrypted, signed pushes, and its API client against the
/// token endpoint and the catalogue. Exits non-zero when any check fails.
/// </summary>
internal static class NodeConformance
{
    private const string Message = """{"sender":{"sender_id":{"open_id":"ou_node"},"sender_type":"user"},"message":{"message_id":"om_node","chat_id":"oc_node","chat_type":"p2p","message_type":"text","content":"{\"text\":\"node\"}"}}""";

    public static async Task<int> RunAsync(string folder)
    {
        var options = new FeishuTestServerOptions
        {
            LongConnectionConfig = new ClientConfig { ReconnectCount = -1, ReconnectInterval = 0, ReconnectNonce = 0, PingInterval = 30 },
            EventRetryDelays = Array.Empty<TimeSpan>(),
        };
        await using var server = await FeishuTestServer.StartAsync(FeishuEndpointCatalogue.All, options);
        using var node = NodeProcess.Start(folder, server.BaseAddress.ToString().TrimEnd('/'), options.AppId, options.AppSecret, options.VerificationToken, options.EncryptKey!);
        var checks = new List<(string Check, bool Passed, string Observed)>();
        var wait = TimeSpan.FromSeconds(20);
        try
        {
            var port = int.Parse((await node.WaitForAsync("webhook ", wait)).Split(' ')[1], CultureInfo.InvariantCulture);
            var api = await node.WaitForAsync("api", wait);
            checks.Add(("API client: token, then a POST and a GET of the catalogue", api.StartsWith("api post-code 0 list-code 0", StringComparison.Ordinal), api));

            // 1.74.0's WSClient has no onReady callback: the hub's socket count says it is connected.
            var until = DateTime.UtcNow + wait;
            while (server.LongConnections == 0 && DateTime.UtcNow < until)
            {
                await Task.Delay(50);
            }

            var eventAck = await server.SendOverLongConnectionAsync(server.CreateEvent(FeishuEventTypes.ImMessageReceiveV1, Message, "node-ws-1"));
            var seen = await node.WaitForAsync("ws-event", wait);
            checks.Add(("WSClient: an event reaches its handler and is acked 200", eventAck.Code == 200 && seen == "ws-event node-ws-1", $"ack {eventAck.Code}, handler saw '{seen}'"));

            var cardAck = await server.SendOverLongConnectionAsync(server.CreateEvent("card.action.trigger", """{"operator":{"open_id":"ou_node"},"action":{"tag":"button","value":{"k":"v"}}}"""));
            var toast = cardAck.Data is { } data ? JsonDocument.Parse(data).RootElement.GetProperty("toast").GetProperty("content").GetString() : null;
            checks.Add(("WSClient: a card callback in a type=event frame is answered with its reply base64 in the ack's data", cardAck.Code == 200 && toast == "node got button", $"ack {cardAck.Code}, data {cardAck.Data ?? "null"}"));

            var cardFrame = await server.SendCardFrameAsync(server.CreateEvent("card.action.trigger", """{"action":{"tag":"button"}}"""), TimeSpan.FromSeconds(1.5));
            checks.Add(("WSClient: a type=card frame is dropped without an ack (as FeishuGen's client does)", cardFrame is null, cardFrame is null ? "no ack in 1.5 s" : $"ack {cardFrame.Code}"));

            var webhook = new Uri($"http://127.0.0.1:{port}/webhook/event");
            var delivery = await server.PushEventAsync(webhook, server.CreateEvent(FeishuEventTypes.ImMessageReceiveV1, Message, "node-webhook-1"), retry: false);
            var pushed = await node.WaitForAsync("webhook-event", wait);
            checks.Add(("webhook adapter: an encrypted, signed push is verified, decrypted and handled", delivery.Delivered && pushed == "webhook-event node-webhook-1", $"status {string.Join(",", delivery.Statuses)}, handler saw '{pushed}'"));
        }
        catch (Exception e) when (e is TimeoutException or JsonException or FormatException or KeyNotFoundException)
        {
            checks.Add(("the conversation with the Node SDK", false, e.Message));
        }

        Console.WriteLine("| official Node SDK (@larksuiteoapi/node-sdk) against the local server | pass | observed |");
        Console.WriteLine("|---|---|---|");
        foreach (var (check, passed, observed) in checks)
        {
            Console.WriteLine($"| {check} | {(passed ? "yes" : "NO")} | {observed.ReplaceLineEndings(" ")} |");
        }

        var ok = checks.Count == 5 && checks.All(c => c.Passed);
        Console.WriteLine($"node conformance: {checks.Count(c => c.Passed)} passed, {checks.Count(c => !c.Passed)} failed");
        if (!ok && node.Errors.Length > 0)
        {
            Console.WriteLine("Node SDK stderr:\n" + node.Errors);
        }

        return ok ? 0 : 1;
    }
}
