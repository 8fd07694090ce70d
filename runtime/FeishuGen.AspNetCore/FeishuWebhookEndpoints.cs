using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FeishuGen.AspNetCore;

/// <summary>Maps Feishu's event and card callback URLs onto the registered <see cref="FeishuEventDispatcher"/>.</summary>
public static class FeishuWebhookEndpoints
{
    /// <summary>
    /// Receives events and callbacks (card.action.trigger, url.preview.get) at
    /// <paramref name="pattern"/>: POST only; the raw body is verified (signature, timestamp,
    /// token), decrypted, deduplicated and dispatched. A request that fails verification gets a
    /// 4xx with the reason's name and runs no handler.
    /// </summary>
    /// <param name="endpoints">The app, e.g. <c>app.MapFeishuWebhook("/feishu/events")</c>.</param>
    /// <param name="pattern">The path configured in Feishu's developer console.</param>
    /// <returns>The endpoint, to add metadata (rate limiting, host filtering…).</returns>
    public static IEndpointConventionBuilder MapFeishuWebhook(this IEndpointRouteBuilder endpoints, string pattern)
    {
        var dispatcher = Dispatcher(endpoints);
        RequestDelegate handler = context => HandleAsync(context, dispatcher, legacyCard: false);
        return endpoints.MapPost(pattern, handler);
    }

    /// <summary>Receives the older card callback (card.action.trigger_v1, SHA-1 signed) at <paramref name="pattern"/>.</summary>
    /// <param name="endpoints">The app.</param>
    /// <param name="pattern">The card's request URL path.</param>
    /// <returns>The endpoint.</returns>
    public static IEndpointConventionBuilder MapFeishuLegacyCardWebhook(this IEndpointRouteBuilder endpoints, string pattern)
    {
        var dispatcher = Dispatcher(endpoints);
        RequestDelegate handler = context => HandleAsync(context, dispatcher, legacyCard: true);
        return endpoints.MapPost(pattern, handler);
    }

    // Misconfiguration (no Verification Token) shows at startup, not at Feishu's first push.
    private static FeishuEventDispatcher Dispatcher(IEndpointRouteBuilder endpoints)
    {
        var dispatcher = endpoints.ServiceProvider.GetService<FeishuEventDispatcher>()
            ?? throw new InvalidOperationException("No FeishuEventDispatcher is registered: call services.AddFeishuEvents(...) first.");
        dispatcher.EnsureWebhookReady();
        return dispatcher;
    }

    private static async Task HandleAsync(HttpContext context, FeishuEventDispatcher dispatcher, bool legacyCard)
    {
        var limit = dispatcher.Options.MaxBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            await WriteAsync(context, 413, "{\"error\":\"TooLarge\"}"u8.ToArray()).ConfigureAwait(false);
            return;
        }

        var body = await ReadBodyAsync(context.Request.Body, limit, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            await WriteAsync(context, 413, "{\"error\":\"TooLarge\"}"u8.ToArray()).ConfigureAwait(false);
            return;
        }

        var request = context.Request.Headers;
        var headers = new FeishuEventHeaders(request["X-Lark-Request-Timestamp"].ToString().NullIfEmpty(), request["X-Lark-Request-Nonce"].ToString().NullIfEmpty(), request["X-Lark-Signature"].ToString().NullIfEmpty());
        var response = legacyCard
            ? await dispatcher.HandleLegacyCardAsync(headers, body, context.RequestAborted).ConfigureAwait(false)
            : await dispatcher.HandleWebhookAsync(headers, body, context.RequestAborted).ConfigureAwait(false);
        await WriteAsync(context, response.StatusCode, response.Body).ConfigureAwait(false);
    }

    // The exact bytes, bounded: one byte over the limit is enough to refuse.
    private static async Task<byte[]?> ReadBodyAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private static Task WriteAsync(HttpContext context, int status, ReadOnlyMemory<byte> body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    private static string? NullIfEmpty(this string value) => value.Length == 0 ? null : value;
}
