using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Http;

namespace FeishuGen;

/// <summary>
/// The OAuth endpoints around the token endpoint, as the official CLI calls them: device
/// authorization and revocation on the accounts host (form-encoded), device polling on the v2 token
/// endpoint (form-encoded), and user info on the open host. Each request is timed by the client's
/// clock and limit; secrets never reach a message.
/// </summary>
internal sealed class AccountsEndpoints
{
    public const string DeviceAuthorizationPath = "/oauth/v1/device_authorization";
    public const string RevokePath = "/oauth/v1/revoke";
    public const string TokenPath = "/open-apis/authen/v2/oauth/token";
    public const string UserInfoPath = "/open-apis/authen/v1/user_info";
    private const long MaxReplyBytes = 1024 * 1024;

    private readonly FeishuClient _client;

    public AccountsEndpoints(FeishuClient client) => _client = client;

    public FeishuClientOptions Options => _client.Options;

    /// <summary>One form POST; the reply read as <typeparamref name="T"/> when it is JSON (null otherwise).</summary>
    public async Task<Reply<T>> PostFormAsync<T>(Uri url, IEnumerable<KeyValuePair<string, string>> fields, bool basicAuth, JsonTypeInfo<T> info, CancellationToken cancellationToken)
        where T : class
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
        if (basicAuth)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Options.AppId + ":" + Options.AppSecret)));
        }

        return await SendAsync(request, info, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Who the access token belongs to.</summary>
    public async Task<FeishuUserInfo> GetUserInfoAsync(string accessToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Options.BaseAddress, UserInfoPath));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var reply = await SendAsync(request, SignInJsonContext.Default.UserInfoReply, cancellationToken).ConfigureAwait(false);
        if (reply.Body is { Code: 0, Data: { } user })
        {
            return user;
        }

        throw reply.Body is { Code: { } code }
            ? FeishuApiException.Create(code, reply.Body.Msg ?? string.Empty, reply.Status, reply.LogId, "GET " + UserInfoPath)
            : new FeishuResponseFormatException($"GET {UserInfoPath} answered HTTP {reply.Status} without Feishu's envelope.") { HttpStatus = reply.Status, LogId = reply.LogId };
    }

    /// <summary>Revokes <paramref name="token"/> (RFC 7009); a refresh token takes its access tokens with it.</summary>
    public async Task RevokeAsync(string token, string tokenTypeHint, CancellationToken cancellationToken)
    {
        var fields = new Dictionary<string, string>
        {
            ["client_id"] = Options.AppId,
            ["client_secret"] = Options.AppSecret,
            ["token"] = token,
            ["token_type_hint"] = tokenTypeHint,
        };
        var reply = await PostFormAsync(new Uri(Options.AccountsAddress, RevokePath), fields, basicAuth: false, SignInJsonContext.Default.RevokeReply, cancellationToken).ConfigureAwait(false);
        if (reply.Status >= 400 || reply.Body is { Code: not (null or 0) } || !string.IsNullOrEmpty(reply.Body?.Error))
        {
            throw new FeishuSignInException(reply.Body?.Error ?? "revoke_failed", reply.Body?.Code, $"Revoking the user's token failed: HTTP {reply.Status} {reply.Body?.Error ?? reply.Body?.Msg}") { HttpStatus = reply.Status, LogId = reply.LogId };
        }
    }

    private async Task<Reply<T>> SendAsync<T>(HttpRequestMessage request, JsonTypeInfo<T> info, CancellationToken cancellationToken)
        where T : class
    {
        request.Headers.UserAgent.ParseAdd(Options.UserAgent);
        using var timeout = AttemptTimeout.Start(Options.Timeout, _client.Time, cancellationToken);
        try
        {
            using var response = await _client.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            using var bytes = await ReplyBody.ReadAsync(response, MaxReplyBytes, timeout.Token).ConfigureAwait(false);
            T? body = null;
            try
            {
                body = bytes.Length == 0 ? null : JsonSerializer.Deserialize(bytes.Span, info);
            }
            catch (JsonException)
            {
                // Not Feishu speaking (a proxy's page): the status tells the caller enough.
            }

            return new Reply<T>((int)response.StatusCode, body, ReplyHeaders.LogId(response));
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FeishuTransportException($"{request.Method} {request.RequestUri!.AbsolutePath} timed out after {Options.Timeout.TotalSeconds:0.#} s.", e) { IsTimeout = true, Attempts = 1 };
        }
        catch (HttpRequestException e)
        {
            throw new FeishuTransportException($"{request.Method} {request.RequestUri!.AbsolutePath} failed: {e.Message}.", e) { Attempts = 1 };
        }
    }

    /// <summary>A reply: HTTP status, the JSON body when it parsed, and the log id.</summary>
    internal readonly record struct Reply<T>(int Status, T? Body, string? LogId)
        where T : class;
}
