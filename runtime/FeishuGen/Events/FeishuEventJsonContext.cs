using System.Text.Json.Serialization;

namespace FeishuGen.Events;

/// <summary>The body of a refusal: the reason's name, nothing more.</summary>
internal sealed record EventError([property: JsonPropertyName("error")] string Error);

/// <summary>The answer to a url_verification challenge.</summary>
internal sealed record ChallengeReply([property: JsonPropertyName("challenge")] string Challenge);

/// <summary>Source-generated JSON metadata for the dispatcher's own answers (NativeAOT-safe).</summary>
[JsonSerializable(typeof(EventError))]
[JsonSerializable(typeof(ChallengeReply))]
[JsonSerializable(typeof(System.Text.Json.JsonElement))]
internal sealed partial class FeishuEventJsonContext : JsonSerializerContext
{
}
