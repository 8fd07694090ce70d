using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace FeishuGen;

/// <summary>
/// Signs a user in from a console tool or an AI agent, which has no browser redirect to come back
/// to (the OAuth device flow, RFC 8628, as Feishu's own CLI uses it). It asks Feishu for a user
/// code, hands it to you to show (<see cref="FeishuDeviceCode"/>: the link, the code, the QR text),
/// polls at Feishu's interval (slower after slow_down) until the user approves in Feishu, and
/// returns their session. It stops with a <see cref="FeishuSignInException"/> when the user denies
/// (access_denied) or the code expires (expired_token).
/// </summary>
/// <example>
/// <code>
/// var login = new FeishuDeviceLogin(api.Client);
/// var result = await login.SignInAsync(["calendar:calendar:readonly"], (code, _) =>
/// {
///     Console.WriteLine($"Open {code.VerificationUri} and enter {code.UserCode}");
///     return ValueTask.CompletedTask;
/// });
/// if (result.Warning is { } warning) Console.WriteLine(warning);
/// </code>
/// </example>
public sealed class FeishuDeviceLogin
{
    private const string DeviceCodeGrant = "urn:ietf:params:oauth:grant-type:device_code";
    private static readonly TimeSpan SlowDownStep = TimeSpan.FromSeconds(5);

    private readonly FeishuClient _client;
    private readonly FeishuUserSessions? _sessions;
    private readonly AccountsEndpoints _accounts;

    /// <summary>Creates a device login for <paramref name="client"/>'s app.</summary>
    /// <param name="client">The client: its app, domain, HTTP, clock and logger are used.</param>
    /// <param name="sessions">Where to keep the user's tokens (the result's session is then bound to them); none when null.</param>
    public FeishuDeviceLogin(FeishuClient client, FeishuUserSessions? sessions = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _sessions = sessions;
        _accounts = new AccountsEndpoints(client);
    }

    /// <summary>Adds the offline_access scope when it is not asked for, so that a refresh token comes back (default true).</summary>
    public bool AddOfflineAccess { get; init; } = true;

    /// <summary>Runs the login: shows the code through <paramref name="showCode"/>, then waits for the user's approval.</summary>
    /// <param name="scopes">The scopes to ask the user for.</param>
    /// <param name="showCode">Shows the code to the user (called once, before polling starts).</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <exception cref="FeishuSignInException">The user denied, the code expired, or Feishu refused the app.</exception>
    public async Task<FeishuDeviceLoginResult> SignInAsync(IEnumerable<string> scopes, Func<FeishuDeviceCode, CancellationToken, ValueTask> showCode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        ArgumentNullException.ThrowIfNull(showCode);
        var asked = scopes.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal).ToList();
        if (AddOfflineAccess && !asked.Contains(FeishuDeviceLoginScopes.OfflineAccess))
        {
            asked.Add(FeishuDeviceLoginScopes.OfflineAccess);
        }

