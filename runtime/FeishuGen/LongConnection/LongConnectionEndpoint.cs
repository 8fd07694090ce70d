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
            var status = (int)response.StatusCode;

            // As the official clients do, any reply but 200 is retried (a gateway's 502, a 429, a 5xx
            // whatever its JSON says); only a 403 is for a person to fix.
            if (status == 403)
            {
                throw new FeishuLongConnectionException("The long-connection endpoint refused (HTTP 403, forbidden): check the app's id and secret and that long connection is enabled for it.", null, isRetryable: false) { HttpStatus = status };
            }

            if (status != 200)
            {
                throw new FeishuLongConnectionException($"The long-connection endpoint answered HTTP {status}.", null, isRetryable: true) { HttpStatus = status };
            }

            EndpointReply? reply = null;
            try
            {
                reply = await response.Content.ReadFromJsonAsync(LongConnectionJsonContext.Default.EndpointReply, cancellationToken).ConfigureAwait(false);
            }
            catch (System.Text.Json.JsonException)
            {
                // Judged below.
            }

            if (reply is null)
            {
                throw new FeishuLongConnectionException("The long-connection endpoint answered HTTP 200 without Feishu's JSON.", null, isRetryable: true) { HttpStatus = status };
            }

            if (reply.Code != 0)
            {
                // 1 and 1000040343 are the server's own trouble. Any other code refuses this app (wrong
                // credentials, long connection not enabled): the official clients give up, but a person
                // can fix it in the console while the host runs, so it is tried again at the slow pace.
                var refused = !IsRetryableCode(reply.Code);
                throw new FeishuLongConnectionException($"The long-connection endpoint refused: code {reply.Code}, {reply.Msg}.", reply.Code, isRetryable: true) { HttpStatus = status, IsRefusal = refused };
            }

            if (reply.Data?.Url is not { Length: > 0 } url || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
            {
                throw new FeishuLongConnectionException("The long-connection endpoint answered without a URL.", reply.Code, isRetryable: true) { HttpStatus = status };
            }

            return (uri, reply.Data.ClientConfig ?? new ClientConfig());
        }
    }
}
