using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using FeishuGen.Tests.Api;
using FeishuGen.Tests.Api.Im.V1;
using FeishuGen.Tests.Support;
using Xunit;

namespace FeishuGen.Tests.Runtime;

/// <summary>Options are validated, frozen in the client, and per-call settings reach the wire.</summary>
public sealed class OptionsTests : LoopbackTest
{
    public static IEnumerable<object[]> BrokenOptions() => new[]
    {
        new object[] { (Action<FeishuClientOptions>)(o => o.TokenRefreshMargin = TimeSpan.FromMinutes(30)), "TokenRefreshMargin" },
        new object[] { (Action<FeishuClientOptions>)(o => o.TokenRefreshMargin = TimeSpan.FromSeconds(-1)), "TokenRefreshMargin" },
        new object[] { (Action<FeishuClientOptions>)(o => o.Timeout = TimeSpan.Zero), "Timeout" },
        new object[] { (Action<FeishuClientOptions>)(o => o.UploadTimeout = TimeSpan.FromSeconds(-5)), "UploadTimeout" },
        new object[] { (Action<FeishuClientOptions>)(o => o.MaxResponseBytes = 0), "MaxResponseBytes" },
        new object[] { (Action<FeishuClientOptions>)(o => o.UserAgent = "not a (valid user agent"), "UserAgent" },
        new object[] { (Action<FeishuClientOptions>)(o => o.BaseAddress = new Uri("ftp://open.feishu.cn")), "BaseAddress" },
        new object[] { (Action<FeishuClientOptions>)(o => o.Retry.MaxAttempts = 0), "Retry.MaxAttempts" },
        new object[] { (Action<FeishuClientOptions>)(o => o.Retry.BaseDelay = TimeSpan.FromMinutes(1)), "Retry.BaseDelay" },
        new object[] { (Action<FeishuClientOptions>)(o => o.Retry.BudgetRatio = double.NaN), "Retry.BudgetRatio" },
    };

    [Theory]
    [MemberData(nameof(BrokenOptions))]
    public void Options_that_cannot_work_are_refused_naming_the_property_and_never_the_secret(Action<FeishuClientOptions> breakIt, string property)
    {
        var options = new FeishuClientOptions { AppId = "cli_x", AppSecret = "very-secret-value" };
        breakIt(options);

        var error = Assert.Throws<FeishuConfigurationException>(() => new FeishuClient(options));

        Assert.Contains("FeishuClientOptions." + property, error.Message);
        Assert.DoesNotContain("very-secret-value", error.Message);
    }

    [Fact]
    public void The_client_keeps_a_frozen_copy_changes_to_the_original_do_not_reach_it()
    {
        var options = new FeishuClientOptions { AppId = "cli_x", AppSecret = "s", Timeout = TimeSpan.FromSeconds(7) };
        using var client = new FeishuClient(options);

        options.Timeout = TimeSpan.FromSeconds(1);
        options.Retry.MaxAttempts = 9;

        Assert.Equal(TimeSpan.FromSeconds(7), client.Options.Timeout);
        Assert.Equal(3, client.Options.Retry.MaxAttempts);
        Assert.True(client.Options.IsFrozen);
        Assert.Throws<InvalidOperationException>(() => client.Options.AppSecret = "other");
        Assert.Throws<InvalidOperationException>(() => client.Options.Retry.Enabled = false);
    }

    [Fact]
    public async Task The_clients_own_http_client_renews_pooled_connections_so_dns_changes_are_seen()
    {
        var options = Server.CreateClientOptions();
        // Margins for a cold, busy machine: two calls well within the lifetime, a wait well past it.
        options.PooledConnectionLifetime = TimeSpan.FromSeconds(2);
        using var client = new FeishuClient(options);
        var api = new FeishuApi(client);

        await api.Im.V1.Chat.ListAsync(new ListChatRequest());
        await api.Im.V1.Chat.ListAsync(new ListChatRequest());
        await Task.Delay(TimeSpan.FromSeconds(3));
        await api.Im.V1.Chat.ListAsync(new ListChatRequest());

        var connections = Server.ApiRequests.Select(r => r.ConnectionId).ToList();
        Assert.Equal(connections[0], connections[1]);
        Assert.NotEqual(connections[1], connections[2]);
    }

    [Fact]
    public async Task Helpdesk_credentials_travel_in_their_own_header_and_never_reach_a_log()
    {
        var log = new ListLogger();
        var api = new FeishuApi(new FeishuClient(Server.CreateClientOptions(), Http, logger: log));

        await api.Im.V1.Chat.ListAsync(new ListChatRequest(), FeishuRequestOptions.ForHelpdesk("7000000000", "ht-helpdesk-secret"));

        var sent = Assert.Single(Server.ApiRequests).Header(FeishuRequestOptions.HelpdeskHeader);
        Assert.Equal("7000000000:ht-helpdesk-secret", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(sent!)));
        Assert.StartsWith("Bearer ", Server.ApiRequests[0].Header("Authorization"));
        Assert.DoesNotContain("ht-helpdesk-secret", log.Text);
        Assert.DoesNotContain(sent!, log.Text);
    }

    [Theory]
    [InlineData("Authorization", "Bearer x")]
    [InlineData("Content-Type", "text/plain")]
    [InlineData("X-Custom", "a\r\nInjected: yes")]
    [InlineData("Bad Name", "x")]
    public void Headers_the_client_owns_or_that_would_split_the_request_are_refused(string name, string value)
        => Assert.Throws<ArgumentException>(() => new FeishuRequestOptions { Headers = new Dictionary<string, string> { [name] = value } });

    [Fact]
    public void Users_can_build_the_exception_the_client_would_throw_for_their_own_tests()
    {
        var limited = FeishuApiException.Create(99991400, "request trigger frequency limit", httpStatus: 429, logId: "log-1", retryAfter: TimeSpan.FromSeconds(2));
        var denied = FeishuApiException.Create(99991672, "scope missing", details: new FeishuErrorDetails { PermissionViolations = new[] { new FeishuViolation("action_scope_required", "im:chat", "need it") } });
        var custom = new FeishuApiException(1002862, "not found", "Feishu error 1002862") { HttpStatus = 400, LogId = "log-2", Hint = "check the id" };

        var rateLimit = Assert.IsType<FeishuRateLimitException>(limited);
        Assert.Equal(TimeSpan.FromSeconds(2), rateLimit.RetryAfter);
        Assert.Equal("log-1", limited.LogId);
        Assert.Equal(FeishuErrorCategory.RateLimited, limited.Category);
        Assert.Equal(new[] { "im:chat" }, Assert.IsType<FeishuPermissionException>(denied).MissingScopes);
        Assert.Equal("check the id", custom.Hint);
        Assert.Equal(400, custom.HttpStatus);
    }
}
