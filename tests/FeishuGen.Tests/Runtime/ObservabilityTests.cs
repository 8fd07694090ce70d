using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using FeishuGen.Testing;
using FeishuGen.Tests.Api;
using FeishuGen.Tests.Api.Hire.V1;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using FeishuGen.Tests.Support;
using Xunit;

namespace FeishuGen.Tests.Runtime;

/// <summary>Logging without secrets, tracing, and DI configured from configuration.</summary>
public sealed class ObservabilityTests : IAsyncLifetime
{
    private FeishuTestServer _server = null!;

    public async Task InitializeAsync() => _server = await FeishuTestServer.StartAsync(FeishuEndpointCatalogue.All);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Logs_name_the_call_and_its_outcome_but_never_a_token_or_secret()
    {
        var sink = new ListLogger();
        using var http = new HttpClient();
        var client = new FeishuClient(_server.CreateClientOptions(), http, logger: sink);
        var api = new FeishuApi(client);
        await api.Hire.V1.EcoBackgroundCheck.UpdateResultAsync(Request());
        _server.Enqueue(ScriptedReply.Error(400, 1002862, "not found"));
        await Assert.ThrowsAsync<FeishuApiException>(() => api.Hire.V1.EcoBackgroundCheck.UpdateResultAsync(Request()));

        var text = string.Join("\n", sink.Lines);
        Assert.Contains("/open-apis/hire/v1/eco_background_checks/update_result", text);
        Assert.Contains("1002862", text);
        Assert.DoesNotContain(_server.Options.AppSecret, text);
        Assert.DoesNotContain("t-local", text);
        Assert.DoesNotContain("Bearer", text);
    }

    [Fact]
    public async Task Each_call_is_an_activity_tagged_with_status_code_and_log_id()
    {
        // Listeners are process-wide and other test classes run in parallel: only this test's trace counts.
        using var testSource = new ActivitySource("FeishuGen.Tests");
        var activities = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is FeishuTelemetry.SourceName or "FeishuGen.Tests",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Add,
        };
        ActivitySource.AddActivityListener(listener);
        using var http = new HttpClient();
        ActivityTraceId trace;
        using (var parent = testSource.StartActivity("test")!)
        {
            trace = parent.TraceId;
            await new FeishuApi(_server.CreateClientOptions(), http).Hire.V1.EcoBackgroundCheck.UpdateResultAsync(Request());
        }

        var activity = Assert.Single(activities, a => a.TraceId == trace && a.DisplayName == "Feishu hire.eco_background_check.update_result");
        Assert.Equal("POST", activity.GetTagItem("http.request.method"));
        Assert.Equal(200, activity.GetTagItem("http.response.status_code"));
        Assert.Equal(0, activity.GetTagItem("feishu.code"));
        Assert.StartsWith("local-", (string?)activity.GetTagItem("feishu.log_id"));
    }

    [Fact]
    public async Task AddFeishu_binds_configuration_and_sends_through_the_http_client_factory()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Feishu:AppId"] = _server.Options.AppId,
            ["Feishu:AppSecret"] = _server.Options.AppSecret,
            ["Feishu:BaseAddress"] = _server.BaseAddress.ToString(),
            ["Feishu:Timeout"] = "00:00:07",
            ["Feishu:Retry:MaxAttempts"] = "5",
        }).Build();
        var services = new ServiceCollection();
        var handlers = 0;
        services.AddFeishu(configuration.GetSection("Feishu"))
            .ConfigurePrimaryHttpMessageHandler(() => { handlers++; return new SocketsHttpHandler(); });
        services.AddFeishuApi();
        await using var provider = services.BuildServiceProvider();

        var api = provider.GetRequiredService<FeishuApi>();
        await api.Hire.V1.EcoBackgroundCheck.UpdateResultAsync(Request());

        var options = provider.GetRequiredService<FeishuClientOptions>();
        Assert.Equal(System.TimeSpan.FromSeconds(7), options.Timeout);
        Assert.Equal(5, options.Retry.MaxAttempts);
        Assert.Same(provider.GetRequiredService<FeishuClient>(), api.Client);
        Assert.True(handlers >= 1);
        Assert.Single(_server.ApiRequests);
    }

    private static UpdateResultEcoBackgroundCheckRequest Request() => new() { BackgroundCheckId = "1", Result = "通过", ResultTime = "1" };
}
