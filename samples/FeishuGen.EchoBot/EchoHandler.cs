using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.EchoBot.Api;
using FeishuGen.EchoBot.Api.Im.Events;
using FeishuGen.EchoBot.Api.Im.V1;
using FeishuGen.Events;

namespace FeishuGen.EchoBot;

/// <summary>The bot: every text message it receives is sent back to the same chat, prefixed with "echo: ".</summary>
internal sealed class EchoHandler(FeishuApi api)
{
    public async Task HandleAsync(FeishuEvent<ImMessageReceiveV1Event> e, CancellationToken cancellationToken)
    {
        var message = e.Event.Message;
        if (message?.ChatId is not { } chat || message.MessageType != "text" || message.Content is null)
        {
            return;
        }

        // content is JSON text inside the JSON event: {"text":"..."}.
        using var content = JsonDocument.Parse(message.Content);
        var text = content.RootElement.TryGetProperty("text", out var t) ? t.GetString() : null;
        await api.Im.V1.Message.CreateAsync(new CreateMessageRequest
        {
            ReceiveIdType = CreateMessageRequest.ReceiveIdTypeValues.ChatId,
            ReceiveId = chat,
            MsgType = CreateMessageRequest.MsgTypeValues.Text,
            Content = JsonSerializer.Serialize(new { text = "echo: " + text }),
            Uuid = e.Header.EventId, // Feishu sends a message once per uuid: a re-delivered event never echoes twice.
        }, cancellationToken: cancellationToken);
    }
}
