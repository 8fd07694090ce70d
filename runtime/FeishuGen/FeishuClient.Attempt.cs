using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Errors;
using FeishuGen.Http;

namespace FeishuGen;

public partial class FeishuClient
{
    /// <summary>
    /// The attempts of one call: which token it uses, sending it, and whether a failure earns a
    /// replay. A rejected app or tenant token is evicted and fetched anew, and the call replayed
    /// once; never more.
    /// </summary>
    private sealed class Attempt
    {
        private readonly FeishuClient _client;
        private readonly FeishuApiCall _call;
        private readonly FeishuTokenType _tokenType;
        private readonly string? _fixedToken;
        private readonly string? _tenantKey;
        private readonly FeishuUserSession? _session;
        private readonly Dictionary<FeishuFile, long> _streamStarts = new();
        private string _token = string.Empty;
        private bool _replayed;

        public Attempt(FeishuClient client, FeishuApiCall call, FeishuRequestOptions? options)
        {
            ArgumentNullException.ThrowIfNull(call);
            _client = client;
            _call = call;
            _session = options?.UserSession;
            (_tokenType, _fixedToken) = _session is null ? ChooseToken(call.Endpoint, options) : (FeishuTokenType.User, null);
            _tenantKey = options?.TenantKey;
        }

        public FeishuTokenType TokenType => _tokenType;

        public async Task<HttpResponseMessage> SendAsync(HttpCompletionOption completion, CancellationToken cancellationToken)
        {
            if (_session is not null)
            {
                // A session about to expire is refreshed before use rather than after a rejection.
                if (_session.IsDue(_client._time.GetUtcNow(), _client.Options.TokenRefreshMargin) && _session.RefreshToken is not null)
                {
                    await _session.RefreshAsync(_session.AccessToken, _client._tokens.RefreshUserTokenAsync, _client._time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                }

                _token = _session.AccessToken;
            }
            else if (_fixedToken is not null)
            {
                _token = _fixedToken;
            }
            else
            {
                try
                {
                    _token = await _client._tokens.GetAsync(_tokenType, _tenantKey, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is System.IO.IOException || (e is HttpRequestException && e is not FeishuException))
                {
                    // The call itself has not left yet: whatever its method, it is safe to try again.
                    throw new HttpRequestException(HttpRequestError.ConnectionError, "Fetching the " + _tokenType.WireName() + " failed: " + e.Message, e);
                }
            }

            using var request = RequestFactory.Create(_call, _client.BaseFor(_call.Endpoint), _token, _client.Options.UserAgent, _streamStarts);
            return await _client._http().SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
        }

        public async Task<bool> ShouldReplayAsync(int code, CancellationToken cancellationToken)
        {
            if (_session is not null)
            {
                if (_replayed || !FeishuErrors.IsInvalidUserToken(code) || !_call.CanReplay())
                {
                    return false;
                }

                _replayed = true;
                await _session.RefreshAsync(_token, _client._tokens.RefreshUserTokenAsync, _client._time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                return true;
            }

            if (_replayed || _fixedToken is not null || _tokenType == FeishuTokenType.User || !FeishuErrors.IsInvalidAppOrTenantToken(code) || !_call.CanReplay())
            {
                return false;
            }

            _replayed = true;
            await _client._tokens.InvalidateAsync(_tokenType, _tenantKey, _token, cancellationToken).ConfigureAwait(false);
            return true;
        }
    }

    // Endpoints on another Feishu host follow the domain choice; a custom base address (a proxy, the local server) takes everything.
    private Uri BaseFor(FeishuEndpoint endpoint)
    {
        if (endpoint.Host is null)
        {
            return Options.BaseAddress;
        }

        if (Options.BaseAddress == FeishuClientOptions.FeishuDomain)
        {
            return new Uri(endpoint.Host);
        }

        if (Options.BaseAddress == FeishuClientOptions.LarkDomain)
        {
            return new Uri(endpoint.Host.Replace("feishu.cn", "larksuite.com", StringComparison.Ordinal));
        }

        return Options.BaseAddress;
    }

    private static (FeishuTokenType Type, string? Fixed) ChooseToken(FeishuEndpoint endpoint, FeishuRequestOptions? options)
    {
        if (options?.AccessToken is { Length: > 0 } fixedToken)
        {
            return (options.PreferredTokenType ?? FeishuTokenType.Tenant, fixedToken);
        }

        if (options?.UserAccessToken is { Length: > 0 } userToken)
        {
            return (FeishuTokenType.User, userToken);
        }

        if (options?.PreferredTokenType is { } preferred && preferred != FeishuTokenType.User && endpoint.Accepts(preferred))
        {
            return (preferred, null);
        }

        if (endpoint.Accepts(FeishuTokenType.Tenant) || endpoint.TokenTypes.Count == 0)
        {
            return (FeishuTokenType.Tenant, null);
        }

        if (endpoint.Accepts(FeishuTokenType.App))
        {
            return (FeishuTokenType.App, null);
        }

        throw new FeishuConfigurationException(
            $"{endpoint} accepts only a user_access_token: pass one in FeishuRequestOptions.UserAccessToken.");
    }
}
