using System;
using System.Linq;
using System.Net;
using System.Text.Encodings.Web;
using System.Threading.Tasks;
using FeishuGen.AspNetCore.Authentication;
using FeishuGen.SignIn.Api;
using FeishuGen.SignIn.Api.Calendar.V4;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FeishuGen.SignIn;

/// <summary>Where the sample signs in: the app's credentials, the domain (or the local server) and where it listens.</summary>
public sealed record SignInAppSettings(string AppId, string AppSecret, Uri BaseAddress)
{
    /// <summary>The address to listen on; port 0 picks a free one.</summary>
    public IPEndPoint Listen { get; init; } = new(IPAddress.Loopback, 0);
}

/// <summary>
/// A web app with "Sign in with Feishu": the user signs in, the page shows their name, and the app
/// calls the calendar API as them (查询主日历信息, generated from specs/) with the session the sign-in
/// stored. Failures show their Feishu code and what to do.
/// </summary>
public static class SignInApp
{
    public static WebApplication Create(SignInAppSettings settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        // The sample's Data Protection keys are its own and short-lived; a real app persists and shares them.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        builder.WebHost.UseKestrel(k => k.Listen(settings.Listen));

        // The sign-in itself: the client, cookies, and Feishu as the challenge scheme.
        builder.Services.AddFeishu(o => { o.AppId = settings.AppId; o.AppSecret = settings.AppSecret; o.BaseAddress = settings.BaseAddress; });
        builder.Services.AddFeishuApi();
        builder.Services.AddAuthentication(o => { o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme; o.DefaultChallengeScheme = FeishuAuthenticationDefaults.AuthenticationScheme; })
            .AddCookie()
            .AddFeishu(o =>
            {
                o.Scope.Add("calendar:calendar:readonly");
                o.Events.OnRemoteFailure = ShowFailureAsync;
            });

        var app = builder.Build();
        app.UseAuthentication();
        app.MapGet("/", HomeAsync);
        app.MapGet("/signin", () => Results.Challenge(new AuthenticationProperties { RedirectUri = "/" }));
        app.MapGet("/signout", async context => { await context.SignOutFeishuAsync(); context.Response.Redirect("/"); });
        app.MapGet("/signin-failed", (string? error, string? code, string? message) => Html("Sign-in failed", $"<p id=\"failure\">{Encode(error)} (code {Encode(code)}): {Encode(message)}</p><p><a id=\"retry\" href=\"/signin\">Try again</a></p>"));
        return app;
    }

    private static async Task<IResult> HomeAsync(HttpContext context, FeishuApi api)
    {
        var session = await context.GetFeishuUserSessionAsync();
        if (session is null)
        {
            return Html("FeishuGen sign-in", "<p><a id=\"signin\" href=\"/signin\">Sign in with Feishu</a></p>");
        }

        // A call as the user: their primary calendar, with the session refreshing itself when due.
        var reply = await api.Calendar.V4.Calendar.PrimaryAsync(new PrimaryCalendarRequest { UserIdType = "open_id" }, new FeishuRequestOptions { UserSession = session });
        var calendar = reply.Calendars?.FirstOrDefault()?.CalendarValue;
        var name = context.User.Identity?.Name;
        return Html("FeishuGen sign-in", $"""
            <p>Signed in as <b id="name">{Encode(name)}</b> (<code id="open-id">{Encode(context.GetFeishuOpenId())}</code>)</p>
            <p>Your primary calendar: <b id="calendar">{Encode(calendar?.Summary)}</b></p>
            <p><a id="signout" href="/signout">Sign out</a></p>
            """);
    }

    // Every failure the user can act on arrives here as a FeishuSignInException with Feishu's code.
    private static Task ShowFailureAsync(RemoteFailureContext context)
    {
        var failure = context.Failure as FeishuSignInException;
        var query = QueryString.Create(new[]
        {
            new System.Collections.Generic.KeyValuePair<string, string?>("error", failure?.Error ?? "sign_in_failed"),
            new("code", failure?.Code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"),
            new("message", context.Failure?.Message),
        });
        context.Response.Redirect("/signin-failed" + query);
        context.HandleResponse();
        return Task.CompletedTask;
    }

    private static IResult Html(string title, string body)
        => Results.Content($"<!doctype html><html><head><meta charset=\"utf-8\"><title>{title}</title></head><body><h1>{title}</h1>{body}</body></html>", "text/html; charset=utf-8");

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private static string Encode(string? text) => Encoder.Encode(text ?? string.Empty);
}
