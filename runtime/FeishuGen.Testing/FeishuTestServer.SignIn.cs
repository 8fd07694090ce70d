using System;
using System.Collections.Generic;

namespace FeishuGen.Testing;

public sealed partial class FeishuTestServer
{
    /// <summary>The authorize page (GET; the browser goes there, the consent form posts back to it).</summary>
    public const string AuthorizePath = SignInFlows.AuthorizePath;

    /// <summary>The device authorization endpoint (RFC 8628; POST with HTTP Basic auth).</summary>
    public const string DeviceAuthorizationPath = SignInFlows.DeviceAuthorizationPath;

    /// <summary>The device verification page, where a user approves a device login with its user code.</summary>
    public const string DeviceVerificationPath = SignInFlows.DeviceVerifyPath;

    /// <summary>The user info endpoint.</summary>
    public const string UserInfoPath = SignInFlows.UserInfoPath;

    /// <summary>The token revocation endpoint (RFC 7009).</summary>
    public const string RevokePath = SignInFlows.RevokePath;

    /// <summary>How many authorization codes were exchanged for tokens.</summary>
    public int AuthorizationCodesExchanged => _handler.SignIn.Codes.Exchanged;

    /// <summary>How many user grants were revoked (sign-out, or a replayed code).</summary>
    public int UserTokenRevocations => _handler.UserTokens.Revocations;

    /// <summary>Every poll of the token endpoint with a device code, with its time and answer.</summary>
    public IReadOnlyList<FeishuTestDevicePoll> DevicePolls => _handler.SignIn.Devices.Polls;

    /// <summary>Whether a user access token is live (issued, not expired by a test, not revoked).</summary>
    /// <param name="token">The user_access_token.</param>
    public bool IsUserTokenValid(string token) => _handler.UserTokens.IsValid(token);

    /// <summary>Approves a device login, as the user does on the verification page.</summary>
    /// <param name="userCode">The code the device login shows.</param>
    /// <returns>False when the code is unknown, expired or already decided.</returns>
    public bool ApproveDeviceLogin(string userCode) => _handler.SignIn.Devices.Decide(userCode, approve: true);

    /// <summary>Denies a device login: its next poll answers access_denied.</summary>
    /// <param name="userCode">The code the device login shows.</param>
    /// <returns>False when the code is unknown, expired or already decided.</returns>
    public bool DenyDeviceLogin(string userCode) => _handler.SignIn.Devices.Decide(userCode, approve: false);

    /// <summary>The next <paramref name="count"/> device polls answer slow_down, and each raises that code's interval by 5 s.</summary>
    /// <param name="count">How many polls.</param>
    public void SlowDownDevicePolls(int count = 1) => _handler.SignIn.Devices.SlowDown(count);
}
