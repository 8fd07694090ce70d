using System;
using System.Security.Cryptography;
using System.Text;

namespace FeishuGen.Events;

/// <summary>
/// The cryptography of Feishu's event callbacks: decrypting <c>{"encrypt": "…"}</c> bodies and
/// computing signatures. Decryption validates the PKCS#7 padding (a tampered ciphertext is
/// refused, not turned into garbage JSON); signatures are over the raw body bytes and compared in
/// constant time.
/// </summary>
public static class FeishuEventCrypto
{
    /// <summary>
    /// Decrypts an event body's <c>encrypt</c> value: AES-256-CBC with key = SHA-256 of the encrypt
    /// key's UTF-8 bytes and IV = the first 16 bytes of the decoded payload, PKCS#7 padding checked.
    /// </summary>
    /// <param name="encryptKey">The app's Encrypt Key.</param>
    /// <param name="encrypted">The base64 <c>encrypt</c> value.</param>
    /// <exception cref="FeishuEventRejectedException">Not base64, too short, or the padding does not check out (tampered or wrong key).</exception>
    public static byte[] Decrypt(string encryptKey, string encrypted)
    {
        ArgumentException.ThrowIfNullOrEmpty(encryptKey);
        byte[] payload;
        try
        {
            payload = Convert.FromBase64String(encrypted ?? string.Empty);
        }
        catch (FormatException)
        {
            throw new FeishuEventRejectedException(FeishuEventRejection.BadCiphertext, "The encrypted body is not base64.");
        }

        if (payload.Length < 32 || payload.Length % 16 != 0)
        {
            throw new FeishuEventRejectedException(FeishuEventRejection.BadCiphertext, "The encrypted body is not an IV and whole AES blocks.");
        }

        using var aes = Aes.Create();
        aes.Key = SHA256.HashData(Encoding.UTF8.GetBytes(encryptKey));
        try
        {
            return aes.DecryptCbc(payload.AsSpan(16), payload.AsSpan(0, 16), PaddingMode.PKCS7);
        }
        catch (CryptographicException)
        {
            // Only the key holder can make padding that checks out: the body was altered or the key is wrong.
            throw new FeishuEventRejectedException(FeishuEventRejection.BadCiphertext, "The encrypted body does not decrypt with the Encrypt Key (its padding is invalid).");
        }
    }

    /// <summary>Encrypts <paramref name="plain"/> as Feishu does (for tests and local senders): a random IV, then AES-256-CBC with PKCS#7, base64.</summary>
    /// <param name="encryptKey">The Encrypt Key.</param>
    /// <param name="plain">The JSON to send.</param>
    public static string Encrypt(string encryptKey, ReadOnlySpan<byte> plain)
    {
        ArgumentException.ThrowIfNullOrEmpty(encryptKey);
        using var aes = Aes.Create();
        aes.Key = SHA256.HashData(Encoding.UTF8.GetBytes(encryptKey));
        var iv = RandomNumberGenerator.GetBytes(16);
        var cipher = aes.EncryptCbc(plain, iv, PaddingMode.PKCS7);
        var payload = new byte[16 + cipher.Length];
        iv.CopyTo(payload, 0);
        cipher.CopyTo(payload, 16);
        return Convert.ToBase64String(payload);
    }

    /// <summary>
    /// The signature of an event request: lowercase hex SHA-256 over the UTF-8 of timestamp + nonce +
    /// encrypt key, followed by the raw body bytes (never re-serialised JSON, which changes the bytes).
    /// </summary>
    /// <param name="timestamp">X-Lark-Request-Timestamp.</param>
    /// <param name="nonce">X-Lark-Request-Nonce.</param>
    /// <param name="encryptKey">The Encrypt Key.</param>
    /// <param name="body">The body exactly as received.</param>
    public static string Signature(string timestamp, string nonce, string encryptKey, ReadOnlySpan<byte> body)
        => Hash(SHA256.Create(), timestamp + nonce + encryptKey, body);

    /// <summary>
    /// The signature of an old-style card callback: lowercase hex SHA-1 over timestamp + nonce +
    /// verification token, followed by the raw body bytes.
    /// </summary>
    /// <param name="timestamp">X-Lark-Request-Timestamp.</param>
    /// <param name="nonce">X-Lark-Request-Nonce.</param>
    /// <param name="verificationToken">The Verification Token.</param>
    /// <param name="body">The body exactly as received.</param>
    public static string CardSignature(string timestamp, string nonce, string verificationToken, ReadOnlySpan<byte> body)
        => Hash(SHA1.Create(), timestamp + nonce + verificationToken, body);

    /// <summary>Compares two texts (signatures, tokens) in time that does not depend on where they differ.</summary>
    /// <param name="expected">The value computed or configured here.</param>
    /// <param name="presented">The value the request carries.</param>
    public static bool FixedTimeEquals(string expected, string? presented)
        => presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(presented));

    private static string Hash(HashAlgorithm algorithm, string prefix, ReadOnlySpan<byte> body)
    {
        using (algorithm)
        {
            var head = Encoding.UTF8.GetBytes(prefix);
            var buffer = new byte[head.Length + body.Length];
            head.CopyTo(buffer, 0);
            body.CopyTo(buffer.AsSpan(head.Length));
            return Convert.ToHexString(algorithm.ComputeHash(buffer)).ToLowerInvariant();
        }
    }
}
