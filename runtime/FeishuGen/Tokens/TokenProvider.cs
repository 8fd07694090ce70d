using System;
using System.Collections.Concurrent;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace FeishuGen.Tokens;

/// <summary>
/// Fetches and caches tenant and app access tokens. Tokens are keyed by (domain, app id, secret
/// fingerprint, kind, tenant key), so two clients with different secrets never share one; a
/// token is fetched anew a few minutes before it expires (with jitter, so a fleet does not
/// refresh in step), and only one fetch per key runs at a time whatever the concurrency.
/// </summary>
internal sealed class TokenProvider
{
    private const string TenantInternalPath = "/open-apis/auth/v3/tenant_access_token/internal";
    private const string AppInternalPath = "/open-apis/auth/v3/app_access_token/internal";
    private const string StoreAppPath = "/open-apis/auth/v3/app_access_token";
    private const string StoreTenantPath = "/open-apis/auth/v3/tenant_access_token";
    private const string ResendTicketPath = "/open-apis/auth/v3/app_ticket/resend";
    private const int InvalidAppTicket = 10012;

    private readonly FeishuClientOptions _options;
    private readonly Func<HttpClient> _http;
    private readonly IFeishuTokenCache _cache;
    private readonly TimeProvider _time;
    private readonly string _keyPrefix;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new();
    private long _fetches;

    public TokenProvider(FeishuClientOptions options, Func<HttpClient> http, IFeishuTokenCache cache, TimeProvider time)
    {
        _options = options;
        _http = http;
        _cache = cache;
        _time = time;
        _keyPrefix = options.BaseAddress.GetLeftPart(UriPartial.Authority) + "|" + options.AppId + "|" + Fingerprint(options.AppSecret) + "|";
    }

    /// <summary>How many token requests this provider has sent (for tests and diagnostics).</summary>
    public long FetchCount => Interlocked.Read(ref _fetches);

    public Task<string> GetAsync(FeishuTokenType type, string? tenantKey, CancellationToken cancellationToken)
        => type == FeishuTokenType.App
            ? GetCachedAsync(Key(type, null), FetchAppTokenAsync, cancellationToken)
            : GetCachedAsync(Key(type, tenantKey), ct => FetchTenantTokenAsync(tenantKey, ct), cancellationToken);

    /// <summary>Forgets <paramref name="token"/> after Feishu rejected it, unless a newer one replaced it already.</summary>
    public ValueTask InvalidateAsync(FeishuTokenType type, string? tenantKey, string token, CancellationToken cancellationToken)
        => _cache.RemoveAsync(Key(type, type == FeishuTokenType.App ? null : tenantKey), token, cancellationToken);

    private string Key(FeishuTokenType type, string? tenantKey) => _keyPrefix + type.WireName() + "|" + tenantKey;

