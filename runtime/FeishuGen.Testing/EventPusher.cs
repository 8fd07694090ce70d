using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Events;

namespace FeishuGen.Testing;

/// <summary>What goes wrong with one pushed event, to test that the receiver refuses or tolerates it.</summary>
public enum FeishuEventFault
{
    /// <summary>Sent as Feishu sends it.</summary>
    None,

    /// <summary>Sent twice (Feishu delivers at least once): both answered, the handler must run once.</summary>
    Duplicate,

    /// <summary>Signed 10 minutes ago: a replay of an old request.</summary>
    Replay,

    /// <summary>The signature does not match the body.</summary>
    BadSignature,

    /// <summary>The envelope carries another verification token.</summary>
    WrongToken,

    /// <summary>One byte of the ciphertext flipped (and the signature made to match): decryption must fail.</summary>
    TamperedCiphertext,
}

/// <summary>The outcome of pushing one event: every attempt's HTTP status, and the last answer.</summary>
/// <param name="Statuses">The status of each attempt, in order (0 when the request failed).</param>
/// <param name="LastBody">The body of the last answer.</param>
public sealed record FeishuEventDelivery(IReadOnlyList<int> Statuses, string LastBody)
{
    /// <summary>Whether an attempt was answered 200.</summary>
    public bool Delivered => Statuses.Count > 0 && Statuses[^1] == 200;
}

/// <summary>Pushes events to a webhook as Feishu does: encrypted, signed over the raw body, retried on anything but 200.</summary>
internal sealed class EventPusher
{
    private readonly FeishuTestServerOptions _options;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public EventPusher(FeishuTestServerOptions options) => _options = options;

    public async Task<FeishuEventDelivery> PushAsync(Uri webhook, string envelope, FeishuEventFault fault, bool retry, CancellationToken cancellationToken)
    {
        var statuses = new List<int>();
        var last = string.Empty;
        var sends = fault == FeishuEventFault.Duplicate ? 2 : 1;
        for (var attempt = 0; ; attempt++)
        {
            int status;
            (status, last) = await SendOnceAsync(webhook, envelope, fault, cancellationToken).ConfigureAwait(false);
            statuses.Add(status);
            if (status == 200 && --sends == 0)
            {
                break;
            }

            if (status == 200)
            {
                continue;
            }

            if (!retry || attempt >= _options.EventRetryDelays.Length)
            {
                break;
            }

            await Task.Delay(_options.EventRetryDelays[attempt], _options.Time, cancellationToken).ConfigureAwait(false);
        }

        return new FeishuEventDelivery(statuses, last);
    }

    private async Task<(int Status, string Body)> SendOnceAsync(Uri webhook, string envelope, FeishuEventFault fault, CancellationToken cancellationToken)
    {
        if (fault == FeishuEventFault.WrongToken)
        {
            envelope = envelope.Replace(_options.VerificationToken, "not-the-token", StringComparison.Ordinal);
        }

        var key = _options.EncryptKey;
        byte[] body;
        if (key is { Length: > 0 })
        {
            var encrypted = FeishuEventCrypto.Encrypt(key, Encoding.UTF8.GetBytes(envelope));
            if (fault == FeishuEventFault.TamperedCiphertext)
            {
                var bytes = Convert.FromBase64String(encrypted);
                bytes[^1] ^= 0x5A;
                encrypted = Convert.ToBase64String(bytes);
            }

            body = Encoding.UTF8.GetBytes("{\"encrypt\":\"" + encrypted + "\"}");
        }
        else
        {
            body = Encoding.UTF8.GetBytes(envelope);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, webhook) { Content = new ByteArrayContent(body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
        if (key is { Length: > 0 })
        {
            var sent = _options.Time.GetUtcNow() - (fault == FeishuEventFault.Replay ? TimeSpan.FromMinutes(10) : TimeSpan.Zero);
            var timestamp = sent.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var nonce = Guid.NewGuid().ToString("N");
            var signature = FeishuEventCrypto.Signature(timestamp, nonce, key, body);
            if (fault == FeishuEventFault.BadSignature)
            {
                signature = new string(signature[0] == 'a' ? 'b' : 'a', 1) + signature.Substring(1);
            }

            request.Headers.TryAddWithoutValidation("X-Lark-Request-Timestamp", timestamp);
            request.Headers.TryAddWithoutValidation("X-Lark-Request-Nonce", nonce);
            request.Headers.TryAddWithoutValidation("X-Lark-Signature", signature);
        }

        try
        {
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (HttpRequestException e)
        {
            return (0, e.Message);
        }
    }
}
