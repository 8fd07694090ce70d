using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;

namespace FeishuGen.Testing;

public sealed partial class FeishuTestMessenger
{
    private const int TextLimit = 150 * 1024;
    private const int PostLimit = 30 * 1024;

    private Answer Send(RecordedRequest request, string? replyTo)
    {
        var body = Body(request);
        var type = Text(body, "msg_type");
        var content = Text(body, "content");
        var uuid = Text(body, "uuid");
        if (type is null || content is null)
        {
            return Error(400, 99992402, "field validation failed: msg_type and content are required");
        }

        var limit = type == "text" ? TextLimit : PostLimit;
        if (Encoding.UTF8.GetByteCount(request.Body) > limit)
        {
            return Error(400, 230025, "The length of the message content reaches its limit.");
        }

        if (uuid is not null && _byUuid.TryGetValue(uuid, out var earlier) && _options.Time.GetUtcNow() - earlier.At < TimeSpan.FromHours(1))
        {
            // Feishu sends a uuid once an hour: the repeat is answered with the message already sent.
            SuppressedDuplicates++;
            return Ok(Describe(earlier.Message));
        }

        string? cardId = null;
        if (type == "interactive" && JsonNode.Parse(content) is JsonObject card && Text(card, "type") == "card")
        {
            cardId = Text(card["data"] as JsonObject, "card_id");
            if (cardId is null || !_cards.TryGetValue(cardId, out var entity))
            {
                return Error(400, 230099, "Failed to create card content: the card entity does not exist.");
            }

            if (entity.MessageId is not null)
            {
                return Error(400, 230099, "Failed to create card content: a card entity can be sent only once.");
            }
        }
        else if (!ContentFits(type, content))
        {
            return Error(400, 230001, $"Your request contains an invalid request parameter: the content does not fit msg_type {type}.");
        }

        LocalMessage message;
        if (replyTo is not null)
        {
            if (!_byId.TryGetValue(replyTo, out var parent))
            {
                return Error(400, 230001, "Your request contains an invalid request parameter: the message replied to does not exist.");
            }

            if (parent.Recalled)
            {
                return Error(400, 230011, "The message is recalled.");
            }

            var inThread = body?["reply_in_thread"] is JsonValue t && t.GetValueKind() == System.Text.Json.JsonValueKind.True;
            if (inThread && parent.ThreadId is null)
            {
                parent.ThreadId = NextId("omt_");
            }

            message = New(parent.ChatId, _chatTypes.GetValueOrDefault(parent.ChatId, parent.ChatType), type, content, uuid, parent.RootId ?? parent.MessageId, parent.MessageId, parent.ThreadId, cardId);
        }
        else
        {
            var idType = Query(request, "receive_id_type");
            var receiver = Text(body, "receive_id");
            if (idType is null || receiver is null)
            {
                return Error(400, 99992402, "field validation failed: receive_id_type and receive_id are required");
            }

            var chat = idType == "chat_id" ? receiver : "oc_p2p_" + receiver;
            var chatType = _chatTypes.GetValueOrDefault(chat, idType == "chat_id" ? "group" : "p2p");
            _chatTypes[chat] = chatType;
            message = New(chat, chatType, type, content, uuid, null, null, null, cardId);
        }

        if (cardId is not null)
        {
            _cards[cardId].MessageId = message.MessageId;
        }

        return Ok(Describe(message));
    }

    private LocalMessage New(string chat, string chatType, string type, string content, string? uuid, string? root, string? parent, string? thread, string? cardId)
    {
        var message = new LocalMessage
        {
            MessageId = NextId("om_"),
            ChatId = chat,
            ChatType = chatType,
            MsgType = type,
            Content = content,
            SenderType = "app",
            SenderId = _options.AppId,
            RootId = root,
            ParentId = parent,
            ThreadId = thread,
            Uuid = uuid,
            CreatedAt = _options.Time.GetUtcNow(),
            CardId = cardId,
        };
        foreach (var key in KeysIn(content))
        {
            if (_uploads.TryGetValue(key, out var bytes))
            {
                message.Resources[key] = bytes;
            }
        }

        Add(message);
        if (uuid is not null)
        {
            _byUuid[uuid] = (message, message.CreatedAt);
        }

        return message;
    }

    // The checks Feishu makes before 230001: the content is JSON and holds what its msg_type needs.
    private static bool ContentFits(string type, string content)
    {
        JsonObject? json;
        try
        {
            json = JsonNode.Parse(content) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }

        return json is not null && type switch
        {
            "text" => Text(json, "text") is not null,
            "post" => json.Any(p => p.Value is JsonObject locale && locale["content"] is JsonArray),
            "image" => Text(json, "image_key") is not null,
            "file" or "audio" or "media" or "sticker" => Text(json, "file_key") is not null,
            "share_chat" => Text(json, "chat_id") is not null,
            "share_user" => Text(json, "user_id") is not null,
            "system" => Text(json, "type") is not null,
            _ => true,
        };
    }

    private Answer Edit(RecordedRequest request, string id)
    {
        var body = Body(request);
        if (!_byId.TryGetValue(id, out var message))
        {
            return Error(400, 230001, "Your request contains an invalid request parameter: no such message.");
        }

        if (message.SenderType != "app")
        {
            return Error(400, 230071, "The operator is not the sender of the message.");
        }

        var type = Text(body, "msg_type") ?? string.Empty;
        var content = Text(body, "content") ?? string.Empty;
        if (message.MsgType is not ("text" or "post") || type is not ("text" or "post"))
        {
            return Error(400, 230054, "This operation is not supported for this message type.");
        }

        if (message.Edits >= 20)
        {
            return Error(400, 230072, "The message has reached the number of times it can be edited.");
        }

        if (!ContentFits(type, content) || Encoding.UTF8.GetByteCount(request.Body) > (type == "text" ? TextLimit : PostLimit))
        {
            return Error(400, 230001, "Your request contains an invalid request parameter: the content does not fit its msg_type or is too long.");
        }

        message.MsgType = type;
        message.Content = content;
        message.Edits++;
        return Ok(Describe(message));
    }

    private Answer PatchCard(RecordedRequest request, string id)
    {
        if (!_byId.TryGetValue(id, out var message) || message.MsgType != "interactive")
        {
            return Error(400, 230054, "This operation is not supported for this message type.");
        }

        message.Content = Text(Body(request), "content") ?? message.Content;
        message.Edits++;
        return Ok();
    }

    private Answer Get(string id)
        => _byId.TryGetValue(id, out var message)
            ? Ok(new JsonObject { ["items"] = new JsonArray((JsonNode)Describe(message)) })
            : Error(400, 230110, "Action unavailable as the message has been deleted.");

    private Answer Recall(string id)
    {
        if (!_byId.TryGetValue(id, out var message) || message.Recalled)
        {
            return Error(400, 230011, "The message is recalled.");
        }

        message.Recalled = true;
        return Ok();
    }
}
