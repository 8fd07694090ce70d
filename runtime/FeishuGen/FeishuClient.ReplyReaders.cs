using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Http;
using FeishuGen.Json;

namespace FeishuGen;

public partial class FeishuClient
{
    /// <summary>
    /// Turns one attempt's HTTP reply into the call's outcome. An object, not a lambda, so that a
    /// generated call passes a reader made once per reply type instead of a closure per call; a
    /// ValueTask, so a reply that is already buffered costs no task.
    /// </summary>
    private abstract class ReplyReader<T>
    {
        public abstract ValueTask<Reply<T>> ReadAsync(FeishuClient client, HttpResponseMessage response, FeishuApiCall call, string sentToken, CancellationToken cancellationToken);
    }

    /// <summary>Feishu's JSON envelope; with a shape, a reply without <c>data</c> gives the shape's empty record.</summary>
    private sealed class JsonReply<T>(FeishuJsonRead<T> read, FeishuJsonShape<T>? shape) : ReplyReader<T?>
        where T : class
    {
        public override async ValueTask<Reply<T?>> ReadAsync(FeishuClient client, HttpResponseMessage response, FeishuApiCall call, string sentToken, CancellationToken cancellationToken)
        {
            using var owned = response;
            using var body = await ReplyBody.ReadAsync(response, client.Options.MaxResponseBytes, cancellationToken).ConfigureAwait(false);
            var reply = client.InterpretJson(body.Span, read, response, call, sentToken);
            return reply.Ok && reply.Value is null && shape is not null ? reply with { Value = shape.Create() } : reply;
        }
    }

    /// <summary>A file, streamed as it arrives; a JSON reply is Feishu's error (or an unexpected success) and is read as such.</summary>
    private sealed class DownloadReply : ReplyReader<FeishuDownload>
    {
        public static readonly DownloadReply Instance = new();

        public override async ValueTask<Reply<FeishuDownload>> ReadAsync(FeishuClient client, HttpResponseMessage response, FeishuApiCall call, string sentToken, CancellationToken cancellationToken)
        {
            var mediaType = response.Content.Headers.ContentType?.MediaType ?? string.Empty;
            if (response.IsSuccessStatusCode && !mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
            {
                var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                return Reply<FeishuDownload>.Succeeded(new FeishuDownload(response, stream, ReplyHeaders.LogId(response)));
            }

            using (response)
            {
                using var body = await ReplyBody.ReadAsync(response, client.Options.MaxResponseBytes, cancellationToken).ConfigureAwait(false);
                return client.InterpretFileAsJson(body.Span, response, call, sentToken);
            }
        }
    }
}
