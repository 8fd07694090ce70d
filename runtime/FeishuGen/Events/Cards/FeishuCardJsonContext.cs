using System.Text.Json.Serialization;

namespace FeishuGen.Events.Cards;

/// <summary>Source-generated JSON metadata for the card callback types (NativeAOT-safe).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FeishuCardActionEvent))]
[JsonSerializable(typeof(FeishuCardReply))]
[JsonSerializable(typeof(FeishuUrlPreviewEvent))]
[JsonSerializable(typeof(FeishuUrlPreviewReply))]
[JsonSerializable(typeof(FeishuLegacyCardAction))]
internal sealed partial class FeishuCardJsonContext : JsonSerializerContext
{
}
