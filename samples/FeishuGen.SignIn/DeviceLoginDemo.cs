using System;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.SignIn.Api;
using FeishuGen.SignIn.Api.Calendar.V4;

namespace FeishuGen.SignIn;

/// <summary>
/// Device login, as a console tool or an agent signs a user in: print the link and the code, wait
/// for the user to approve in Feishu (against the local server: its verification page, opened in
/// any browser), then call the calendar API as them.
/// </summary>
public static class DeviceLoginDemo
{
    public static async Task<int> RunAsync(FeishuClientOptions options, CancellationToken cancellationToken)
    {
        var api = new FeishuApi(options);
        var login = new FeishuDeviceLogin(api.Client);
        var result = await login.SignInAsync(["calendar:calendar:readonly"], (code, _) =>
        {
            Console.WriteLine($"Open {code.VerificationUri} and enter {code.UserCode} (or scan a QR code of {code.QrPayload}) before {code.ExpiresAt.ToLocalTime():HH:mm:ss}.");
            return ValueTask.CompletedTask;
        }, cancellationToken);
        if (result.Warning is { } warning)
        {
            Console.WriteLine("warning: " + warning);
        }

        var reply = await api.Calendar.V4.Calendar.PrimaryAsync(new PrimaryCalendarRequest(), new FeishuRequestOptions { UserSession = result.Session }, cancellationToken);
        Console.WriteLine($"Signed in as {result.User.Name} ({result.User.OpenId}); primary calendar: {reply.Calendars?[0].CalendarValue?.Summary}");
        return 0;
    }
}
