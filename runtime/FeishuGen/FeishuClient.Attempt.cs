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
        private readonly System.Collections.Generic.IReadOnlyDictionary<string, string>? _headers;
        private Dictionary<FeishuFile, long>? _streamStarts;
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
            _headers = options?.Headers;
        }

        public FeishuTokenType TokenType => _tokenType;

        /// <summary>The token the latest attempt sent (to mask it in excerpts of foreign replies).</summary>
        public string Token => _token;

        public async ValueTask<HttpResponseMessage> SendAsync(CancellationToken cancellationToken)
        {
            if (_session is not null)
            {
                // A session about to expire is refreshed before use rather than after a rejection.
                if (_session.IsDue(_client._time.GetUtcNow(), _client.Options.TokenRefreshMargin) && _session.RefreshToken is not null)
                {
                    await _client.RefreshSessionAsync(_session, _session.AccessToken, cancellationToken).ConfigureAwait(false);
                }

                _token = _session.AccessToken;
            }
            else
            {
                // Token fetches retry their own faults; what reaches here is final for this call.
                _token = _fixedToken ?? await _client._tokens.GetAsync(_tokenType, _tenantKey, cancellationToken).ConfigureAwait(false);
            }

            // Uploads remember where each file started, so that a replay rewinds it; JSON calls need no map.
            var streamStarts = _call.Form is null ? null : _streamStarts ??= new Dictionary<FeishuFile, long>();
            using var request = RequestFactory.Create(_call, _client.BaseFor(_call.Endpoint), _token, _client.Options.UserAgent, _headers, streamStarts);
            return await _client._http().SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
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
                await _client.RefreshSessionAsync(_session, _token, cancellationToken).ConfigureAwait(false);
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

    // The refresh runs detached from the caller: once Feishu has rotated the refresh token, the
    // new one is stored and handed to Refreshed even if the caller gives up waiting.
    private Task RefreshSessionAsync(FeishuUserSession session, string staleToken, CancellationToken cancellationToken)
        => session.RefreshAsync(staleToken, _tokens.RefreshUserTokenAsync, _time, Options.Timeout, cancellationToken);

    // The client's domain decides where every call goes, never the page it came from: an endpoint
    // on a host of its own (www.feishu.cn/approval/openapi/…) goes to that host's twin on the
    // client's domain (www.larksuite.com for a Lark client); a custom base address (a proxy, the
    // local server) takes everything.
    private Uri BaseFor(FeishuEndpoint endpoint)
    {
        if (endpoint.Host is null)
        {
            return Options.BaseAddress;
        }

        if (Options.BaseAddress == FeishuClientOptions.FeishuDomain)
        {
            return new Uri(Twin(endpoint.Host, ".larksuite.com", ".feishu.cn"));
        }

        if (Options.BaseAddress == FeishuClientOptions.LarkDomain)
        {
            return new Uri(Twin(endpoint.Host, ".feishu.cn", ".larksuite.com"));
        }

        return Options.BaseAddress;
    }

    // https://www.feishu.cn ↔ https://www.larksuite.com: the same host on the other domain.
    private static string Twin(string host, string from, string to)
    {
        var uri = new Uri(host);
        var name = uri.Host.EndsWith(from, StringComparison.OrdinalIgnoreCase) ? uri.Host.Substring(0, uri.Host.Length - from.Length) + to : uri.Host;
        return new UriBuilder(uri.Scheme, name, uri.IsDefaultPort ? -1 : uri.Port).Uri.GetLeftPart(UriPartial.Authority);
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