    private async Task<string> GetCachedAsync(string key, Func<CancellationToken, Task<(string Token, int Expire)>> fetch, CancellationToken cancellationToken)
    {
        var cached = await _cache.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (cached is not null && _time.GetUtcNow() < cached.RefreshAt)
        {
            return cached.Value;
        }

        var gate = _gates.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have fetched while this one waited.
            cached = await _cache.GetAsync(key, cancellationToken).ConfigureAwait(false);
            if (cached is not null && _time.GetUtcNow() < cached.RefreshAt)
            {
                return cached.Value;
            }

            var (token, expire) = await fetch(cancellationToken).ConfigureAwait(false);
            var now = _time.GetUtcNow();
            var expiresAt = now.AddSeconds(expire);
            var jitter = TimeSpan.FromMilliseconds(Random.Shared.Next(0, 30_000));
            var refreshAt = expiresAt - _options.TokenRefreshMargin - jitter;
            await _cache.SetAsync(key, new FeishuCachedToken(token, expiresAt, refreshAt < now ? now : refreshAt), cancellationToken).ConfigureAwait(false);
            return token;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<(string, int)> FetchTenantTokenAsync(string? tenantKey, CancellationToken cancellationToken)
    {
        if (_options.AppType == FeishuAppType.SelfBuilt)
        {
            var reply = await PostAsync(TenantInternalPath, new AppCredentialsBody(_options.AppId, _options.AppSecret), TokenJsonContext.Default.AppCredentialsBody, cancellationToken).ConfigureAwait(false);
            return (reply.TenantAccessToken ?? throw MissingToken(TenantInternalPath), reply.Expire);
        }

        if (string.IsNullOrEmpty(tenantKey))
        {
            throw new FeishuConfigurationException("A store app needs the tenant to act in: pass FeishuRequestOptions.TenantKey.");
        }

        var appToken = await GetAsync(FeishuTokenType.App, null, cancellationToken).ConfigureAwait(false);
        var tenantReply = await PostAsync(StoreTenantPath, new StoreTenantTokenBody(appToken, tenantKey), TokenJsonContext.Default.StoreTenantTokenBody, cancellationToken).ConfigureAwait(false);
        return (tenantReply.TenantAccessToken ?? throw MissingToken(StoreTenantPath), tenantReply.Expire);
    }

    private async Task<(string, int)> FetchAppTokenAsync(CancellationToken cancellationToken)
    {
        if (_options.AppType == FeishuAppType.SelfBuilt)
        {
            var reply = await PostAsync(AppInternalPath, new AppCredentialsBody(_options.AppId, _options.AppSecret), TokenJsonContext.Default.AppCredentialsBody, cancellationToken).ConfigureAwait(false);
            return (reply.AppAccessToken ?? throw MissingToken(AppInternalPath), reply.Expire);
        }

        var ticket = _options.AppTicketProvider is null ? null : await _options.AppTicketProvider(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(ticket))
        {
            await ResendTicketAsync(cancellationToken).ConfigureAwait(false);
            throw new FeishuConfigurationException("No app_ticket yet: Feishu was asked to push one (app_ticket event); hand it to FeishuClientOptions.AppTicketProvider and retry.");
        }

        try
        {
            var reply = await PostAsync(StoreAppPath, new StoreAppTokenBody(_options.AppId, _options.AppSecret, ticket!), TokenJsonContext.Default.StoreAppTokenBody, cancellationToken).ConfigureAwait(false);
            return (reply.AppAccessToken ?? throw MissingToken(StoreAppPath), reply.Expire);
        }
        catch (FeishuApiException e) when (e.Code == InvalidAppTicket)
        {
            await ResendTicketAsync(cancellationToken).ConfigureAwait(false);
            throw;
        }
    }

    private async Task ResendTicketAsync(CancellationToken cancellationToken)
    {
        try
        {
            await PostAsync(ResendTicketPath, new AppCredentialsBody(_options.AppId, _options.AppSecret), TokenJsonContext.Default.AppCredentialsBody, cancellationToken).ConfigureAwait(false);
        }
        catch (FeishuApiException)
        {
            // The resend is a courtesy: the caller's error says what happened.
        }
    }

    private async Task<TokenReply> PostAsync<TBody>(string path, TBody body, JsonTypeInfo<TBody> bodyInfo, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _fetches);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_options.BaseAddress, path))
        {
            Content = System.Net.Http.Json.JsonContent.Create(body, bodyInfo),
        };
        request.Headers.UserAgent.ParseAdd(_options.UserAgent);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        using var response = await _http().SendAsync(request, timeout.Token).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
        var logId = Http.ReplyHeaders.LogId(response);
        TokenReply? reply;
        try
        {
            reply = System.Text.Json.JsonSerializer.Deserialize(bytes, TokenJsonContext.Default.TokenReply);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new FeishuResponseFormatException($"The token endpoint {path} did not answer with JSON (HTTP {(int)response.StatusCode}).", e) { HttpStatus = (int)response.StatusCode, LogId = logId };
        }

        if (reply is null || reply.Code != 0)
        {
            throw Errors.FeishuErrors.Create((int)response.StatusCode, reply?.Code ?? -1, reply?.Msg ?? "empty reply", null, logId, "POST " + path, null);
        }

        return reply;
    }

    /// <summary>Exchanges a refresh token for a new user token pair (the old refresh token is spent).</summary>
    public async Task<(string Access, string? Refresh, int ExpiresIn)> RefreshUserTokenAsync(string refreshToken, CancellationToken cancellationToken)
    {
        const string path = "/open-apis/authen/v2/oauth/token";
        Interlocked.Increment(ref _fetches);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_options.BaseAddress, path))
        {
            Content = System.Net.Http.Json.JsonContent.Create(new UserRefreshBody("refresh_token", _options.AppId, _options.AppSecret, refreshToken), TokenJsonContext.Default.UserRefreshBody),
        };
        request.Headers.UserAgent.ParseAdd(_options.UserAgent);
        using var response = await _http().SendAsync(request, cancellationToken).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        UserTokenReply? reply;
        try
        {
            reply = System.Text.Json.JsonSerializer.Deserialize(bytes, TokenJsonContext.Default.UserTokenReply);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new FeishuResponseFormatException($"{path} did not answer with JSON (HTTP {(int)response.StatusCode}).", e) { HttpStatus = (int)response.StatusCode };
        }

        if (reply is null || reply.Code != 0 || string.IsNullOrEmpty(reply.AccessToken))
        {
            // 20073 already used, 20026 invalid, 20037 expired, 20064 revoked: the user must sign in again.
            var code = reply?.Code ?? -1;
            var msg = reply?.ErrorDescription ?? reply?.Msg ?? "no access token in the reply";
            var error = Errors.FeishuErrors.Create((int)response.StatusCode, code, msg, null, Http.ReplyHeaders.LogId(response), "POST " + path, null);
            throw new FeishuAuthenticationException(error.Code, error.Msg, error.Message + " The user must sign in again.");
        }

        return (reply.AccessToken!, reply.RefreshToken, reply.ExpiresIn);
    }

    private static FeishuResponseFormatException MissingToken(string path) => new($"The reply of {path} has code 0 but no token.");

    // A short, one-way digest: enough to tell secrets apart, useless for recovering one.
    private static string Fingerprint(string secret)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(secret));
        return Convert.ToHexString(hash, 0, 8);
    }
}
