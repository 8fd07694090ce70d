using System;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using FeishuGen.Http;
using FeishuGen.Json;

namespace FeishuGen;

public partial class FeishuClient
{
    /// <summary>The outcome of one attempt as the caller's reader saw it.</summary>
    private readonly record struct Reply<T>(bool Ok, T Value, int Status, int Code, string Msg, FeishuErrorDetails? Error, TimeSpan? RetryAfter, string? BodyExcerpt)
    {
        public static Reply<T> Succeeded(T value) => new(true, value, 200, 0, string.Empty, null, null, null);

        public static Reply<T> Failed(int status, int code, string msg, FeishuErrorDetails? error, TimeSpan? retryAfter, string? bodyExcerpt = null)
            => new(false, default!, status, code, msg, error, retryAfter, bodyExcerpt);
    }

    /// <summary>
    /// A call succeeds only on HTTP 2xx with Feishu's envelope whose <c>code</c> is present and 0.
    /// A non-zero code is Feishu's error whatever the status; anything else is not Feishu speaking.
    /// </summary>
    private Reply<T?> InterpretJson<T>(ReadOnlySpan<byte> body, FeishuJsonRead<T> readData, HttpResponseMessage response, FeishuApiCall call, string sentToken)
        where T : class
    {
        var status = (int)response.StatusCode;
        Envelope<T> envelope;
        try
        {
            envelope = EnvelopeReader.Read(body, readData, call.Endpoint.ReplyAtTopLevel);
        }
        catch (JsonException e)
        {
            // A failed reply may carry data of another shape: its code still decides.
            var statusOnly = TryReadStatus(body);
            if (statusOnly is { HasCode: true, Code: not 0 } failed)
            {
                return Reply<T?>.Failed(status, failed.Code, failed.Msg, failed.Error, RetryRules.ResetAfter(response));
            }

            if (statusOnly is { IsSuccess: true } && response.IsSuccessStatusCode)
            {
                throw new FeishuResponseFormatException($"The data of {Describe(call)} does not fit the documented shape: {e.Message}", e)
                {
                    HttpStatus = status,
                    LogId = ReplyHeaders.LogId(response),
                };
            }

            return NotFeishu<T?>(body, response, call, sentToken, e);
        }

        if (envelope.HasCode && envelope.Code != 0)
        {
            return Reply<T?>.Failed(status, envelope.Code, envelope.Msg, envelope.Error, RetryRules.ResetAfter(response));
        }

        return envelope.IsSuccess && response.IsSuccessStatusCode
            ? Reply<T?>.Succeeded(envelope.Data)
            : NotFeishu<T?>(body, response, call, sentToken, null);
    }

    /// <summary>A download answered with JSON: Feishu's error, or (code 0 on a 2xx) a file that happens to be JSON.</summary>
    private Reply<FeishuDownload> InterpretFileAsJson(ReadOnlySpan<byte> body, HttpResponseMessage response, FeishuApiCall call, string sentToken)
    {
        var envelope = TryReadStatus(body);
        if (envelope is { HasCode: true, Code: not 0 } failed)
        {
            return Reply<FeishuDownload>.Failed((int)response.StatusCode, failed.Code, failed.Msg, failed.Error, RetryRules.ResetAfter(response));
        }

        if (envelope is { IsSuccess: true } && response.IsSuccessStatusCode)
        {
            var copy = new System.IO.MemoryStream(body.ToArray(), writable: false);
            return Reply<FeishuDownload>.Succeeded(new FeishuDownload(response, copy, ReplyHeaders.LogId(response)));
        }

        return NotFeishu<FeishuDownload>(body, response, call, sentToken, null);
    }

    /// <summary>
    /// A reply that is not Feishu's envelope: a gateway's 502 page, a proxy's JSON, a captive
    /// portal's 200 HTML. Server faults and rate limits stay retryable; the rest fail at once.
    /// </summary>
    private Reply<T> NotFeishu<T>(ReadOnlySpan<byte> body, HttpResponseMessage response, FeishuApiCall call, string sentToken, Exception? parseError)
    {
        var status = (int)response.StatusCode;
        var excerpt = ReplyExcerpt.Of(body, sentToken);
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "no content type";
        if (RetryRules.IsServerFault(status) || status == 429)
        {
            return Reply<T>.Failed(status, status, $"HTTP {status} with a reply that is not Feishu's ({mediaType})", null, RetryRules.ResetAfter(response), excerpt);
        }

        throw new FeishuResponseFormatException($"{Describe(call)} answered HTTP {status} with a reply that is not Feishu's envelope ({mediaType}, {body.Length} bytes): {excerpt}", parseError)
        {
            HttpStatus = status,
            LogId = ReplyHeaders.LogId(response),
            BodyExcerpt = excerpt,
        };
    }

    private static Envelope<JsonNode>? TryReadStatus(ReadOnlySpan<byte> body)
    {
        try
        {
            return EnvelopeReader.ReadStatus(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
