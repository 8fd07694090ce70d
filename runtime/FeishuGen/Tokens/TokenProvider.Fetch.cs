using System;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Errors;
using FeishuGen.Logging;

namespace FeishuGen.Tokens;

internal sealed partial class TokenProvider
{
    private const string TenantInternalPath = "/open-apis/auth/v3/tenant_access_token/internal";
    private const string AppInternalPath = "/open-apis/auth/v3/app_access_token/internal";
    private const string StoreAppPath = "/open-apis/auth/v3/app_access_token";
    private const string StoreTenantPath = "/open-apis/auth/v3/tenant_access_token";
    private const string ResendTicketPath = "/open-apis/auth/v3/app_ticket/resend";
    private const string UserTokenPath = "/open-apis/authen/v2/oauth/token";
    private const int InvalidAppTicket = 10012;

    // Feishu pushes a resent ticket within minutes: asking more often only adds load.
    private static readonly TimeSpan ResendInterval = TimeSpan.FromMinutes(1);
    private long _lastResendTicks = long.MinValue;

    private async Task<(string, int)> FetchTenantTokenAsync(string? tenantKey, CancellationToken cancellationToken)
    {
        if (_options.AppType == FeishuAppType.SelfBuilt)
        {
            var reply = await _endpoint.PostAsync(TenantInternalPath, new AppCredentialsBody(_options.AppId, _options.AppSecret), TokenJsonContext.Default.AppCredentialsBody, TokenJsonContext.Default.TokenReply, true, null, cancellationToken).ConfigureAwait(false);
            return (reply.TenantAccessToken ?? throw MissingToken(TenantInternalPath), reply.Expire);
        }

        if (string.IsNullOrEmpty(tenantKey))
        {
            throw new FeishuConfigurationException("A store app needs the tenant to act in: pass FeishuRequestOptions.TenantKey.");
        }

        var appToken = await GetAsync(FeishuTokenType.App, null, cancellationToken).ConfigureAwait(false);
        TokenReply tenantReply;
        try
        {
            tenantReply = await StoreTenantTokenAsync(appToken, tenantKey, cancellationToken).ConfigureAwait(false);
        }
        catch (FeishuApiException e) when (FeishuErrors.IsInvalidAppOrTenantToken(e.Code))
        {
            // The cached app token was revoked or rotated early: evict it, fetch a new one, try once more.
            FeishuLog.AppTokenRejected(_logger);
            await InvalidateAsync(FeishuTokenType.App, null, appToken, cancellationToken).ConfigureAwait(false);
            appToken = await GetAsync(FeishuTokenType.App, null, cancellationToken).ConfigureAwait(false);
            tenantReply = await StoreTenantTokenAsync(appToken, tenantKey, cancellationToken).ConfigureAwait(false);
        }

        return (tenantReply.TenantAccessToken ?? throw MissingToken(StoreTenantPath), tenantReply.Expire);
    }

    private Task<TokenReply> StoreTenantTokenAsync(string appToken, string tenantKey, CancellationToken cancellationToken)
        => _endpoint.PostAsync(StoreTenantPath, new StoreTenantTokenBody(appToken, tenantKey), TokenJsonContext.Default.StoreTenantTokenBody, TokenJsonContext.Default.TokenReply, true, appToken, cancellationToken);

    private async Task<(string, int)> FetchAppTokenAsync(CancellationToken cancellationToken)
    {
        if (_options.AppType == FeishuAppType.SelfBuilt)
        {
            var reply = await _endpoint.PostAsync(AppInternalPath, new AppCredentialsBody(_options.AppId, _options.AppSecret), TokenJsonContext.Default.AppCredentialsBody, TokenJsonContext.Default.TokenReply, true, null, cancellationToken).ConfigureAwait(false);
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
            var reply = await _endpoint.PostAsync(StoreAppPath, new StoreAppTokenBody(_options.AppId, _options.AppSecret, ticket!), TokenJsonContext.Default.StoreAppTokenBody, TokenJsonContext.Default.TokenReply, true, ticket, cancellationToken).ConfigureAwait(false);
            return (reply.AppAccessToken ?? throw MissingToken(StoreAppPath), reply.Expire);
        }
        catch (FeishuApiException e) when (e.Code == InvalidAppTicket)
        {
            await ResendTicketAsync(cancellationToken).ConfigureAwait(false);
            throw;
        }
    }

    // At most one resend per interval, whatever the number of calls waiting for a ticket.
    private async Task ResendTicketAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow().UtcTicks;
        var last = Interlocked.Read(ref _lastResendTicks);
        if ((last != long.MinValue && now - last < ResendInterval.Ticks) || Interlocked.CompareExchange(ref _lastResendTicks, now, last) != last)
        {
            return;
        }

        try
        {
            await _endpoint.PostAsync(ResendTicketPath, new AppCredentialsBody(_options.AppId, _options.AppSecret), TokenJsonContext.Default.AppCredentialsBody, TokenJsonContext.Default.TicketResendReply, true, null, cancellationToken).ConfigureAwait(false);
        }
        catch (FeishuException)
        {
            // The resend is a courtesy: the caller's error says what happened.
        }
    }

    /// <summary>Exchanges a refresh token for a new user token pair (the old refresh token is spent).</summary>
    public async Task<FeishuUserTokens> RefreshUserTokenAsync(string refreshToken, CancellationToken cancellationToken)
    {
        UserTokenReply reply;
        try
        {
            // Not repeatable: Feishu spends the refresh token on arrival, so a request that may have arrived is not resent.
            reply = await _endpoint.PostAsync(UserTokenPath, new UserRefreshBody("refresh_token", _options.AppId, _options.AppSecret, refreshToken), TokenJsonContext.Default.UserRefreshBody, TokenJsonContext.Default.UserTokenReply, false, refreshToken, cancellationToken).ConfigureAwait(false);
        }
        catch (FeishuApiException e) when (FeishuErrors.IsSpentRefreshToken(e.Code))
        {
            throw new FeishuAuthenticationException(e.Code, e.Msg, e.Message + " The refresh token is used, invalid, expired or revoked: the user must sign in again.")
            {
                HttpStatus = e.HttpStatus,
                LogId = e.LogId,
                Category = FeishuErrorCategory.Authentication,
                Endpoint = e.Endpoint,
            };
        }

        return FeishuUserTokens.From(reply, _time.GetUtcNow());
    }

    private static FeishuResponseFormatException MissingToken(string path) => new($"The reply of {path} has code 0 but no token.");
}
