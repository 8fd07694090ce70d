using System;
using System.Linq;
using System.Net;
using System.Text;
using FeishuGen;
using FeishuGen.SignIn;
using FeishuGen.SignIn.Api;
using FeishuGen.Testing;
using Microsoft.Extensions.Hosting;

// "Sign in with Feishu" in a web app. With FEISHU_APP_ID and FEISHU_APP_SECRET set it signs in
// against the real Feishu (FEISHU_BASE_ADDRESS=https://open.larksuite.com for Lark; register
// http://127.0.0.1:5080/signin-feishu as a redirect URL of the app). Otherwise it starts the local
// Feishu-compatible server, whose authorize page asks you to authorize as a test user. With the
// argument "device" it signs in with device login instead, as a console tool or an agent would.
Console.OutputEncoding = Encoding.UTF8;
var port = int.TryParse(Environment.GetEnvironmentVariable("SIGNIN_PORT"), out var p) ? p : 5080;
var listen = new IPEndPoint(IPAddress.Loopback, port);
await using var server = Environment.GetEnvironmentVariable("FEISHU_APP_ID") is { Length: > 0 } ? null : await FeishuTestServer.StartAsync(FeishuEndpointCatalogue.All);
var settings = server is null
    ? new SignInAppSettings(Environment.GetEnvironmentVariable("FEISHU_APP_ID")!, Environment.GetEnvironmentVariable("FEISHU_APP_SECRET") ?? string.Empty, new Uri(Environment.GetEnvironmentVariable("FEISHU_BASE_ADDRESS") ?? "https://open.feishu.cn")) { Listen = listen }
    : new SignInAppSettings(server.Options.AppId, server.Options.AppSecret, server.BaseAddress) { Listen = listen };
if (args is ["device", ..])
{
    // Device login instead of the web app: dotnet run --project samples/FeishuGen.SignIn -- device
    return await DeviceLoginDemo.RunAsync(new FeishuClientOptions { AppId = settings.AppId, AppSecret = settings.AppSecret, BaseAddress = settings.BaseAddress }, default);
}

await using var app = SignInApp.Create(settings);
await app.StartAsync();
Console.WriteLine($"Open {app.Urls.Single()} and sign in with {(server is null ? settings.BaseAddress.Host : "the local Feishu server at " + server.BaseAddress)}. Ctrl+C stops.");
await app.WaitForShutdownAsync();
return 0;
