using System.Text.Json.Serialization;

namespace FeishuGen.Testing;

/// <summary>Source-generated JSON metadata for what the server writes.</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class ServerJsonContext : JsonSerializerContext
{
}
