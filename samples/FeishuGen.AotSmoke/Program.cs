using System;
using FeishuGen;
using FeishuGen.AotSmoke;
using FeishuGen.AotSmoke.Api;
using FeishuGen.AotSmoke.Api.Hire.V1;
using FeishuGen.AotSmoke.Api.Im.V1;
using FeishuGen.Testing;
using Microsoft.Extensions.DependencyInjection;

// A NativeAOT app that uses everything a user would: DI, the generated client, JSON bodies,
// typed errors, paging, downloads and the JSON resolver. Published with PublishAot; the publish
// fails on any trim or AOT warning, and the program exits non-zero if a call misbehaves.
await using var server = await FeishuTestServer.StartAsync(FeishuEndpointCatalogue.All);
var services = new ServiceCollection();
services.AddFeishu(options =>
{
    options.AppId = server.Options.AppId;
    options.AppSecret = server.Options.AppSecret;
    options.BaseAddress = server.BaseAddress;
});
services.AddFeishuApi();
await using var provider = services.BuildServiceProvider();
var api = provider.GetRequiredService<FeishuApi>();

await api.Hire.V1.EcoBackgroundCheck.UpdateResultAsync(new UpdateResultEcoBackgroundCheckRequest
{
    BackgroundCheckId = "aot-1",
    Result = "通过",
    ResultTime = "1700000000000",
    ReportFileList = [new EcoBackgroundCheckReportFile { ReportName = "r.pdf", ReportUrlType = 1 }],
});

var chats = 0;
await foreach (var chat in api.Im.V1.Chat.ListItemsAsync(new ListChatRequest { PageSize = 2 }))
{
    chats++;
}

await using (var file = await api.Im.V1.Image.GetAsync(new GetImageRequest { ImageKey = "img_aot" }))
{
    await file.Content.CopyToAsync(System.IO.Stream.Null);
}

server.Enqueue(ScriptedReply.Error(400, 1002862, "not found"));
var documented = false;
try
{
    await api.Hire.V1.EcoBackgroundCheck.UpdateResultAsync(new UpdateResultEcoBackgroundCheckRequest { BackgroundCheckId = "x", Result = "y", ResultTime = "z" });
}
catch (FeishuApiException e) when (e.Code == UpdateResultEcoBackgroundCheckErrors.Code1002862)
{
    documented = e.Description == "背调订单不存在";
}

var json = FeishuJsonResolver.Serialize(new EcoBackgroundCheckReportFile { ReportName = "a" });
var events = await EventSmoke.RunAsync(server);
var bot = await BotSmoke.RunAsync();
var ok = chats == 6 && documented && json == "{\"report_name\":\"a\"}" && events == "webhook om_aot_webhook, long connection om_aot_socket"
    && bot.StartsWith("bot replied post to \"aot\", card action \"ok by ou_aot\", streamed \"native aot stream\" in ", StringComparison.Ordinal);
Console.WriteLine($"NativeAOT smoke: {chats} chats over 3 pages, documented error {(documented ? "typed" : "MISSING")}, JSON {json}, events: {events}, {bot}: {(ok ? "ok" : "FAILED")}");
return ok ? 0 : 1;
