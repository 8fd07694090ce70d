using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using FeishuGen.Testing;
using FeishuGen.Tests.Api;
using FeishuGen.Tests.Api.Im.V1;
using FeishuGen.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace FeishuGen.Tests.SignIn;

/// <summary>
/// Device login (RFC 8628) against the local server, on a fake clock shared by both: minutes of
/// polling pass in a fraction of a second, and the server's record of each poll shows the interval kept.
/// </summary>
public sealed class DeviceLoginTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly HttpClient _http = new();
    private readonly ListLogger _log = new();
    private FeishuTestServer _server = null!;
    private FeishuClient _client = null!;
    private FeishuDeviceCode? _shown;

    public async Task InitializeAsync()
    {
        var options = new FeishuTestServerOptions { Time = _time };
        options.SignIn.Consent = FeishuTestConsent.Ask;
        _server = await FeishuTestServer.StartAsync(FeishuEndpointCatalogue.All, options);
        var client = _server.CreateClientOptions();
        client.Timeout = TimeSpan.FromHours(1); // the fake clock runs on while a request is in flight
        _client = new FeishuClient(client, _http, timeProvider: _time, logger: _log);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_login_shows_the_code_polls_through_pending_at_the_interval_and_returns_a_working_session()
    {
        var login = new FeishuDeviceLogin(_client).SignInAsync(["im:chat:readonly"], ShowAsync);

        var result = await DriveAsync(login, approveAfterPolls: 2);
        var shown = _shown;

        Assert.Equal(["authorization_pending", "authorization_pending", "tokens"], Answers());
        AssertGapsAtLeast(TimeSpan.FromSeconds(5));
        Assert.NotNull(shown);
        Assert.Matches("^[A-Z]{4}-[A-Z]{4}$", shown!.UserCode);
        Assert.Equal(new Uri(_server.BaseAddress, FeishuTestServer.DeviceVerificationPath), shown.VerificationUri);
        Assert.Contains(shown.UserCode, shown.QrPayload, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(5), shown.Interval);
        Assert.Equal(_server.Options.SignIn.User.OpenId, result.User.OpenId);
        Assert.Equal(_server.Options.SignIn.User.Name, result.User.Name);
        Assert.True(result.Tokens.CanRefresh);
        Assert.Contains("offline_access", result.Tokens.GrantedScopes);
        Assert.Null(result.Warning);

        var page = await new FeishuApi(_client).Im.V1.Chat.ListAsync(new ListChatRequest(), new FeishuRequestOptions { UserSession = result.Session });
        Assert.NotNull(page.Items);
    }

    [Fact]
    public async Task Slow_down_adds_five_seconds_to_every_later_poll()
    {
        _server.SlowDownDevicePolls(1);
        var login = new FeishuDeviceLogin(_client).SignInAsync(["im:chat:readonly"], ShowAsync);

        await DriveAsync(login, approveAfterPolls: 3);

        // Had the login not slowed down, the server would have answered slow_down again.
        Assert.Equal(["slow_down", "authorization_pending", "authorization_pending", "tokens"], Answers());
        var polls = _server.DevicePolls;
        for (var i = 1; i < polls.Count; i++)
        {
            Assert.True(polls[i].At - polls[i - 1].At >= TimeSpan.FromSeconds(10), $"poll {i} came {(polls[i].At - polls[i - 1].At).TotalSeconds} s after the one before");
        }
    }

    [Fact]
    public async Task A_code_nobody_approves_expires_with_a_clear_message_and_polling_stops()
    {
        var started = _time.GetUtcNow();
        var login = new FeishuDeviceLogin(_client).SignInAsync(["im:chat:readonly"], ShowAsync);

        var error = await Assert.ThrowsAsync<FeishuSignInException>(() => DriveAsync(login, approveAfterPolls: null));
        var shown = _shown;

        Assert.Equal("expired_token", error.Error);
        Assert.Contains(shown!.UserCode, error.Message, StringComparison.Ordinal);
        Assert.Contains("run the login again", error.Message, StringComparison.Ordinal);
        Assert.True(_time.GetUtcNow() - started >= TimeSpan.FromSeconds(240));
        // Pending till the end; the clock runs on while a poll is in flight, so the last may meet the expiry on the server.
        Assert.All(Answers().SkipLast(1), a => Assert.Equal("authorization_pending", a));
        Assert.Contains(Answers()[^1], new[] { "authorization_pending", "expired_token" });
        Assert.InRange(Answers().Count, 1, 47);
        AssertGapsAtLeast(TimeSpan.FromSeconds(5));

        // Nothing polls once the code has expired.
        var polls = Answers().Count;
        for (var i = 0; i < 30; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(2);
        }

        Assert.Equal(polls, Answers().Count);
    }

    [Fact]
    public async Task A_denied_login_stops_with_access_denied()
    {
        var login = new FeishuDeviceLogin(_client).SignInAsync(["im:chat:readonly"], ShowAsync);

        var error = await Assert.ThrowsAsync<FeishuSignInException>(() => DriveAsync(login, approveAfterPolls: null, tick: () =>
        {
            if (_shown is not null && _server.DevicePolls.Count == 1)
            {
                _server.DenyDeviceLogin(_shown.UserCode);
            }
        }));

        Assert.Equal("access_denied", error.Error);
        Assert.Contains("denied", error.Message, StringComparison.Ordinal);
        Assert.Equal(["authorization_pending", "access_denied"], Answers());
    }

    [Fact]
    public async Task Without_a_refresh_token_the_login_says_so_instead_of_failing_two_hours_later()
    {
        _server.Options.SignIn.GrantRefreshTokens = false;
        var login = new FeishuDeviceLogin(_client).SignInAsync(["im:chat:readonly"], ShowAsync);

        var result = await DriveAsync(login, approveAfterPolls: 0);

        Assert.False(result.Tokens.CanRefresh);
        Assert.Contains("no refresh token", result.Warning, StringComparison.Ordinal);
        Assert.Contains("offline_access", result.Warning, StringComparison.Ordinal);
        Assert.Contains(_log.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("offline_access", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_login_with_sessions_keeps_the_tokens_in_the_store_under_the_open_id()
    {
        var sessions = new FeishuUserSessions(_client);
        var login = new FeishuDeviceLogin(_client, sessions).SignInAsync([], ShowAsync);

        var result = await DriveAsync(login, approveAfterPolls: 0);

        var again = await sessions.GetAsync(result.User.OpenId!);
        Assert.Equal(result.Tokens.AccessToken, again!.AccessToken);
    }

    private IReadOnlyList<string> Answers() => _server.DevicePolls.Select(p => p.Answer).ToList();

    private void AssertGapsAtLeast(TimeSpan gap)
    {
        var polls = _server.DevicePolls;
        for (var i = 1; i < polls.Count; i++)
        {
            Assert.True(polls[i].At - polls[i - 1].At >= gap);
        }
    }

    // Moves the shared fake clock a second at a time while the login runs; the user approves (on the
    // server, as the verification page does) once the given number of polls was answered.
    private async Task<T> DriveAsync<T>(Task<T> login, int? approveAfterPolls, Action? tick = null)
    {
        var giveUp = DateTime.UtcNow.AddSeconds(60);
        while (!login.IsCompleted)
        {
            tick?.Invoke();
            if (approveAfterPolls is { } n && _shown is not null && _server.DevicePolls.Count >= n)
            {
                _server.ApproveDeviceLogin(_shown.UserCode);
            }

            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(login, Task.Delay(3));
            Assert.True(DateTime.UtcNow < giveUp, "the login did not finish");
        }

        return await login;
    }

    private ValueTask ShowAsync(FeishuDeviceCode code, System.Threading.CancellationToken cancellationToken)
    {
        _shown = code;
        return ValueTask.CompletedTask;
    }
}
