using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace FeishuGen.Testing;

public sealed partial class FeishuTestMessenger
{
    private Answer Upload(RecordedRequest request, bool image)
    {
        var file = request.FormParts.FirstOrDefault(p => p.Name == (image ? "image" : "file"));
        if (file is null || file.Content.Length == 0)
        {
            return Error(400, 234010, "File's size can't be 0.");
        }

        if (file.Content.Length > (image ? 10 : 30) * 1024 * 1024)
        {
            return Error(400, 234006, "The file size exceed the max value.");
        }

        var key = NextId(image ? "img_v2_" : "file_v2_");
        _uploads[key] = file.Content;
        return Ok(new JsonObject { [image ? "image_key" : "file_key"] = key });
    }

    private Answer Uploaded(string key)
        => _uploads.TryGetValue(key, out var bytes) ? new Answer(200, null, bytes, key) : Error(400, 234005, "Image has been deleted.");

    /// <summary>An upload's bytes, or null.</summary>
    /// <param name="key">The image_key or file_key.</param>
    public byte[]? Uploads(string key)
    {
        lock (_lock)
        {
            return _uploads.GetValueOrDefault(key);
        }
    }

    private Answer Resource(string messageId, string key)
    {
        if (!_byId.TryGetValue(messageId, out var message))
        {
            return Error(400, 230110, "Action unavailable as the message has been deleted.");
        }

        if (message.MsgType is "sticker" or "merge_forward" or "interactive")
        {
            return Error(400, 234043, "Unsupported message type.");
        }

        return message.Resources.TryGetValue(key, out var bytes) ? new Answer(200, null, bytes, key) : Error(400, 234003, "File not in msg.");
    }

    private Answer React(RecordedRequest request, string messageId)
    {
        if (!_byId.TryGetValue(messageId, out var message) || message.Recalled)
        {
            return Error(400, 230011, "The message is recalled.");
        }

        var emoji = Text(Body(request)?["reaction_type"] as JsonObject, "emoji_type");
        if (string.IsNullOrEmpty(emoji))
        {
            return Error(400, 231001, "reaction type is invalid.");
        }

        var id = NextId("reaction_");
        message.Reactions[id] = emoji;
        return Ok(new JsonObject
        {
            ["reaction_id"] = id,
            ["operator"] = new JsonObject { ["operator_id"] = _options.AppId, ["operator_type"] = "app" },
            ["action_time"] = Milliseconds(_options.Time.GetUtcNow()),
            ["reaction_type"] = new JsonObject { ["emoji_type"] = emoji },
        });
    }

    private Answer Unreact(string messageId, string reactionId)
    {
        if (!_byId.TryGetValue(messageId, out var message) || !message.Reactions.TryGetValue(reactionId, out var emoji) || !message.Reactions.Remove(reactionId))
        {
            return Error(400, 231003, "The reaction does not exist.");
        }

        return Ok(new JsonObject { ["reaction_id"] = reactionId, ["reaction_type"] = new JsonObject { ["emoji_type"] = emoji } });
    }
}
