using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Bots;
using FeishuGen.Bots.Api.Cardkit.V1;
using FeishuGen.Testing;
using Xunit;

namespace FeishuGen.Tests.Bots;

/// <summary>Streamed replies into CardKit cards: order, sequences, the rate limits as the server saw them, the close and what comes after it.</summary>
public sealed class StreamingTests(Xunit.Abstractions.ITestOutputHelper output) : BotTest
{
    protected override void Handlers(FeishuBot bot)
    {
    }

    /// <summary>A fake model: <paramref name="count"/> tokens, one every <paramref name="delayMs"/> ms.</summary>
    internal static async IAsyncEnumerable<string> Tokens(int count, int delayMs, string prefix = "t", [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < count; i++)
        {
            if (delayMs > 0 && i % 10 == 0)
            {
                await Task.Delay(delayMs * 10, cancellationToken);
            }

            yield return prefix + i + " ";
        }
    }

    internal static string Expected(int count, string prefix = "t") => string.Concat(Enumerable.Range(0, count).Select(i => prefix + i + " "));

    [Fact]
    public async Task A_reply_of_500_chunks_arrives_in_order_with_rising_sequences_under_the_limit_and_closes()
    {
        var result = await Bot.StreamAsync(BotTarget.Chat("oc_stream"), Tokens(500, 4));

        var ops = Messenger.CardOperations.Where(o => o.CardId == result.CardId).ToList();
        var content = ops.Where(o => o.Kind == "content").ToList();
        Assert.Equal(Expected(500), result.FinalText);
        Assert.Equal(Expected(500), Messenger.ElementText(result.CardId!, "answer"));
        Assert.Equal(BotStreamDelivery.Streamed, result.Delivery);
        Assert.False(Messenger.IsStreaming(result.CardId!));
        Assert.All(ops, o => Assert.Equal(0, o.Code));
        var sequences = ops.Where(o => o.Kind != "create").Select(o => o.Sequence).ToList();
        Assert.Equal(sequences.OrderBy(s => s).Distinct(), sequences);

        // Each update carries the whole text so far: every one extends the one before.
        for (var i = 1; i < content.Count; i++)
        {
            Assert.StartsWith(content[i - 1].Content!, content[i].Content!, StringComparison.Ordinal);
        }

        Assert.InRange(result.Updates, 2, 499);
        Assert.Equal(content.Count, result.Updates);
        Assert.InRange(Messenger.MaxOperationsWithin(TimeSpan.FromSeconds(1), result.CardId), 1, 10);
        Assert.Equal("interactive", Assert.Single(Messenger.BotMessagesIn("oc_stream")).MsgType);
        output.WriteLine($"500 chunks: {result.Updates} element updates, {ops.Count} CardKit calls, max {Messenger.MaxOperationsWithin(TimeSpan.FromSeconds(1), result.CardId)} in any second");
    }

    [Fact]
    public async Task An_update_after_the_close_is_refused_at_once_by_the_stream_and_by_the_server()
    {
        await using var stream = await Bot.OpenStreamAsync(BotTarget.Chat("oc_late"));
        stream.Append("done");
        var result = await stream.CompleteAsync();

        Assert.Throws<BotStreamClosedException>(() => stream.Append("late"));
        var last = Messenger.Card(result.CardId!)!.Sequence;
        var late = await Assert.ThrowsAsync<FeishuApiException>(() => Bot.Api.Cardkit.V1.CardElement.ContentAsync(new ContentCardElementRequest { CardId = result.CardId!, ElementId = "answer", Content = "late", Sequence = last + 1 }));
        Assert.Equal(300309, late.Code);
        var outOfOrder = await Assert.ThrowsAsync<FeishuApiException>(() => Bot.Api.Cardkit.V1.Card.SettingsAsync(new SettingsCardRequest { CardId = result.CardId!, Settings = "{\"config\":{\"streaming_mode\":true}}", Sequence = last }));
        Assert.Equal(300317, outOfOrder.Code);
        Assert.Equal("done", Messenger.ElementText(result.CardId!, "answer"));
    }

