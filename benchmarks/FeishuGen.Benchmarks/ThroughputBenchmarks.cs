using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using FeishuGen.Benchmarks.Api;
using FeishuGen.Benchmarks.Api.Hire.V1;
using FeishuGen.Testing;

namespace FeishuGen.Benchmarks;

/// <summary>
/// Throughput against the local Feishu-compatible server on real loopback HTTP: 64 callers at
/// once, each sending the seed's POST one after another, through the generated client and through
/// the hand-written floor (HttpClient + System.Text.Json contexts, the same token header and code
/// check). The server's cost is the same for both; the ratio is the clients' difference.
/// </summary>
[MemoryDiagnoser]
public class ThroughputBenchmarks
{
    private const int Callers = 64;
    private const int CallsPerCaller = 8;

    private readonly FloorUpdateRequest _floorRequest = new("6931286400470354183", "通过", "1660123456789", new[] { new FloorReportFile("阶段报告.pdf", "https://files.example.com/a.pdf", 1) });
    private readonly UpdateResultEcoBackgroundCheckRequest _request = new()
    {
        BackgroundCheckId = "6931286400470354183",
        Result = "通过",
        ResultTime = "1660123456789",
        ReportFileList = new[] { new EcoBackgroundCheckReportFile { ReportName = "阶段报告.pdf", ReportUrl = "https://files.example.com/a.pdf", ReportUrlType = 1 } },
    };

    private FeishuTestServer _server = null!;
    private FeishuApi _generated = null!;
    private HttpClient _floor = null!;
    private string _token = string.Empty;

    [GlobalSetup]
    public async Task Setup()
    {
        _server = await FeishuTestServer.StartAsync(FeishuEndpointCatalogue.All);
        _generated = new FeishuApi(_server.CreateClientOptions());
        await _generated.Hire.V1.EcoBackgroundCheck.UpdateResultAsync(_request);
        _floor = new HttpClient { BaseAddress = _server.BaseAddress };
        var options = new FeishuTestServerOptions();
        using var tokenReply = await _floor.PostAsJsonAsync("/open-apis/auth/v3/tenant_access_token/internal", new FloorTokenRequest(options.AppId, options.AppSecret), FloorJson.Default.FloorTokenRequest);
        var token = await tokenReply.Content.ReadFromJsonAsync(FloorJson.Default.FloorTokenReply);
        _token = token?.TenantAccessToken ?? throw new InvalidOperationException("no token from the local server");
    }

    // The server records every request; cleared so that memory does not grow across iterations.
    [IterationCleanup]
    public void Clear() => _server.ClearRequests();

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _floor.Dispose();
        await _server.DisposeAsync();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Callers * CallsPerCaller, Description = "64 callers, POST: hand-written floor")]
    public Task Floor() => RunCallers(FloorCall);

    [Benchmark(OperationsPerInvoke = Callers * CallsPerCaller, Description = "64 callers, POST: generated")]
    public Task Generated() => RunCallers(() => _generated.Hire.V1.EcoBackgroundCheck.UpdateResultAsync(_request));

    private async Task FloorCall()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/open-apis/hire/v1/eco_background_checks/update_result")
        {
            Content = JsonContent.Create(_floorRequest, FloorJson.Default.FloorUpdateRequest),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        using var response = await _floor.SendAsync(request);
        var envelope = await response.Content.ReadFromJsonAsync(FloorJson.Default.EnvelopeFloorEmpty);
        if (envelope is not { Code: 0 })
        {
            throw new InvalidOperationException("code " + envelope?.Code);
        }
    }

    private static async Task RunCallers(Func<Task> call)
    {
        var callers = new Task[Callers];
        for (var i = 0; i < Callers; i++)
        {
            callers[i] = Task.Run(async () =>
            {
                for (var j = 0; j < CallsPerCaller; j++)
                {
                    await call();
                }
            });
        }

        await Task.WhenAll(callers);
    }
}
