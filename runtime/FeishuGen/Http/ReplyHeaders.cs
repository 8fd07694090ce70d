using System.Linq;
using System.Net.Http;

namespace FeishuGen.Http;

/// <summary>Headers Feishu's replies carry that the client reads.</summary>
internal static class ReplyHeaders
{
    /// <summary>The log id to quote in every error: X-Tt-Logid, falling back to X-Request-Id.</summary>
    public static string? LogId(HttpResponseMessage response)
        => First(response, "X-Tt-Logid") ?? First(response, "X-Request-Id");

    public static string? First(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
