using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace FeishuGen.Sample;

/// <summary>
/// Prints every request and reply that crosses the wire, with the Authorization header and
/// token replies redacted: what a user would see with a proxy, minus the secrets.
/// </summary>
internal sealed class WireLog : DelegatingHandler
{
    private readonly TextWriter _out;

    public WireLog(TextWriter output)
        : base(new SocketsHttpHandler())
        => _out = output;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var isToken = request.RequestUri!.AbsolutePath.Contains("/auth/v3/", StringComparison.Ordinal);
        _out.WriteLine($"--> {request.Method} {request.RequestUri}");
        if (request.Headers.Authorization is { } auth)
        {
            _out.WriteLine($"    Authorization: {auth.Scheme} {Redact(auth.Parameter)}");
        }

        if (request.Content is not null)
        {
            var body = await request.Content.ReadAsStringAsync(cancellationToken);
            _out.WriteLine("    " + (isToken ? "{\"app_id\": \"…\", \"app_secret\": \"(redacted)\"}" : body));
        }

        var response = await base.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var logId = response.Headers.TryGetValues("X-Tt-Logid", out var ids) ? string.Join(",", ids) : "-";
        _out.WriteLine($"<-- HTTP {(int)response.StatusCode} (log id {logId})");
        _out.WriteLine("    " + (isToken ? "(token reply redacted)" : text.ReplaceLineEndings(" ")));
        _out.WriteLine();
        return response;
    }

    private static string Redact(string? token)
        => token is { Length: > 6 } ? token[..2] + "…(redacted)" : "(redacted)";
}
