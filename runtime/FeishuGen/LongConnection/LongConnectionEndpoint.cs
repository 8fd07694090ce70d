using System;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;

namespace FeishuGen.LongConnection;

/// <summary>Asks Feishu where to connect: POST {domain}/callback/ws/endpoint with the app's credentials.</summary>
internal static class LongConnectionEndpoint
{
    public const string Path = "/callback/ws/endpoint";

    // 1: the server is busy; 1000040343: a transient refusal. Everything else needs a person.
    private static bool IsRetryableCode(long code) => code is 1 or 1000040343;

    public static async Task<(Uri Url, ClientConfig Config)> FetchAsync(HttpClient http, FeishuClientOptions options, CancellationToken cancellationToken)
    {
        // The factory's client has no timeout of its own (the API client times its attempts): bound this call here.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout == Timeout.InfiniteTimeSpan ? TimeSpan.FromSeconds(30) : options.Timeout);
        try
        {
            return await FetchCoreAsync(http, options, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FeishuLongConnectionException("The long-connection endpoint did not answer in time.", null, isRetryable: true, e);
        }
    }

    private static async Task<(Uri Url, ClientConfig Config)> FetchCoreAsync(HttpClient http, FeishuClientOptions options, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.BaseAddress, Path))
        {
            Content = JsonContent.Create(new EndpointRequest(options.AppId, options.AppSecret), LongConnectionJsonContext.Default.EndpointRequest),
        };
        request.Headers.TryAddWithoutValidation("locale", "zh");
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new FeishuLongConnectionException("The long-connection endpoint could not be reached: " + e.Message, null, isRetryable: true, e);
        }

        using (response)
        {
            EndpointReply? reply = null;
            try
            {
                reply = await response.Content.ReadFromJsonAsync(LongConnectionJsonContext.Default.EndpointReply, cancellationToken).ConfigureAwait(false);
            }
            catch (System.Text.Json.JsonException)
            {
                // Judged by the status below.
            }

            var status = (int)response.StatusCode;
            if (reply is null)
            {
                throw new FeishuLongConnectionException($"The long-connection endpoint answered HTTP {status} without Feishu's JSON.", null, isRetryable: status >= 500 || status == 429) { HttpStatus = status };
            }

            if (reply.Code != 0)
            {
                var retryable = IsRetryableCode(reply.Code);
                var what = status == 403 ? " (forbidden: check the app's credentials and that long connection is enabled)" : string.Empty;
                throw new FeishuLongConnectionException($"The long-connection endpoint refused: code {reply.Code}, {reply.Msg}{what}.", reply.Code, retryable) { HttpStatus = status };
            }

            if (reply.Data?.Url is not { Length: > 0 } url || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
            {
                throw new FeishuLongConnectionException("The long-connection endpoint answered without a URL.", reply.Code, isRetryable: true) { HttpStatus = status };
            }

            return (uri, reply.Data.ClientConfig ?? new ClientConfig());
        }
    }
}
