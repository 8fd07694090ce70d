using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text.Json;

namespace FeishuGen;

/// <summary>The stored form of <see cref="FeishuUserTokens"/>: compact JSON, read leniently (an entry of another version is ignored, not trusted).</summary>
internal static class UserTokenCodec
{
    public static byte[] Encode(FeishuUserTokens tokens)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("a", tokens.AccessToken);
            if (tokens.RefreshToken is { } refresh)
            {
                writer.WriteString("r", refresh);
            }

            Time(writer, "e", tokens.ExpiresAt);
            Time(writer, "re", tokens.RefreshTokenExpiresAt);
            if (tokens.Scope is { } scope)
            {
                writer.WriteString("s", scope);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static FeishuUserTokens? Decode(byte[] bytes)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            var access = root.GetProperty("a").GetString();
            return string.IsNullOrEmpty(access)
                ? null
                : new FeishuUserTokens
                {
                    AccessToken = access,
                    RefreshToken = root.TryGetProperty("r", out var r) ? r.GetString() : null,
                    ExpiresAt = Time(root, "e"),
                    RefreshTokenExpiresAt = Time(root, "re"),
                    Scope = root.TryGetProperty("s", out var s) ? s.GetString() : null,
                };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static void Time(Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            writer.WriteNumber(name, time.ToUnixTimeMilliseconds());
        }
    }

    private static DateTimeOffset? Time(JsonElement root, string name)
        => root.TryGetProperty(name, out var value) ? DateTimeOffset.FromUnixTimeMilliseconds(value.GetInt64()) : null;
}
