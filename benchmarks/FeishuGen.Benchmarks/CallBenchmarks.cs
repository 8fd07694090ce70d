using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using FeishuGen.Benchmarks.Api;
using FeishuGen.Benchmarks.Api.Hire.V1;
using FeishuGen.Benchmarks.Api.Im.V1;
using Refit;

namespace FeishuGen.Benchmarks;

/// <summary>
/// One call through three clients over the same in-memory handler (the same reply bytes): the
/// generated client; the floor, a hand-written HttpClient call with System.Text.Json
/// source-generated contexts doing the same Bearer header and code check; and Refit over the same
/// contexts. A POST with a nested body (the seed) and a GET of a 20-item page.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class CallBenchmarks
{
    private const string Token = "t-bench-token";
    private static readonly Uri Base = new("https://open.feishu.cn");

    private readonly ReplayHandler _handler = new();
    private FeishuApi _generated = null!;
    private HttpClient _floor = null!;
    private IFeishuRefit _refit = null!;

    private readonly UpdateResultEcoBackgroundCheckRequest _request = new()
    {
        BackgroundCheckId = "6931286400470354183",
        Result = "通过",
        ResultTime = "1660123456789",
        ReportFileList = new[] { new EcoBackgroundCheckReportFile { ReportName = "阶段报告.pdf", ReportUrl = "https://files.example.com/a.pdf", ReportUrlType = 1 } },
    };

    private readonly FloorUpdateRequest _floorRequest = new("6931286400470354183", "通过", "1660123456789", new[] { new FloorReportFile("阶段报告.pdf", "https://files.example.com/a.pdf", 1) });

    [GlobalSetup]
    public async Task Setup()
    {
        _generated = new FeishuApi(new FeishuClientOptions { AppId = "cli_bench", AppSecret = "bench-secret", BaseAddress = Base }, new HttpClient(_handler));
        await _generated.Hire.V1.EcoBackgroundCheck.UpdateResultAsync(_request); // the token is fetched once, then cached
        _floor = new HttpClient(_handler) { BaseAddress = Base };
        _refit = RestService.For<IFeishuRefit>(new HttpClient(_handler) { BaseAddress = Base }, new RefitSettings(new SystemTextJsonContentSerializer(FloorJson.Default.Options)));
    }

    [Benchmark(Baseline = true, Description = "POST: hand-written floor")]
    [BenchmarkCategory("POST")]
    public async Task<FloorEmpty> PostFloor()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/open-apis/hire/v1/eco_background_checks/update_result")
        {
            Content = JsonContent.Create(_floorRequest, FloorJson.Default.FloorUpdateRequest),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var response = await _floor.SendAsync(request);
        var envelope = await response.Content.ReadFromJsonAsync(FloorJson.Default.EnvelopeFloorEmpty);
        return envelope is { Code: 0, Data: { } data } ? data : throw new InvalidOperationException("code " + envelope?.Code);
    }

    [Benchmark(Description = "POST: generated")]
    [BenchmarkCategory("POST")]
    public Task<UpdateResultEcoBackgroundCheckResponse> PostGenerated() => _generated.Hire.V1.EcoBackgroundCheck.UpdateResultAsync(_request);

    [Benchmark(Description = "POST: Refit")]
    [BenchmarkCategory("POST")]
    public async Task<FloorEmpty> PostRefit()
    {
        var envelope = await _refit.UpdateResult(_floorRequest, Token);
        return envelope is { Code: 0, Data: { } data } ? data : throw new InvalidOperationException("code " + envelope.Code);
    }

    [Benchmark(Baseline = true, Description = "GET 20 items: hand-written floor")]
    [BenchmarkCategory("GET")]
    public async Task<FloorChatPage> GetFloor()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/open-apis/im/v1/chats?page_size=20");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var response = await _floor.SendAsync(request);
        var envelope = await response.Content.ReadFromJsonAsync(FloorJson.Default.EnvelopeFloorChatPage);
        return envelope is { Code: 0, Data: { } data } ? data : throw new InvalidOperationException("code " + envelope?.Code);
    }

    [Benchmark(Description = "GET 20 items: generated")]
    [BenchmarkCategory("GET")]
    public Task<ListChatResponse> GetGenerated() => _generated.Im.V1.Chat.ListAsync(new ListChatRequest { PageSize = 20 });

    [Benchmark(Description = "GET 20 items: Refit")]
    [BenchmarkCategory("GET")]
    public async Task<FloorChatPage> GetRefit()
    {
        var envelope = await _refit.ListChats(20, Token);
        return envelope is { Code: 0, Data: { } data } ? data : throw new InvalidOperationException("code " + envelope.Code);
    }

    /// <summary>
    /// Feishu's replies, the same bytes for every client: a token, an empty success, a 20-item page.
    /// The request body is sent as a socket would send it (copied out), so that a client whose
    /// content serializes lazily (JsonContent) pays for its JSON like one that writes it up front.
    /// </summary>
    private sealed class ReplayHandler : HttpMessageHandler
    {
        private static readonly byte[] TokenReply = Encoding.UTF8.GetBytes("{\"code\":0,\"msg\":\"ok\",\"tenant_access_token\":\"" + Token + "\",\"expire\":7200}");
        private static readonly byte[] Empty = Encoding.UTF8.GetBytes("{\"code\":0,\"msg\":\"success\",\"data\":{}}");
        private static readonly byte[] Page = Encoding.UTF8.GetBytes("{\"code\":0,\"msg\":\"success\",\"data\":{\"items\":["
            + string.Join(",", Enumerable.Range(0, 20).Select(i => $"{{\"chat_id\":\"oc_{i:D16}\",\"name\":\"群 {i}\",\"owner_id\":\"ou_{i:D16}\",\"external\":{(i % 2 == 0 ? "false" : "true")}}}"))
            + "],\"page_token\":\"page-2\",\"has_more\":true}}");

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content is { } sent)
            {
                await sent.CopyToAsync(System.IO.Stream.Null, cancellationToken);
            }

            var path = request.RequestUri!.AbsolutePath;
            var body = path.Contains("access_token", StringComparison.Ordinal) ? TokenReply : path.EndsWith("/chats", StringComparison.Ordinal) ? Page : Empty;
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
        }
    }
}

