using System.Text.Json.Serialization;

namespace FeishuGen.LongConnection;

/// <summary>The body of POST /callback/ws/endpoint.</summary>
internal sealed record EndpointRequest(
    [property: JsonPropertyName("AppID")] string AppId,
    [property: JsonPropertyName("AppSecret")] string AppSecret);

/// <summary>The reply of POST /callback/ws/endpoint: {code, msg, data{URL, ClientConfig}}.</summary>
internal sealed record EndpointReply(
    [property: JsonPropertyName("code")] long Code,
    [property: JsonPropertyName("msg")] string? Msg,
    [property: JsonPropertyName("data")] EndpointData? Data);

internal sealed record EndpointData(
    [property: JsonPropertyName("URL")] string? Url,
    [property: JsonPropertyName("ClientConfig")] ClientConfig? ClientConfig);

/// <summary>How the server wants the client to behave (seconds); a pong may carry a new one.</summary>
public sealed record ClientConfig
{
    /// <summary>How many reconnects to try (-1: without end).</summary>
    [JsonPropertyName("ReconnectCount")]
    public int ReconnectCount { get; init; } = -1;

    /// <summary>Seconds between reconnects.</summary>
    [JsonPropertyName("ReconnectInterval")]
    public int ReconnectInterval { get; init; } = 120;

    /// <summary>Up to this many random seconds added to each reconnect wait (jitter).</summary>
    [JsonPropertyName("ReconnectNonce")]
    public int ReconnectNonce { get; init; } = 30;

    /// <summary>Seconds between pings.</summary>
    [JsonPropertyName("PingInterval")]
    public int PingInterval { get; init; } = 120;
}

/// <summary>The payload of an acknowledgement: the handler's status and, for callbacks, the reply (base64 in JSON).</summary>
internal sealed record AckPayload(
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("data")] byte[]? Data);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EndpointRequest))]
[JsonSerializable(typeof(EndpointReply))]
[JsonSerializable(typeof(ClientConfig))]
[JsonSerializable(typeof(AckPayload))]
internal sealed partial class LongConnectionJsonContext : JsonSerializerContext
{
}
