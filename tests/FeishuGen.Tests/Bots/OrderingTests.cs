using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Bots;
using FeishuGen.Testing;
using Xunit;

namespace FeishuGen.Tests.Bots;

/// <summary>100 messages across 10 chats, pushed at once: each chat's messages are handled one at a time in the order they came, the chats in parallel.</summary>
public sealed class OrderingTests : BotTest
{
    private readonly ConcurrentDictionary<string, List<int>> _order = new();
    private readonly ConcurrentDictionary<string, int> _inChat = new();
    private int _running;
    private int _maxRunning;
    private int _maxInOneChat;

    protected override void ConfigureBot(FeishuBotOptions options) => options.Acknowledge = BotAcknowledgement.OnAdmission;

    protected override void Handlers(FeishuBot bot) => bot.OnMessage(async (m, ct) =>
    {
        var inChat = _inChat.AddOrUpdate(m.ChatId, 1, (_, n) => n + 1);
        Max(ref _maxInOneChat, inChat);
        Max(ref _maxRunning, Interlocked.Increment(ref _running));
        await Task.Delay(Random.Shared.Next(2, 12), ct);
        lock (_order)
        {
            _order.GetOrAdd(m.ChatId, _ => new List<int>()).Add(int.Parse(m.Text, System.Globalization.CultureInfo.InvariantCulture));
        }

        Interlocked.Decrement(ref _running);
        _inChat.AddOrUpdate(m.ChatId, 0, (_, n) => n - 1);
    });

    [Fact]
    public async Task A_hundred_messages_across_ten_chats_keep_each_chats_order()
    {
        // Each chat's user sends ten messages one after the other (each push answered on admission); the ten chats at once.
        await Task.WhenAll(Enumerable.Range(0, 10).Select(async chat =>
        {
            for (var i = 0; i < 10; i++)
            {
                var (_, envelope) = Messenger.UserSends(new LocalUserMessage { ChatId = "oc_order_" + chat, Text = i.ToString(System.Globalization.CultureInfo.InvariantCulture) });
                Assert.Equal(200, (await Server.PushEventAsync(App.Events, envelope)).Statuses.Last());
            }
        }));

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (_order.Values.Sum(l => l.Count) < 100 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Equal(10, _order.Count);
        Assert.All(_order.Values, handled => Assert.Equal(Enumerable.Range(0, 10), handled));
        Assert.Equal(1, _maxInOneChat);
        Assert.True(_maxRunning > 1, "chats ran one after the other, not in parallel");
    }

    private static void Max(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
