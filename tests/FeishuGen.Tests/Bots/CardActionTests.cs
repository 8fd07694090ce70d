using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Threading.Tasks;
using FeishuGen.Bots;
using Xunit;

namespace FeishuGen.Tests.Bots;

/// <summary>A card action routes by its name to its handler, with the typed value, and the reply updates the card.</summary>
public sealed partial class CardActionTests : BotTest
{
    private Vote? _vote;

    protected override void Handlers(FeishuBot bot) => bot.OnCardAction("vote", (action, _) =>
    {
        _vote = action.ValueAs(VoteJson.Default.Vote);
        var card = new Card().Markdown($"**{action.OperatorOpenId}** voted {_vote!.Choice}").Hr().Button("Undo", CardAction.Callback("undo"));
        return Task.FromResult<FeishuGen.Events.Cards.FeishuCardReply?>(BotCardReply.Update(card, "thanks"));
    });

    [Fact]
    public async Task A_button_action_reaches_its_handler_with_the_typed_value_and_its_reply_updates_the_card()
    {
        var button = new Card().Button("Yes", CardAction.Callback("vote", new JsonObject { ["choice"] = "yes" })).ToJsonObject();
        var value = button["body"]!["elements"]![0]!["behaviors"]![0]!["value"]!;
        var envelope = Server.CreateEvent("card.action.trigger", new JsonObject
        {
            ["operator"] = new JsonObject { ["open_id"] = "ou_voter" },
            ["token"] = "c-token",
            ["action"] = new JsonObject { ["tag"] = "button", ["value"] = value.DeepClone() },
            ["context"] = new JsonObject { ["open_message_id"] = "om_card", ["open_chat_id"] = "oc_card" },
        }.ToJsonString());

        var delivery = await Server.PushEventAsync(App.Events, envelope);

        Assert.Equal("yes", _vote!.Choice);
        var reply = JsonNode.Parse(delivery.LastBody)!;
        Assert.Equal("thanks", reply["toast"]!["content"]!.GetValue<string>());
        Assert.Equal("raw", reply["card"]!["type"]!.GetValue<string>());
        Assert.Equal("**ou_voter** voted yes", reply["card"]!["data"]!["body"]!["elements"]![0]!["content"]!.GetValue<string>());
        Assert.Equal("undo", reply["card"]!["data"]!["body"]!["elements"]![2]!["behaviors"]![0]!["value"]!["action"]!.GetValue<string>());
    }

    public sealed record Vote([property: JsonPropertyName("choice")] string Choice);

    [JsonSerializable(typeof(Vote))]
    private sealed partial class VoteJson : JsonSerializerContext
    {
    }
}
