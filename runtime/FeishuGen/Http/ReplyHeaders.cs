using System.Net.Http;

namespace FeishuGen.Http;

/// <summary>Headers Feishu's replies carry that the client reads.</summary>
internal static class ReplyHeaders
{
    /// <summary>The log id to quote in every error: X-Tt-Logid, falling back to X-Request-Id.</summary>
    public static string? LogId(HttpResponseMessage response)
        => First(response, "X-Tt-Logid") ?? First(response, "X-Request-Id");

    // The raw values, unparsed and without an enumerable: this runs on every reply.
    public static string? First(HttpResponseMessage response, string name)
    {
        if (response.Headers.NonValidated.TryGetValues(name, out var values))
        {
            foreach (var value in values)
            {
                return value;
            }
        }

        return null;
    }
}
