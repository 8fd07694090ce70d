using System;
using System.Text;
using FeishuGen;
using FeishuGen.Sample;
using FeishuGen.Sample.Api;
using FeishuGen.Sample.Api.Hire.V1;
using FeishuGen.Testing;

// The main job: call an endpoint generated from specs/ through the generated client. Against
// the embedded local server by default; against the real Feishu when FEISHU_APP_ID and
// FEISHU_APP_SECRET are set (FEISHU_BASE_ADDRESS picks Lark or another host).
Console.OutputEncoding = Encoding.UTF8;
var appId = Environment.GetEnvironmentVariable("FEISHU_APP_ID");
var appSecret = Environment.GetEnvironmentVariable("FEISHU_APP_SECRET");
var useRealFeishu = !string.IsNullOrEmpty(appId) && !string.IsNullOrEmpty(appSecret);

await using var server = useRealFeishu ? null : await FeishuTestServer.StartAsync(FeishuEndpointCatalogue.All);
var options = server?.CreateClientOptions() ?? new FeishuClientOptions
{
    AppId = appId!,
    AppSecret = appSecret!,
    BaseAddress = new Uri(Environment.GetEnvironmentVariable("FEISHU_BASE_ADDRESS") ?? FeishuClientOptions.FeishuDomain.ToString()),
};

Console.WriteLine(server is null
    ? $"Calling the real Feishu at {options.BaseAddress}"
    : $"Calling the local Feishu-compatible server at {server.BaseAddress} ({FeishuEndpointCatalogue.All.Count} endpoint(s) from specs/)");
Console.WriteLine();

using var http = new System.Net.Http.HttpClient(new WireLog(Console.Out));
var api = new FeishuApi(options, http);
var request = new UpdateResultEcoBackgroundCheckRequest
{
    BackgroundCheckId = "7105512345678901234",
    Result = "通过",
    ResultTime = "1700000000000",
    ReportFileList =
    [
        new EcoBackgroundCheckReportFile { ReportName = "final-report.pdf", ReportUrl = "https://files.example.com/final-report.pdf", ReportUrlType = 1 },
    ],
};

try
{
    var reply = await api.Hire.V1.EcoBackgroundCheck.UpdateResultAsync(request);
    Console.WriteLine($"UpdateResult succeeded: {reply}");
}
catch (FeishuApiException e)
{
    Console.WriteLine($"UpdateResult failed: code {e.Code}, msg {e.Msg}, log id {e.LogId}");
    Console.WriteLine($"  {e.Description} {e.Hint}");
    return server is null ? 2 : 1;
}

if (server is not null)
{
    // The documented failure, as the server would send it: a typed exception with the page's hint.
    server.Enqueue(ScriptedReply.Error(400, UpdateResultEcoBackgroundCheckErrors.Code1002862, "background check order not found"));
    try
    {
        await api.Hire.V1.EcoBackgroundCheck.UpdateResultAsync(request);
        Console.WriteLine("Expected the scripted error, but the call succeeded.");
        return 1;
    }
    catch (FeishuApiException e) when (e.Code == UpdateResultEcoBackgroundCheckErrors.Code1002862)
    {
        Console.WriteLine($"Documented error surfaced as {e.GetType().Name}: {e.Message}");
    }
}

return 0;
