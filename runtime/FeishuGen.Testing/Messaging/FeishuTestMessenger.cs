using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;

namespace FeishuGen.Testing;

/// <summary>
/// The local server's messaging and CardKit state, on when <see cref="FeishuTestServerOptions.SimulateMessaging"/>
/// is set: messages with real ids, chats, threads and root ids; uuids honoured for an hour;
/// edits counted to Feishu's 20; uploads kept and downloadable; reactions; the bot's identity;
/// card entities with their sequences and streaming mode (closed 10 minutes after it was opened),
/// refusing an update out of order (300317) or after the close (300309) as Feishu does, and a
/// record of every CardKit call with its time, so tests can measure rates as the server saw them.
/// </summary>
public sealed partial class FeishuTestMessenger
{
    private readonly object _lock = new();
    private readonly FeishuTestServerOptions _options;
    private readonly Func<string, string, string?, string> _createEvent;
    private readonly List<LocalMessage> _messages = new();
    private readonly Dictionary<string, LocalMessage> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (LocalMessage Message, DateTimeOffset At)> _byUuid = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _chatTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LocalCard> _cards = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _uploads = new(StringComparer.Ordinal);
    private readonly List<LocalCardOperation> _operations = new();
    private long _ids;

    internal FeishuTestMessenger(FeishuTestServerOptions options, Func<string, string, string?, string> createEvent)
    {
        _options = options;
        _createEvent = createEvent;
    }

    /// <summary>The bot's open_id, as 获取机器人信息 answers.</summary>
    public string BotOpenId => _options.BotOpenId;

    /// <summary>Every message, users' and the bot's, in the order they were sent.</summary>
    public IReadOnlyList<LocalMessage> Messages
    {
        get
        {
            lock (_lock)
            {
                return _messages.ToList();
            }
        }
    }

    /// <summary>The bot's messages in one chat, in order.</summary>
    /// <param name="chatId">The chat.</param>
    public IReadOnlyList<LocalMessage> BotMessagesIn(string chatId) => Messages.Where(m => m.ChatId == chatId && m.SenderType == "app").ToList();

    /// <summary>A card entity, or null.</summary>
    /// <param name="cardId">The entity's id.</param>
    public LocalCard? Card(string cardId)
    {
        lock (_lock)
        {
            return _cards.GetValueOrDefault(cardId);
        }
    }

    /// <summary>Every CardKit call received, in order of arrival, refused ones included.</summary>
    public IReadOnlyList<LocalCardOperation> CardOperations
    {
        get
        {
            lock (_lock)
            {
                return _operations.ToList();
            }
        }
    }

    /// <summary>How many sends the server answered with the earlier message because their uuid was seen in the last hour.</summary>
    public int SuppressedDuplicates { get; private set; }

    /// <summary>The most CardKit calls (accepted or not) that arrived within any <paramref name="window"/>, for one card or the whole app.</summary>
    /// <param name="window">The window, e.g. one second.</param>
    /// <param name="cardId">One card, or null for every CardKit call of the app.</param>
    public int MaxOperationsWithin(TimeSpan window, string? cardId = null)
    {
        var times = CardOperations.Where(o => cardId is null || o.CardId == cardId).Select(o => o.At).OrderBy(t => t).ToList();
        var max = 0;
        var start = 0;
        for (var end = 0; end < times.Count; end++)
        {
            while (times[end] - times[start] >= window)
            {
                start++;
            }

            max = Math.Max(max, end - start + 1);
        }

        return max;
    }

    /// <summary>
    /// Puts a user's message in a chat, as Feishu would on receiving it, and returns it with the
    /// im.message.receive_v1 event to push to the bot (webhook or long connection).
    /// </summary>
    /// <param name="message">What the user sends.</param>
    /// <returns>The stored message and the event's JSON envelope.</returns>
    public (LocalMessage Message, string Envelope) UserSends(LocalUserMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var at = message.SentAt ?? _options.Time.GetUtcNow();
        LocalMessage stored;
        lock (_lock)
        {
            _chatTypes.TryAdd(message.ChatId, message.ChatType);
            var parent = message.ReplyTo is null ? null : _byId.GetValueOrDefault(message.ReplyTo);
            var type = message.MessageType ?? "text";
            var content = message.Content ?? new JsonObject { ["text"] = (message.MentionsBot ? "@_user_1 " : string.Empty) + message.Text }.ToJsonString();
            stored = new LocalMessage
            {
                MessageId = NextId("om_"),
                ChatId = message.ChatId,
                ChatType = message.ChatType,
                MsgType = type,
                Content = content,
                SenderType = "user",
                SenderId = message.SenderOpenId,
                RootId = parent is null ? null : parent.RootId ?? parent.MessageId,
                ParentId = parent?.MessageId,
                ThreadId = parent?.ThreadId,
                CreatedAt = at,
            };
            foreach (var resource in message.Resources ?? new Dictionary<string, byte[]>())
            {
                stored.Resources[resource.Key] = resource.Value;
            }

            Add(stored);
        }

        var m = new JsonObject
        {
            ["message_id"] = stored.MessageId,
            ["create_time"] = Milliseconds(at),
            ["update_time"] = Milliseconds(at),
            ["chat_id"] = stored.ChatId,
            ["chat_type"] = stored.ChatType,
            ["message_type"] = stored.MsgType,
            ["content"] = stored.Content,
        };
        if (stored.RootId is not null)
        {
            m["root_id"] = stored.RootId;
            m["parent_id"] = stored.ParentId;
        }

        if (stored.ThreadId is not null)
        {
            m["thread_id"] = stored.ThreadId;
        }

        if (message.MentionsBot)
        {
            m["mentions"] = new JsonArray((JsonNode)new JsonObject
            {
                ["key"] = "@_user_1",
                ["id"] = new JsonObject { ["open_id"] = BotOpenId, ["union_id"] = "on_local_bot" },
                ["mentioned_type"] = "bot",
                ["name"] = _options.BotName,
                ["tenant_key"] = "local-tenant",
            });
        }

        var body = new JsonObject
        {
            ["sender"] = new JsonObject
            {
                ["sender_id"] = new JsonObject { ["open_id"] = message.SenderOpenId, ["union_id"] = "on_" + message.SenderOpenId, ["user_id"] = "u_" + message.SenderOpenId },
                ["sender_type"] = "user",
                ["tenant_key"] = "local-tenant",
            },
            ["message"] = m,
        };
        return (stored, _createEvent("im.message.receive_v1", body.ToJsonString(), message.EventId));
    }

    private void Add(LocalMessage message)
    {
        _messages.Add(message);
        _byId[message.MessageId] = message;
    }

    private string NextId(string prefix) => prefix + "local" + Interlocked.Increment(ref _ids).ToString("D10", CultureInfo.InvariantCulture);

    private static string Milliseconds(DateTimeOffset at) => at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
}