/// <summary>The Refit client: the same two calls, declared.</summary>
public interface IFeishuRefit
{
    [Post("/open-apis/hire/v1/eco_background_checks/update_result")]
    Task<Envelope<FloorEmpty>> UpdateResult([Body] FloorUpdateRequest body, [Authorize("Bearer")] string token);

    [Get("/open-apis/im/v1/chats")]
    Task<Envelope<FloorChatPage>> ListChats([AliasAs("page_size")] int pageSize, [Authorize("Bearer")] string token);
}

public sealed record Envelope<T>([property: JsonPropertyName("code")] int Code, [property: JsonPropertyName("msg")] string? Msg, [property: JsonPropertyName("data")] T? Data);

public sealed record FloorEmpty;

public sealed record FloorReportFile(
    [property: JsonPropertyName("report_name")] string ReportName,
    [property: JsonPropertyName("report_url")] string ReportUrl,
    [property: JsonPropertyName("report_url_type")] int ReportUrlType);

public sealed record FloorTokenRequest([property: JsonPropertyName("app_id")] string AppId, [property: JsonPropertyName("app_secret")] string AppSecret);

public sealed record FloorTokenReply([property: JsonPropertyName("code")] int Code, [property: JsonPropertyName("tenant_access_token")] string? TenantAccessToken);

public sealed record FloorUpdateRequest(
    [property: JsonPropertyName("background_check_id")] string BackgroundCheckId,
    [property: JsonPropertyName("result")] string Result,
    [property: JsonPropertyName("result_time")] string ResultTime,
    [property: JsonPropertyName("report_file_list")] IReadOnlyList<FloorReportFile> ReportFileList);

public sealed record FloorChat(
    [property: JsonPropertyName("chat_id")] string ChatId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("owner_id")] string OwnerId,
    [property: JsonPropertyName("external")] bool External);

public sealed record FloorChatPage(
    [property: JsonPropertyName("items")] IReadOnlyList<FloorChat> Items,
    [property: JsonPropertyName("page_token")] string? PageToken,
    [property: JsonPropertyName("has_more")] bool HasMore);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FloorUpdateRequest))]
[JsonSerializable(typeof(Envelope<FloorEmpty>))]
[JsonSerializable(typeof(Envelope<FloorChatPage>))]
[JsonSerializable(typeof(FloorTokenRequest))]
[JsonSerializable(typeof(FloorTokenReply))]
internal sealed partial class FloorJson : JsonSerializerContext
{
}
