using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace FeishuGen.Json;

/// <summary>Source-generated System.Text.Json metadata for the JSON node types generated records use.</summary>
[JsonSerializable(typeof(JsonNode))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(JsonArray))]
public sealed partial class FeishuRuntimeJsonContext : JsonSerializerContext
{
}
