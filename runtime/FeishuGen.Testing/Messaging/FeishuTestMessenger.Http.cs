using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace FeishuGen.Testing;

public sealed partial class FeishuTestMessenger
{
    /// <summary>An answer: status, JSON body (or file bytes) and headers.</summary>
    private sealed record Answer(int Status, JsonObject? Json, byte[]? File = null, string? FileName = null, int RetryAfter = 0);

    private static readonly JsonDocumentOptions Lenient = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>Answers the messaging and CardKit endpoints; false for any other path.</summary>
    internal async Task<bool> TryHandleAsync(HttpContext context, RecordedRequest request, TokenIssuer tokens)
    {
        var segments = request.Path.Trim('/').Split('/');
        if (segments.Length < 4 || segments[0] != "open-apis")
        {
            return false;
        }

        Func<Answer>? route = (request.Method, segments[1], segments[2], segments.Length) switch
        {
            ("GET", "bot", "v3", 4) when segments[3] == "info" => BotInfo,
            ("POST", "im", "v1", 4) when segments[3] == "messages" => () => Send(request, null),
            ("POST", "im", "v1", 6) when segments[3] == "messages" && segments[5] == "reply" => () => Send(request, segments[4]),
            ("PUT", "im", "v1", 5) when segments[3] == "messages" => () => Edit(request, segments[4]),
            ("PATCH", "im", "v1", 5) when segments[3] == "messages" => () => PatchCard(request, segments[4]),
            ("GET", "im", "v1", 5) when segments[3] == "messages" => () => Get(segments[4]),
            ("DELETE", "im", "v1", 5) when segments[3] == "messages" => () => Recall(segments[4]),
            ("POST", "im", "v1", 6) when segments[3] == "messages" && segments[5] == "reactions" => () => React(request, segments[4]),
            ("DELETE", "im", "v1", 7) when segments[3] == "messages" && segments[5] == "reactions" => () => Unreact(segments[4], segments[6]),
            ("GET", "im", "v1", 7) when segments[3] == "messages" && segments[5] == "resources" => () => Resource(segments[4], segments[6]),
            ("POST", "im", "v1", 4) when segments[3] is "images" or "files" => () => Upload(request, segments[3] == "images"),
            ("GET", "im", "v1", 5) when segments[3] is "images" or "files" => () => Uploaded(segments[4]),
            ("POST", "cardkit", "v1", 4) when segments[3] == "cards" => () => CreateCard(request),
            ("PUT", "cardkit", "v1", 5) when segments[3] == "cards" => () => UpdateCard(request, segments[4]),
            ("PATCH", "cardkit", "v1", 6) when segments[3] == "cards" && segments[5] == "settings" => () => Settings(request, segments[4]),
            ("PUT", "cardkit", "v1", 8) when segments[3] == "cards" && segments[5] == "elements" && segments[7] == "content" => () => StreamContent(request, segments[4], segments[6]),
            _ => null,
        };
        if (route is null)
        {
            return false;
        }

        var authorization = request.Header("Authorization") ?? string.Empty;
        Answer answer;
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal) || tokens.Check(authorization["Bearer ".Length..].Trim()) != FeishuTokenType.Tenant)
        {
            answer = Error(400, 99991663, "Invalid access token for authorization. Please make a request with token attached.");
        }
        else
        {
            lock (_lock)
            {
                answer = route();
            }
        }

        await WriteAsync(context, answer).ConfigureAwait(false);
        return true;
    }

    private static async Task WriteAsync(HttpContext context, Answer answer)
    {
        var response = context.Response;
        response.StatusCode = answer.Status;
        if (answer.RetryAfter > 0)
        {
            response.Headers["x-ogw-ratelimit-reset"] = answer.RetryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (answer.File is { } file)
        {
            response.ContentType = "application/octet-stream";
            response.Headers.ContentDisposition = "attachment; filename=\"" + (answer.FileName ?? "file") + "\"";
            await response.Body.WriteAsync(file, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        response.ContentType = "application/json; charset=utf-8";
        await response.WriteAsync(answer.Json!.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }

    private static Answer Ok(JsonObject? data = null) => new(200, new JsonObject { ["code"] = 0, ["msg"] = "success", ["data"] = data ?? new JsonObject() });

    private static Answer Error(int status, int code, string msg) => new(status, new JsonObject { ["code"] = code, ["msg"] = msg });

    private static JsonObject? Body(RecordedRequest request)
    {
        try
        {
            return JsonNode.Parse(request.Body, documentOptions: Lenient) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonObject? o, string name) => o?[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static long? Number(JsonObject? o, string name) => o?[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out var n) ? n : null;

    private static string? Query(RecordedRequest request, string name)
    {
        foreach (var pair in request.QueryString.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            if (eq > 0 && Uri.UnescapeDataString(pair[..eq]) == name)
            {
                return Uri.UnescapeDataString(pair[(eq + 1)..]);
            }
        }

        return null;
    }

    private Answer BotInfo() => new(200, new JsonObject
    {
        ["code"] = 0,
        ["msg"] = "ok",
        ["bot"] = new JsonObject
        {
            ["activate_status"] = 2,
            ["app_name"] = _options.BotName,
            ["avatar_url"] = "https://example.invalid/local-bot.png",
            ["ip_white_list"] = new JsonArray(),
            ["open_id"] = BotOpenId,
        },
    });

    private JsonObject Describe(LocalMessage m)
    {
        var json = new JsonObject
        {
            ["message_id"] = m.MessageId,
            ["msg_type"] = m.MsgType,
            ["create_time"] = Milliseconds(m.CreatedAt),
            ["update_time"] = Milliseconds(m.CreatedAt),
            ["deleted"] = m.Recalled,
            ["updated"] = m.Edits > 0,
            ["chat_id"] = m.ChatId,
            ["sender"] = m.SenderType == "app"
                ? new JsonObject { ["id"] = _options.AppId, ["id_type"] = "app_id", ["sender_type"] = "app", ["tenant_key"] = "local-tenant" }
                : new JsonObject { ["id"] = m.SenderId, ["id_type"] = "open_id", ["sender_type"] = "user", ["tenant_key"] = "local-tenant" },
            ["body"] = new JsonObject { ["content"] = m.Content },
        };
        if (m.RootId is not null)
        {
            json["root_id"] = m.RootId;
            json["parent_id"] = m.ParentId;
        }

        if (m.ThreadId is not null)
        {
            json["thread_id"] = m.ThreadId;
        }

        return json;
    }

    private static IEnumerable<string> KeysIn(string content)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(content, documentOptions: Lenient);
        }
        catch (JsonException)
        {
            yield break;
        }

        var pending = new Stack<JsonNode?>();
        pending.Push(node);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case JsonObject o:
                    foreach (var pair in o)
                    {
                        if (pair.Key is "image_key" or "file_key" && pair.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
                        {
                            yield return v.GetValue<string>();
                        }
                        else
                        {
                            pending.Push(pair.Value);
                        }
                    }

                    break;
                case JsonArray a:
                    foreach (var item in a.Reverse())
                    {
                        pending.Push(item);
                    }

                    break;
            }
        }
    }
}