        var (code, deviceCode) = await AuthorizeDeviceAsync(string.Join(' ', asked), cancellationToken).ConfigureAwait(false);
        await showCode(code, cancellationToken).ConfigureAwait(false);
        var tokens = await PollAsync(code, deviceCode, cancellationToken).ConfigureAwait(false);
        var user = await _accounts.GetUserInfoAsync(tokens.AccessToken, cancellationToken).ConfigureAwait(false);
        var session = _sessions is not null && user.OpenId is { Length: > 0 } openId
            ? await _sessions.SaveAsync(openId, tokens, cancellationToken).ConfigureAwait(false)
            : new FeishuUserSession(tokens);
        return new FeishuDeviceLoginResult(session, user, Warn(tokens, asked));
    }

    private async Task<(FeishuDeviceCode Code, string DeviceCode)> AuthorizeDeviceAsync(string scope, CancellationToken cancellationToken)
    {
        var options = _client.Options;
        var fields = new Dictionary<string, string> { ["client_id"] = options.AppId, ["scope"] = scope };
        var reply = await _accounts.PostFormAsync(new Uri(options.AccountsAddress, AccountsEndpoints.DeviceAuthorizationPath), fields, basicAuth: true, SignInJsonContext.Default.DeviceAuthorizationReply, cancellationToken).ConfigureAwait(false);
        var body = reply.Body;
        if (reply.Status >= 400 || body is null || !string.IsNullOrEmpty(body.Error) || body is { Code: not (null or 0) })
        {
            throw FeishuSignInException.FromTokenReply(body?.Code, body?.Error ?? "HTTP " + reply.Status, body?.ErrorDescription, reply.Status, reply.LogId);
        }

        if (string.IsNullOrEmpty(body.DeviceCode) || string.IsNullOrEmpty(body.UserCode) || !Uri.TryCreate(body.VerificationUri, UriKind.Absolute, out var page))
        {
            throw new FeishuResponseFormatException("The device authorization reply lacks device_code, user_code or verification_uri.") { HttpStatus = reply.Status, LogId = reply.LogId };
        }

        var complete = Uri.TryCreate(body.VerificationUriComplete, UriKind.Absolute, out var full) ? full : page;
        var lifetime = TimeSpan.FromSeconds(body.ExpiresIn > 0 ? body.ExpiresIn : 240);
        var interval = TimeSpan.FromSeconds(body.Interval > 0 ? body.Interval : 5);
        return (new FeishuDeviceCode(body.UserCode, page, complete, _client.Time.GetUtcNow() + lifetime, interval), body.DeviceCode);
    }

    private async Task<FeishuUserTokens> PollAsync(FeishuDeviceCode code, string deviceCode, CancellationToken cancellationToken)
    {
        var options = _client.Options;
        var time = _client.Time;
        var url = new Uri(options.BaseAddress, AccountsEndpoints.TokenPath);
        var fields = new Dictionary<string, string>
        {
            ["grant_type"] = DeviceCodeGrant,
            ["device_code"] = deviceCode,
            ["client_id"] = options.AppId,
            ["client_secret"] = options.AppSecret,
        };
        var interval = code.Interval;
        while (true)
        {
            await Task.Delay(interval, time, cancellationToken).ConfigureAwait(false);
            if (time.GetUtcNow() >= code.ExpiresAt)
            {
                throw Expired(code);
            }

            AccountsEndpoints.Reply<Tokens.UserTokenReply> reply;
            try
            {
                reply = await _accounts.PostFormAsync(url, fields, basicAuth: false, SignInJsonContext.Default.UserTokenReply, cancellationToken).ConfigureAwait(false);
            }
            catch (FeishuTransportException e)
            {
                // A poll is safe to repeat: the device code is spent only by the reply that carries the tokens.
                SignInLog.PollFailed(_client.Logger, e.Message, (long)interval.TotalSeconds);
                continue;
            }

            var body = reply.Body;
            if (body is { IsSuccess: true })
            {
                return FeishuUserTokens.From(body, time.GetUtcNow());
            }

            switch (body?.Error)
            {
                case "authorization_pending":
                    continue;
                case "slow_down":
                    interval += SlowDownStep;
                    SignInLog.SlowDown(_client.Logger, (long)interval.TotalSeconds);
                    continue;
                case "access_denied":
                    throw new FeishuSignInException("access_denied", body.Code, $"The user denied the device login in Feishu{Detail(body.ErrorDescription)}: nothing was granted; run the login again if that was a mistake.") { HttpStatus = reply.Status, LogId = reply.LogId };
                case "expired_token":
                    throw Expired(code, reply.Status, reply.LogId);
                case null when body is null || reply.Status >= 500:
                    SignInLog.PollFailed(_client.Logger, "HTTP " + reply.Status, (long)interval.TotalSeconds);
                    continue;
                default:
                    throw FeishuSignInException.FromTokenReply(body?.Code, body?.Error, body?.ErrorDescription, reply.Status, reply.LogId);
            }
        }
    }

    private string? Warn(FeishuUserTokens tokens, IReadOnlyList<string> asked)
    {
        var warnings = new List<string>();
        if (!tokens.CanRefresh)
        {
            var seconds = tokens.ExpiresAt is { } expires ? (long)(expires - _client.Time.GetUtcNow()).TotalSeconds : 0;
            SignInLog.NoRefreshToken(_client.Logger, seconds);
            warnings.Add($"Feishu granted no refresh token, so this session ends when the access token expires (in {seconds / 60} min) and the user must sign in again. Ask for the offline_access scope and enable it for the app in the developer console.");
        }

        if (tokens.Scope is not null)
        {
            var missing = asked.Where(s => s != FeishuDeviceLoginScopes.OfflineAccess && !tokens.GrantedScopes.Contains(s)).ToList();
            if (missing.Count > 0)
            {
                warnings.Add($"Feishu did not grant {string.Join(", ", missing)}: calls that need them will fail with 99991679 until the user grants them.");
            }
        }

        return warnings.Count == 0 ? null : string.Join(' ', warnings);
    }

    private static FeishuSignInException Expired(FeishuDeviceCode code, int? status = null, string? logId = null)
        => new("expired_token", null, $"The device code {code.UserCode} expired before the user approved it (at {code.ExpiresAt:HH:mm:ss} UTC): run the login again and approve within the time shown.") { HttpStatus = status, LogId = logId };

    private static string Detail(string? description) => string.IsNullOrEmpty(description) ? string.Empty : " (" + description + ")";
}

/// <summary>The scope names device login treats specially.</summary>
internal static class FeishuDeviceLoginScopes
{
    public const string OfflineAccess = "offline_access";
}
