using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Claims;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.AspNetCore.Authentication;
using FeishuGen.Testing;
using FeishuGen.Tests.Api;
using FeishuGen.Tests.Api.Im.V1;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using FeishuGen.Tests.Support;
using Microsoft.Extensions.Logging;
using Xunit;

namespace FeishuGen.Tests.SignIn;

/// <summary>
/// The local server and a web app with Feishu sign-in, both real Kestrel on loopback, and an
/// HttpClient that follows nothing by itself: each test walks the redirects and carries the cookies,
/// so it can tamper with any step. The app's endpoints: /signin (challenge), /me (claims as JSON),
/// /chats (a call as the user), /signout; a failed sign-in answers 400 and is kept in <see cref="Failures"/>.
/// </summary>
internal sealed class SignInTestHost : IAsyncDisposable
{
    private SignInTestHost(FeishuTestServer server, WebApplication app, ListLogger log)
    {
        Log = log;
        Server = server;
        App = app;
        AppAddress = new Uri(app.Urls.Single());
    }

    public FeishuTestServer Server { get; }

    public WebApplication App { get; }

    public Uri AppAddress { get; }

    public HttpClient Http { get; } = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });

    public List<Exception> Failures { get; } = new();

    public ListLogger Log { get; }

    public IFeishuUserTokenStore Store => App.Services.GetRequiredService<IFeishuUserTokenStore>();

    public static async Task<SignInTestHost> StartAsync(Action<FeishuTestServerOptions>? server = null, Action<FeishuAuthenticationOptions>? auth = null)
    {
        var serverOptions = new FeishuTestServerOptions();
        serverOptions.SignIn.Consent = FeishuTestConsent.Approve;
        server?.Invoke(serverOptions);
        var feishu = await FeishuTestServer.StartAsync(FeishuEndpointCatalogue.All, serverOptions);

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var host = (SignInTestHost?)null;
        var log = new ListLogger();
        builder.Logging.AddProvider(new ListLoggerProvider(log));
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Services.AddFeishu(o => { o.AppId = feishu.Options.AppId; o.AppSecret = feishu.Options.AppSecret; o.BaseAddress = feishu.BaseAddress; });
        builder.Services.AddFeishuApi();
        builder.Services.AddAuthentication(o => { o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme; o.DefaultChallengeScheme = FeishuAuthenticationDefaults.AuthenticationScheme; })
            .AddCookie()
            .AddFeishu(o =>
            {
                o.Scope.Add("im:chat:readonly");
                o.Events.OnRemoteFailure = context =>
                {
                    host!.Failures.Add(context.Failure!);
                    context.Response.StatusCode = 400;
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
                auth?.Invoke(o);
            });
        var app = builder.Build();
        app.UseAuthentication();
        app.MapGet("/signin", () => Results.Challenge(new AuthenticationProperties { RedirectUri = "/me" }));
        app.MapGet("/me", async (HttpContext context, CancellationToken _) =>
        {
            if (context.User.Identity?.IsAuthenticated != true)
            {
                return Results.Unauthorized();
            }

            var claims = context.User.Claims.GroupBy(c => c.Type).ToDictionary(g => g.Key, g => g.First().Value);
            claims["cookie_access_token"] = await context.GetTokenAsync("access_token") ?? string.Empty;
            return Results.Json(claims);
        });
        app.MapGet("/chats", async (HttpContext context, FeishuApi api) =>
        {
            var session = await context.GetFeishuUserSessionAsync();
            if (session is null)
            {
                return Results.Unauthorized();
            }

            var page = await api.Im.V1.Chat.ListAsync(new ListChatRequest(), new FeishuRequestOptions { UserSession = session });
            return Results.Text(page.Items?.FirstOrDefault()?.Name ?? string.Empty);
        });
        app.MapGet("/signout", async context => await context.Response.WriteAsync((await context.SignOutFeishuAsync()).ToString()));
        await app.StartAsync();
        host = new SignInTestHost(feishu, app, log);
        return host;
    }

    /// <summary>GET /signin: the authorize URL the app redirects to, and the cookies it set (the correlation cookie).</summary>
    public async Task<(Uri Authorize, Cookies Cookies)> ChallengeAsync()
    {
        using var response = await Http.GetAsync(new Uri(AppAddress, "/signin"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (response.Headers.Location!, Cookies.From(response));
    }

    /// <summary>The authorize page with consent given: where Feishu sends the browser back (code and state).</summary>
    public async Task<Uri> AuthorizeAsync(Uri authorize)
    {
        using var response = await Http.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!;
    }

    /// <summary>The callback, with the browser's cookies.</summary>
    public async Task<HttpResponseMessage> CallbackAsync(Uri callback, Cookies cookies)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, callback);
        cookies.AddTo(request);
        return await Http.SendAsync(request);
    }

    /// <summary>A whole sign-in: the app's auth cookie afterwards.</summary>
    public async Task<Cookies> SignInAsync()
    {
        var (authorize, cookies) = await ChallengeAsync();
        using var callback = await CallbackAsync(await AuthorizeAsync(authorize), cookies);
        Assert.True(callback.StatusCode == HttpStatusCode.Redirect, $"the callback answered {(int)callback.StatusCode}: {string.Join("; ", Failures.Select(f => f.Message))}");
        Assert.Equal("/me", callback.Headers.Location!.OriginalString);
        return cookies.With(callback);
    }

    public async Task<(HttpStatusCode Status, string Body)> GetAsync(string path, Cookies cookies)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(AppAddress, path));
        cookies.AddTo(request);
        using var response = await Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<Dictionary<string, string>> ClaimsAsync(Cookies cookies)
    {
        var (status, body) = await GetAsync("/me", cookies);
        Assert.Equal(HttpStatusCode.OK, status);
        return JsonSerializer.Deserialize<Dictionary<string, string>>(body)!;
    }

    public FeishuSignInException Failure() => Assert.IsType<FeishuSignInException>(Assert.Single(Failures));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        await Server.DisposeAsync();
    }
}

/// <summary>A browser's cookies for one site, as name=value pairs (the Secure flag of the correlation cookie set aside: the test speaks http to loopback).</summary>
internal sealed class Cookies
{
    private readonly Dictionary<string, string> _values;

    private Cookies(Dictionary<string, string> values) => _values = values;

    public static Cookies From(HttpResponseMessage response) => new Cookies(new Dictionary<string, string>()).With(response);

    public Cookies With(HttpResponseMessage response)
    {
        var values = new Dictionary<string, string>(_values);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var all) ? all : Array.Empty<string>())
        {
            var pair = header.Split(';')[0];
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var (name, value) = (pair[..equals], pair[(equals + 1)..]);
            if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
            {
                values.Remove(name);
            }
            else
            {
                values[name] = value;
            }
        }

        return new Cookies(values);
    }

    public void AddTo(HttpRequestMessage request)
    {
        if (_values.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _values.Select(v => v.Key + "=" + v.Value)));
        }
    }
}

/// <summary>Every category's lines into one <see cref="ListLogger"/>.</summary>
internal sealed class ListLoggerProvider : ILoggerProvider
{
    private readonly ListLogger _log;

    public ListLoggerProvider(ListLogger log) => _log = log;

    public ILogger CreateLogger(string categoryName) => _log;

    public void Dispose()
    {
    }
}
