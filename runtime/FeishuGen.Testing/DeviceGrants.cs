using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Threading;
using Microsoft.AspNetCore.WebUtilities;

namespace FeishuGen.Testing;

/// <summary>A poll of the token endpoint with a device code, as the local server answered it.</summary>
/// <param name="At">When it arrived, on the server's clock.</param>
/// <param name="Answer">authorization_pending, slow_down, access_denied, expired_token, invalid_grant or tokens.</param>
public sealed record FeishuTestDevicePoll(DateTimeOffset At, string Answer);

/// <summary>
/// Device logins (RFC 8628) as Feishu plays them: a device code and a user code, approved or
/// denied on the verification page (or by a test); polls answer authorization_pending until then,
/// slow_down when they come sooner than the interval (which then grows by 5 s), expired_token once
/// the code's lifetime has passed, and the tokens once, after approval.
/// </summary>
internal sealed class DeviceGrants
{
    private const string Alphabet = "BCDFGHJKLMNPQRSTVWXZ";
    private static readonly TimeSpan SlowDownStep = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, Device> _byDeviceCode = new();
    private readonly ConcurrentDictionary<string, Device> _byUserCode = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<FeishuTestDevicePoll> _polls = new();
    private readonly FeishuTestServerOptions _options;
    private int _slowDowns;

    public DeviceGrants(FeishuTestServerOptions options) => _options = options;

    public IReadOnlyList<FeishuTestDevicePoll> Polls
    {
        get
        {
            lock (_polls)
            {
                return _polls.ToArray();
            }
        }
    }

    /// <summary>The next <paramref name="count"/> polls answer slow_down, as Feishu does when it is busy.</summary>
    public void SlowDown(int count) => Interlocked.Add(ref _slowDowns, count);

    public JsonObject Authorize(string scope, Uri self)
    {
        var sign = _options.SignIn;
        var userCode = string.Create(9, 0, static (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = i == 4 ? '-' : Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
            }
        });
        var now = _options.Time.GetUtcNow();
        var device = new Device(Base64UrlTextEncoder.Encode(RandomNumberGenerator.GetBytes(32)), userCode, scope, now + sign.DeviceCodeLifetime, sign.DevicePollInterval) { LastPoll = now };
        _byDeviceCode[device.DeviceCode] = device;
        _byUserCode[userCode] = device;
        var page = new Uri(self, SignInFlows.DeviceVerifyPath).AbsoluteUri;
        return new JsonObject
        {
            ["device_code"] = device.DeviceCode,
            ["user_code"] = userCode,
            ["verification_uri"] = page,
            ["verification_uri_complete"] = page + "?user_code=" + userCode,
            ["expires_in"] = (int)sign.DeviceCodeLifetime.TotalSeconds,
            ["interval"] = (int)sign.DevicePollInterval.TotalSeconds,
        };
    }

    /// <summary>The user's decision on the verification page; false when the code is unknown or expired.</summary>
    public bool Decide(string userCode, bool approve)
    {
        if (!_byUserCode.TryGetValue(userCode.Trim(), out var device))
        {
            return false;
        }

        lock (device)
        {
            if (device.Decision is not null || _options.Time.GetUtcNow() >= device.ExpiresAt)
            {
                return false;
            }

            device.Decision = approve;
            return true;
        }
    }

    public bool IsKnown(string userCode) => _byUserCode.ContainsKey(userCode.Trim());

    public (int Status, string Body) Poll(IReadOnlyDictionary<string, string> fields, UserTokenIssuer tokens)
    {
        var now = _options.Time.GetUtcNow();
        if (!_byDeviceCode.TryGetValue(fields.GetValueOrDefault("device_code") ?? string.Empty, out var device))
        {
            return Answer(now, "invalid_grant", 400, OAuthReply.Error(20003, "invalid_grant", "The device code is not found."));
        }

        lock (device)
        {
            // The authorization counts as the first poll: a client waits one interval before polling.
            var early = device.LastPoll is { } last && now - last < device.Interval;
            device.LastPoll = now;
            if (device.Redeemed)
            {
                return Answer(now, "invalid_grant", 400, OAuthReply.Error(20065, "invalid_grant", "The device code has been used."));
            }

            if (now >= device.ExpiresAt)
            {
                return Answer(now, "expired_token", 400, OAuthReply.Error(null, "expired_token", "The device code has expired."));
            }

            if (early || TakeSlowDown())
            {
                device.Interval += SlowDownStep;
                return Answer(now, "slow_down", 400, OAuthReply.Error(null, "slow_down", "Polling too often: wait " + (int)device.Interval.TotalSeconds + " s between polls."));
            }

            switch (device.Decision)
            {
                case null:
                    return Answer(now, "authorization_pending", 400, OAuthReply.Error(null, "authorization_pending", "The user has not approved yet."));
                case false:
                    return Answer(now, "access_denied", 400, OAuthReply.Error(null, "access_denied", "The user denied the authorization."));
            }

            device.Redeemed = true;
            var request = new AuthorizeRequest(_options.AppId, string.Empty, device.Scope, null, null, null);
            var (reply, _) = tokens.Issue(_options.SignIn.User, request.GrantedScope(_options.SignIn.WithheldScopes));
            return Answer(now, "tokens", 200, reply.ToJsonString());
        }
    }

    private bool TakeSlowDown()
    {
        while (true)
        {
            var left = Volatile.Read(ref _slowDowns);
            if (left <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _slowDowns, left - 1, left) == left)
            {
                return true;
            }
        }
    }

    private (int, string) Answer(DateTimeOffset at, string answer, int status, string body)
    {
        lock (_polls)
        {
            _polls.Add(new FeishuTestDevicePoll(at, answer));
        }

        return (status, body);
    }

    private sealed class Device
    {
        public Device(string deviceCode, string userCode, string scope, DateTimeOffset expiresAt, TimeSpan interval)
        {
            DeviceCode = deviceCode;
            UserCode = userCode;
            Scope = scope;
            ExpiresAt = expiresAt;
            Interval = interval;
        }

        public string DeviceCode { get; }

        public string UserCode { get; }

        public string Scope { get; }

        public DateTimeOffset ExpiresAt { get; }

        public TimeSpan Interval { get; set; }

        public DateTimeOffset? LastPoll { get; set; }

        public bool? Decision { get; set; }

        public bool Redeemed { get; set; }
    }
}
