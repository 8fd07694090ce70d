using System;
using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace FeishuGen.Events;

/// <summary>The three headers Feishu signs an event request with.</summary>
/// <param name="Timestamp">X-Lark-Request-Timestamp (seconds since the epoch).</param>
/// <param name="Nonce">X-Lark-Request-Nonce.</param>
/// <param name="Signature">X-Lark-Signature.</param>
public sealed record FeishuEventHeaders(string? Timestamp, string? Nonce, string? Signature);

/// <summary>A request that passed every check: a url_verification to answer, or an event to dispatch.</summary>
public sealed class FeishuVerifiedRequest
{
    internal FeishuVerifiedRequest(byte[] json, byte[]? challengeReply, string? eventId, string? eventType, string schema)
    {
        Json = json;
        // Explicitly: a null array would otherwise convert to an empty, non-null memory.
        ChallengeReply = challengeReply is null ? (ReadOnlyMemory<byte>?)null : new ReadOnlyMemory<byte>(challengeReply);
        EventId = eventId;
        EventType = eventType;
        Schema = schema;
    }

    /// <summary>The plain (decrypted) JSON of the request.</summary>
    public ReadOnlyMemory<byte> Json { get; }

    /// <summary>For url_verification: the reply to send, <c>{"challenge": "…"}</c>, JSON-escaped; null for events.</summary>
    public ReadOnlyMemory<byte>? ChallengeReply { get; }

    /// <summary>The event's id (schema 2.0 header.event_id, 1.0 uuid), for deduplication.</summary>
    public string? EventId { get; }

    /// <summary>The event type (schema 2.0 header.event_type, 1.0 event.type), for routing.</summary>
    public string? EventType { get; }

    /// <summary>"2.0", "1.0", or "url_verification".</summary>
    public string Schema { get; }
}

/// <summary>
/// Checks an event request before any handler sees it: size, signature over the raw body bytes
/// (constant time), the timestamp window (a replayed old request is refused), decryption with
/// PKCS#7 validation, the JSON, and the verification token (constant time). It needs no web
/// framework: raw bytes and three headers in, a verified request or a typed refusal out.
/// </summary>
public sealed class FeishuEventVerifier
{
    private readonly FeishuEventSecurityOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates a verifier.</summary>
    /// <param name="options">The token, the encrypt key and the limits; validated here.</param>
    /// <param name="timeProvider">The clock for the timestamp window; the system clock when null.</param>
    public FeishuEventVerifier(FeishuEventSecurityOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Verifies one request.</summary>
    /// <param name="headers">The signature headers (any may be missing).</param>
    /// <param name="body">The body exactly as received.</param>
    /// <exception cref="FeishuEventRejectedException">The request fails a check; answer 4xx and run nothing.</exception>
    public FeishuVerifiedRequest Verify(FeishuEventHeaders headers, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (body.Length > _options.MaxBodyBytes)
        {
            throw new FeishuEventRejectedException(FeishuEventRejection.TooLarge, $"The body is larger than {_options.MaxBodyBytes} bytes.");
        }

        var signed = headers.Signature is not null;
        if (_options.EncryptKey is { Length: > 0 } signingKey && signed)
        {
            CheckSignature(headers, signingKey, body);
        }

        using var outer = Parse(body);
        byte[] json;
        JsonDocument? decrypted = null;
        if (outer.RootElement.TryGetProperty("encrypt", out var encrypted) && encrypted.ValueKind == JsonValueKind.String)
        {
            var key = _options.EncryptKey is { Length: > 0 } configured ? configured : throw new FeishuEventRejectedException(FeishuEventRejection.BadCiphertext, "The body is encrypted but no Encrypt Key is configured.");
            json = FeishuEventCrypto.Decrypt(key, encrypted.GetString()!);
            decrypted = Parse(json);
        }
        else
        {
            json = body.ToArray();
        }

        using var inner = decrypted;
        var root = (decrypted ?? outer).RootElement;

        if (Text(root, "type") == "url_verification")
        {
            CheckToken(Text(root, "token"));
            return new FeishuVerifiedRequest(json, ChallengeReply(Text(root, "challenge") ?? string.Empty), null, null, "url_verification");
        }

        // With an Encrypt Key, only url_verification may come unsigned: Feishu signs every event.
        if (_options.EncryptKey is { Length: > 0 } && !signed)
        {
            throw new FeishuEventRejectedException(FeishuEventRejection.BadSignature, "The request has no X-Lark-Signature.");
        }

        if (root.TryGetProperty("schema", out var schema) && schema.ValueKind == JsonValueKind.String && root.TryGetProperty("header", out var header) && header.ValueKind == JsonValueKind.Object)
        {
            CheckToken(Text(header, "token"));
            return new FeishuVerifiedRequest(json, null, Text(header, "event_id"), Text(header, "event_type"), schema.GetString()!);
        }

        CheckToken(Text(root, "token"));
        var type = root.TryGetProperty("event", out var legacy) && legacy.ValueKind == JsonValueKind.Object ? Text(legacy, "type") : Text(root, "type");
        return new FeishuVerifiedRequest(json, null, Text(root, "uuid"), type, "1.0");
    }

    private void CheckSignature(FeishuEventHeaders headers, string key, ReadOnlySpan<byte> body)
    {
        if (headers.Timestamp is null || headers.Nonce is null || !long.TryParse(headers.Timestamp, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            throw new FeishuEventRejectedException(FeishuEventRejection.BadSignature, "The request's timestamp or nonce header is missing.");
        }

        if (!FeishuEventCrypto.FixedTimeEquals(FeishuEventCrypto.Signature(headers.Timestamp, headers.Nonce, key, body), headers.Signature))
        {
            throw new FeishuEventRejectedException(FeishuEventRejection.BadSignature, "The signature does not match the body.");
        }

        var sent = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, -62135596800, 253402300799));
        if ((_time.GetUtcNow() - sent).Duration() > _options.MaxClockSkew)
        {
            throw new FeishuEventRejectedException(FeishuEventRejection.StaleTimestamp, $"The request's timestamp is more than {_options.MaxClockSkew.TotalMinutes:0.#} minutes from now: a replay, or a wrong clock.");
        }
    }

    private void CheckToken(string? presented)
    {
        if (!FeishuEventCrypto.FixedTimeEquals(_options.VerificationToken, presented))
        {
            throw new FeishuEventRejectedException(FeishuEventRejection.BadToken, "The verification token is missing or wrong.");
        }
    }

    private static JsonDocument Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            var document = JsonDocument.Parse(body.ToArray());
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                throw new FeishuEventRejectedException(FeishuEventRejection.MalformedBody, "The body is not a JSON object.");
            }

            return document;
        }
        catch (JsonException)
        {
            throw new FeishuEventRejectedException(FeishuEventRejection.MalformedBody, "The body is not JSON.");
        }
    }

    private static string? Text(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // Written by a JSON writer: a challenge with quotes or backslashes stays one valid string.
    private static byte[] ChallengeReply(string challenge)
    {
        var buffer = new ArrayBufferWriter<byte>(64 + challenge.Length);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("challenge", challenge);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
