using System;
using System.Text;
using System.Text.Json;
using FeishuGen.Events;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace FeishuGen.Tests.Runtime;

/// <summary>Event requests are decrypted, signed and tokened the way Feishu does it, and nothing forged gets through.</summary>
public sealed class EventSecurityTests
{
    private const string EncryptKey = "local-encrypt-key";
    private const string Token = "local-verification-token";
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Now);

    [Fact]
    public void The_documented_test_vector_decrypts_to_hello_world()
        => Assert.Equal("hello world", Encoding.UTF8.GetString(FeishuEventCrypto.Decrypt("test key", "P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk=")));

    [Fact]
    public void A_tampered_ciphertext_is_refused_by_its_padding_not_turned_into_garbage()
    {
        var payload = Convert.FromBase64String("P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk=");
        payload[15] ^= 0x01; // the IV's last byte flips the padding byte of the one block

        var error = Assert.Throws<FeishuEventRejectedException>(() => FeishuEventCrypto.Decrypt("test key", Convert.ToBase64String(payload)));

        Assert.Equal(FeishuEventRejection.BadCiphertext, error.Reason);
        Assert.Equal(FeishuEventRejection.BadCiphertext, Assert.Throws<FeishuEventRejectedException>(() => FeishuEventCrypto.Decrypt("wrong key", "P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk=")).Reason);
        Assert.Equal(FeishuEventRejection.BadCiphertext, Assert.Throws<FeishuEventRejectedException>(() => FeishuEventCrypto.Decrypt("test key", "not base64!")).Reason);
    }

    [Fact]
    public void A_signed_encrypted_event_is_verified_and_routed()
    {
        var (headers, body) = Signed(Encrypted(Event("ev_1", "im.message.receive_v1", Token)));

        var request = Verifier().Verify(headers, body);

        Assert.Equal(("2.0", "ev_1", "im.message.receive_v1"), (request.Schema, request.EventId, request.EventType));
        Assert.Null(request.ChallengeReply);
        Assert.Contains("\"event_id\":\"ev_1\"", Encoding.UTF8.GetString(request.Json.Span));
    }

    [Fact]
    public void The_signature_is_over_the_raw_bytes_so_reformatted_json_does_not_pass()
    {
        var (headers, body) = Signed(Encoding.UTF8.GetBytes("{\"encrypt\":\"" + FeishuEventCrypto.Encrypt(EncryptKey, Encoding.UTF8.GetBytes(Event("ev_2", "x", Token))) + "\"}"));
        var reformatted = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("{\"encrypt\":", "{ \"encrypt\" : "));

        Assert.NotNull(Verifier().Verify(headers, body).EventId);
        Assert.Equal(FeishuEventRejection.BadSignature, Reject(headers, reformatted));
        Assert.Equal(FeishuEventRejection.BadSignature, Reject(headers with { Signature = new string('0', 64) }, body));
        Assert.Equal(FeishuEventRejection.BadSignature, Reject(headers with { Nonce = null }, body));
    }

    [Fact]
    public void An_old_request_replayed_with_its_valid_signature_is_refused()
    {
        var (headers, body) = Signed(Encrypted(Event("ev_3", "x", Token)), Now.AddMinutes(-10));

        Assert.Equal(FeishuEventRejection.StaleTimestamp, Reject(headers, body));
    }

    [Fact]
    public void An_event_with_a_key_configured_must_be_signed_and_carry_the_right_token()
    {
        var (headers, body) = Signed(Encrypted(Event("ev_4", "x", "someone-elses-token")));

        Assert.Equal(FeishuEventRejection.BadToken, Reject(headers, body));
        Assert.Equal(FeishuEventRejection.BadSignature, Reject(new FeishuEventHeaders(null, null, null), Encrypted(Event("ev_5", "x", Token))));
    }

    [Fact]
    public void Oversized_and_malformed_bodies_are_refused_and_no_message_repeats_a_secret()
    {
        var verifier = new FeishuEventVerifier(new FeishuEventSecurityOptions { VerificationToken = Token, MaxBodyBytes = 64 }, _clock);
        var tooLarge = Assert.Throws<FeishuEventRejectedException>(() => verifier.Verify(new FeishuEventHeaders(null, null, null), new byte[65]));
        var malformed = Assert.Throws<FeishuEventRejectedException>(() => verifier.Verify(new FeishuEventHeaders(null, null, null), "{\"schema\":"u8));

        Assert.Equal((FeishuEventRejection.TooLarge, FeishuEventRejection.MalformedBody), (tooLarge.Reason, malformed.Reason));
        foreach (var message in new[] { tooLarge.Message, malformed.Message })
        {
            Assert.DoesNotContain(Token, message);
            Assert.DoesNotContain(EncryptKey, message);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Url_verification_is_answered_with_the_challenge_properly_escaped(bool encrypted)
    {
        const string challenge = "ch\"al\\le<nge>";
        var plain = JsonSerializer.Serialize(new { challenge, token = Token, type = "url_verification" });
        var body = encrypted ? Encrypted(plain) : Encoding.UTF8.GetBytes(plain);

        var request = Verifier(encrypted).Verify(new FeishuEventHeaders(null, null, null), body);

        using var reply = JsonDocument.Parse(request.ChallengeReply!.Value);
        Assert.Equal(challenge, reply.RootElement.GetProperty("challenge").GetString());
        Assert.Equal(FeishuEventRejection.BadToken, Reject(new FeishuEventHeaders(null, null, null), Encoding.UTF8.GetBytes(plain.Replace(Token, "wrong")), Verifier(false)));
    }

    [Fact]
    public void A_legacy_schema_1_event_is_routed_by_its_inner_type_and_deduplicated_by_uuid()
    {
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { uuid = "u-1", token = Token, ts = "1700000000", type = "event_callback", @event = new { type = "message" } }));

        var request = Verifier(false).Verify(new FeishuEventHeaders(null, null, null), body);

        Assert.Equal(("1.0", "u-1", "message"), (request.Schema, request.EventId, request.EventType));
    }

    [Fact]
    public void Old_card_callbacks_are_signed_with_sha1_over_the_token_and_raw_body()
    {
        var body = "{\"open_id\":\"ou_1\",\"action\":{\"value\":{\"k\":\"v\"}}}"u8.ToArray();
        var signature = FeishuEventCrypto.CardSignature("1700000000", "n", Token, body);

        Assert.Equal(40, signature.Length);
        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA1.HashData(Encoding.UTF8.GetBytes("1700000000n" + Token).Concat(body))).ToLowerInvariant(), signature);
    }

    private FeishuEventVerifier Verifier(bool withKey = true)
        => new(new FeishuEventSecurityOptions { VerificationToken = Token, EncryptKey = withKey ? EncryptKey : null }, _clock);

    private FeishuEventRejection Reject(FeishuEventHeaders headers, byte[] body, FeishuEventVerifier? verifier = null)
        => Assert.Throws<FeishuEventRejectedException>(() => (verifier ?? Verifier()).Verify(headers, body)).Reason;

    private static string Event(string id, string type, string token)
        => JsonSerializer.Serialize(new { schema = "2.0", header = new { event_id = id, event_type = type, create_time = "1700000000000", token, app_id = "cli_x", tenant_key = "t" }, @event = new { } });

    private static byte[] Encrypted(string plain)
        => Encoding.UTF8.GetBytes("{\"encrypt\":\"" + FeishuEventCrypto.Encrypt(EncryptKey, Encoding.UTF8.GetBytes(plain)) + "\"}");

    private (FeishuEventHeaders Headers, byte[] Body) Signed(byte[] body, DateTimeOffset? at = null)
    {
        var timestamp = (at ?? Now).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        return (new FeishuEventHeaders(timestamp, "nonce-1", FeishuEventCrypto.Signature(timestamp, "nonce-1", EncryptKey, body)), body);
    }
}

internal static class ByteConcat
{
    public static byte[] Concat(this byte[] first, byte[] second)
    {
        var all = new byte[first.Length + second.Length];
        first.CopyTo(all, 0);
        second.CopyTo(all, first.Length);
        return all;
    }
}
