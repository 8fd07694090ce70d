using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace FeishuGen.Corpus;

/// <summary>What a generated method put on the wire.</summary>
internal sealed record CapturedCall(string Method, string PathAndQuery, string? Body, string? ContentType);

/// <summary>
/// An in-process HTTP handler: answers token requests, records the API call and replies with
/// the page's own response example, so the generated reader runs too.
/// </summary>
internal sealed class CapturingHandler : HttpMessageHandler
{
    private readonly string _reply;

    public CapturingHandler(string reply) => _reply = reply;

    public CapturedCall? Captured { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        if (path.StartsWith("/open-apis/auth/v3/", System.StringComparison.Ordinal))
        {
            const string token = "{\"code\":0,\"msg\":\"ok\",\"tenant_access_token\":\"t-corpus\",\"app_access_token\":\"a-corpus\",\"expire\":7200}";
            return Json(token);
        }

        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        Captured = new CapturedCall(request.Method.Method, request.RequestUri.PathAndQuery, body, request.Content?.Headers.ContentType?.MediaType);
        return Json(_reply);
    }

    private static HttpResponseMessage Json(string text)
        => new(HttpStatusCode.OK) { Content = new StringContent(text, Encoding.UTF8, "application/json") };
}