    [Fact]
    public async Task Twenty_streams_at_once_stay_under_the_apps_limit_together()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Bot.StreamAsync(BotTarget.Chat("oc_many_" + i), Tokens(100, 3, "s" + i))));

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(Expected(100, "s" + i), Messenger.ElementText(results[i].CardId!, "answer"));
            Assert.InRange(Messenger.MaxOperationsWithin(TimeSpan.FromSeconds(1), results[i].CardId), 1, 10);
        }

        Assert.InRange(Messenger.MaxOperationsWithin(TimeSpan.FromSeconds(1)), 20, 50);
        Assert.DoesNotContain(Messenger.CardOperations, o => o.Code == 99991400);
        output.WriteLine($"20 streams: {Messenger.CardOperations.Count} CardKit calls, max {Messenger.MaxOperationsWithin(TimeSpan.FromSeconds(1))} in any second for the app, max {results.Max(r => Messenger.MaxOperationsWithin(TimeSpan.FromSeconds(1), r.CardId))} for a card, {results.Sum(r => r.Updates)} updates");
    }

    [Fact]
    public async Task The_final_text_is_delivered_by_a_full_card_update_when_element_updates_fail()
    {
        // Every element update is refused (a Feishu error that is not retried): the final text still arrives.
        for (var i = 0; i < 200; i++)
        {
            Server.Enqueue(ScriptedReply.Error(400, 300315, "Failed to update element"), r => r.Path.EndsWith("/content", StringComparison.Ordinal));
        }

        var result = await Bot.StreamAsync(BotTarget.Chat("oc_fail"), Tokens(50, 2));

        Assert.Equal(BotStreamDelivery.CardUpdated, result.Delivery);
        Assert.True(result.FailedUpdates > 0);
        Assert.Equal(Expected(50), Messenger.ElementText(result.CardId!, "answer"));
        Assert.False(Messenger.IsStreaming(result.CardId!));
    }

    [Fact]
    public async Task A_post_is_edited_instead_where_CardKit_is_not_used_within_Feishus_20_edits()
    {
        var result = await Bot.StreamAsync(BotTarget.Chat("oc_post"), Tokens(200, 3), new BotStreamOptions { UseCardKit = false });

        var message = Assert.Single(Messenger.BotMessagesIn("oc_post"));
        Assert.Equal(BotStreamMode.PostEdit, result.Mode);
        Assert.Equal("post", message.MsgType);
        Assert.Contains(Expected(200).TrimEnd(), message.Content, StringComparison.Ordinal);
        Assert.InRange(message.Edits, 1, 19);
    }
}

/// <summary>An answer outliving the streaming window: the bot opens streaming again before the server closes it, or after it did.</summary>
public sealed class LongStreamTests : BotTest
{
    protected override void ConfigureServer(FeishuTestServerOptions options) => options.CardStreamingLifetime = TimeSpan.FromMilliseconds(700);

    protected override void ConfigureBot(FeishuBotOptions options) => options.Streaming.RenewStreamingAfter = TimeSpan.FromMilliseconds(400);

    protected override void Handlers(FeishuBot bot)
    {
    }

    [Fact]
    public async Task An_answer_that_outlives_the_streaming_window_is_still_completed()
    {
        var result = await Bot.StreamAsync(BotTarget.Chat("oc_long"), StreamingTests.Tokens(100, 25));

        Assert.Equal(StreamingTests.Expected(100), Messenger.ElementText(result.CardId!, "answer"));
        Assert.True(result.Renewals >= 2, $"renewals: {result.Renewals}");
        Assert.Equal(BotStreamDelivery.Streamed, result.Delivery);
    }
}

/// <summary>When Feishu closes streaming on its own (300309), the bot opens it again and carries on.</summary>
public sealed class ClosedStreamTests : BotTest
{
    protected override void ConfigureServer(FeishuTestServerOptions options) => options.CardStreamingLifetime = TimeSpan.FromMilliseconds(500);

    protected override void Handlers(FeishuBot bot)
    {
    }

    [Fact]
    public async Task A_stream_closed_by_Feishu_is_opened_again_and_completed()
    {
        var result = await Bot.StreamAsync(BotTarget.Chat("oc_closed"), StreamingTests.Tokens(60, 30));

        Assert.Equal(StreamingTests.Expected(60), Messenger.ElementText(result.CardId!, "answer"));
        Assert.Contains(Messenger.CardOperations, o => o.CardId == result.CardId && o.Code == 300309);
        Assert.True(result.Renewals >= 1);
    }
}
