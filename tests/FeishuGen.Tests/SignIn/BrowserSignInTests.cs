using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using FeishuGen.SignIn;
using FeishuGen.Testing;
using PuppeteerSharp;
using Xunit;

namespace FeishuGen.Tests.SignIn;

/// <summary>
/// The sample web app's sign-in, end to end, in a real headless Chromium (Debian's, driven over its
/// DevTools protocol): the app's link, the local server's consent page, back to the app showing
/// the user's name and their primary calendar fetched as them; then sign-out, and a denial.
/// </summary>
public sealed class BrowserSignInTests
{
    private const string Chromium = "/usr/bin/chromium";

    [SkippableFact]
    public async Task A_user_signs_in_in_a_real_browser_sees_their_name_and_calendar_and_signs_out()
    {
        await using var feishu = await FeishuTestServer.StartAsync(FeishuGen.SignIn.Api.FeishuEndpointCatalogue.All);
        await using var app = SignInApp.Create(new SignInAppSettings(feishu.Options.AppId, feishu.Options.AppSecret, feishu.BaseAddress));
        await app.StartAsync();
        var home = app.Urls.Single();
        await using var browser = await LaunchAsync();
        await using var page = await browser.NewPageAsync();

        await page.GoToAsync(home);
        await ClickAsync(page, "#signin");

        // Feishu's (the local server's) consent page, for this app and these scopes.
        Assert.StartsWith(feishu.BaseAddress.AbsoluteUri + FeishuTestServer.AuthorizePath.TrimStart('/'), page.Url, StringComparison.Ordinal);
        Assert.Equal(feishu.Options.AppId, await TextAsync(page, "#app"));
        Assert.Contains("calendar:calendar:readonly", await TextAsync(page, "#scopes"), StringComparison.Ordinal);
        await ClickAsync(page, "#approve");

        Assert.Equal(home + "/", page.Url);
        Assert.Equal(feishu.Options.SignIn.User.Name, await TextAsync(page, "#name"));
        Assert.Equal(feishu.Options.SignIn.User.OpenId, await TextAsync(page, "#open-id"));
        Assert.Equal("林晓飞的日历", await TextAsync(page, "#calendar"));
        var call = feishu.ApiRequests.Single(r => r.Path == "/open-apis/calendar/v4/calendars/primary");
        var token = call.Header("Authorization")!["Bearer ".Length..];
        Assert.StartsWith("u-local-", token, StringComparison.Ordinal);
        Assert.True(feishu.IsUserTokenValid(token));
        Assert.Equal(1, feishu.AuthorizationCodesExchanged);

        await ClickAsync(page, "#signout");
        Assert.NotNull(await page.QuerySelectorAsync("#signin"));
        Assert.Equal(1, feishu.UserTokenRevocations);
        Assert.False(feishu.IsUserTokenValid(token));

        // Signing in again and denying ends on the app's failure page, with Feishu's error.
        await ClickAsync(page, "#signin");
        await ClickAsync(page, "#deny");
        Assert.Contains("access_denied", await TextAsync(page, "#failure"), StringComparison.Ordinal);
        Assert.Equal(1, feishu.AuthorizationCodesExchanged);
    }

    private static async Task<HeadlessChromium> LaunchAsync()
    {
        if (!File.Exists(Chromium))
        {
            // On CI the browser test must run: .ci/run installs chromium (tests/ensure-chromium.sh).
            Assert.True(string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")), $"{Chromium} is missing on CI: tests/ensure-chromium.sh installs Debian's chromium.");
            Skip.If(true, $"{Chromium} is missing: apt-get install chromium (or bash tests/ensure-chromium.sh) to run the browser sign-in test.");
        }

        var profile = Directory.CreateTempSubdirectory("feishugen-chromium-");
        var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            UserDataDir = profile.FullName,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return new HeadlessChromium(browser, profile);
    }

    /// <summary>The browser, and its fresh profile folder, removed when it closes.</summary>
    private sealed class HeadlessChromium(IBrowser browser, DirectoryInfo profile) : IAsyncDisposable
    {
        public Task<IPage> NewPageAsync() => browser.NewPageAsync();

        public async ValueTask DisposeAsync()
        {
            await browser.DisposeAsync();
            profile.Delete(recursive: true);
        }
    }

    private static async Task ClickAsync(IPage page, string selector)
    {
        var navigation = page.WaitForNavigationAsync(new NavigationOptions { WaitUntil = [WaitUntilNavigation.Load] });
        await page.ClickAsync(selector);
        var response = await navigation;
        Assert.True(response is null || response.Status is HttpStatusCode.OK, $"{selector} led to HTTP {(int?)response?.Status} at {page.Url}");
    }

    private static async Task<string> TextAsync(IPage page, string selector)
        => (await page.QuerySelectorAsync(selector) ?? throw new InvalidOperationException($"{selector} is not on {page.Url}: {await page.GetContentAsync()}"))
            is { } element ? await element.EvaluateFunctionAsync<string>("e => e.textContent") : string.Empty;
}
