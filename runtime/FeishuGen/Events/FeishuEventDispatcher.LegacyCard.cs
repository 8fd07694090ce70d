using System;
using System.Globalization;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Events.Cards;

namespace FeishuGen.Events;

/// <summary>The older card callback (<c>card.action.trigger_v1</c>), which has its own URL, body and signature.</summary>
public sealed partial class FeishuEventDispatcher
{
    private Func<FeishuLegacyCardAction, CancellationToken, Task<JsonElement?>>? _legacyCard;

    /// <summary>Answers the older card callback: the handler returns the new card's JSON, or null to keep the card.</summary>
    /// <param name="handler">The handler; it runs inline, within Feishu's 3 s.</param>
    /// <returns>This dispatcher.</returns>
    public FeishuEventDispatcher OnLegacyCardAction(Func<FeishuLegacyCardAction, CancellationToken, Task<JsonElement?>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (Interlocked.CompareExchange(ref _legacyCard, handler, null) is not null)
        {
            throw new InvalidOperationException("The older card callback already has a handler: a callback has one answer.");
        }

        return this;
    }

    /// <summary>
    /// Handles a request to the older card callback URL: the SHA-1 signature over timestamp,
    /// nonce, verification token and the raw body (constant time), the timestamp window, the
    /// url_verification challenge, then the handler.
    /// </summary>
    /// <param name="headers">X-Lark-Request-Timestamp, X-Lark-Request-Nonce and X-Lark-Signature.</param>
    /// <param name="body">The body exactly as received.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    /// <returns>200 with the new card or {}, 4xx for a request that fails verification, 500 when the handler failed.</returns>
    public async Task<FeishuEventResponse> HandleLegacyCardAsync(FeishuEventHeaders headers, ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(headers);
        EnsureWebhookReady(); // validated once: the token and limits this path relies on
        if (body.Length > Options.MaxBodyBytes)
        {
            return Rejection(FeishuEventRejection.TooLarge);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return Rejection(FeishuEventRejection.MalformedBody);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Rejection(FeishuEventRejection.MalformedBody);
            }

            // The challenge comes unsigned and proves the token; everything else is signed.
            if (root.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "url_verification")
            {
                var token = root.TryGetProperty("token", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                if (!FeishuEventCrypto.FixedTimeEquals(Options.VerificationToken, token))
                {
                    return Rejection(FeishuEventRejection.BadToken);
                }

                var challenge = root.TryGetProperty("challenge", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() ?? string.Empty : string.Empty;
                return new FeishuEventResponse(200, JsonSerializer.SerializeToUtf8Bytes(new ChallengeReply(challenge), FeishuEventJsonContext.Default.ChallengeReply));
            }

            if (CheckLegacySignature(headers, body.Span) is { } refused)
            {
                return Rejection(refused);
            }
        }

        if (_legacyCard is not { } handler)
        {
            return FeishuEventResponse.Ok;
        }

        FeishuLegacyCardAction? action;
        try
        {
            action = JsonSerializer.Deserialize(body.Span, FeishuCardJsonContext.Default.FeishuLegacyCardAction);
        }
        catch (JsonException)
        {
            return Rejection(FeishuEventRejection.MalformedBody);
        }

        using var deadline = new CancellationTokenSource(Options.InlineDeadline, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            var card = await handler(action!, linked.Token).WaitAsync(Options.InlineDeadline, _time, cancellationToken).ConfigureAwait(false);
            return card is { } json ? new FeishuEventResponse(200, JsonSerializer.SerializeToUtf8Bytes(json, FeishuEventJsonContext.Default.JsonElement)) : FeishuEventResponse.Ok;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            deadline.Cancel();
            FeishuEventLog.HandlerFailed(_logger, "card.action.trigger_v1", action?.OpenMessageId ?? "-", e);
            return FeishuEventResponse.Failed;
        }
    }

    private FeishuEventRejection? CheckLegacySignature(FeishuEventHeaders headers, ReadOnlySpan<byte> body)
    {
        if (headers.Timestamp is null || headers.Nonce is null || !long.TryParse(headers.Timestamp, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            return FeishuEventRejection.BadSignature;
        }

        if (!FeishuEventCrypto.FixedTimeEquals(FeishuEventCrypto.CardSignature(headers.Timestamp, headers.Nonce, Options.VerificationToken, body), headers.Signature))
        {
            return FeishuEventRejection.BadSignature;
        }

        var sent = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, -62135596800, 253402300799));
        return (_time.GetUtcNow() - sent).Duration() > Options.MaxClockSkew ? FeishuEventRejection.StaleTimestamp : null;
    }
}
