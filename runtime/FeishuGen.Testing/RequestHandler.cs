using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace FeishuGen.Testing;

/// <summary>The server's behaviour: token endpoints, scripted replies, then catalogue endpoints.</summary>
internal sealed class RequestHandler
{
    private const string TenantTokenPath = "/open-apis/auth/v3/tenant_access_token/internal";
    private const string AppTokenPath = "/open-apis/auth/v3/app_access_token/internal";
    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private readonly RouteTable _routes;
    private readonly FeishuTestServerOptions _options;
    private readonly ScriptQueue<ScriptedReply> _scripted = new();
    private readonly object _lock = new();
    private List<RecordedRequest> _requests = new();
    private long _logIds;

    public RequestHandler(RouteTable routes, FeishuTestServerOptions options, TimeProvider time)
    {
        _routes = routes;
        _options = options;
        Tokens = new TokenIssuer(time);
        UserTokens = new UserTokenIssuer(options);
        SignIn = new SignInFlows(options, UserTokens);
    }

    public SignInFlows SignIn { get; }

    public TokenIssuer Tokens { get; }

    public UserTokenIssuer UserTokens { get; }

    public StoreAppTokens StoreTokens { get; } = new();

    /// <summary>The stateful messaging and CardKit endpoints, when the options ask for them.</summary>
    public FeishuTestMessenger? Messenger { get; set; }

    private readonly ScriptQueue<FeishuFault> _faults = new();

    // Without a condition, scripts aim at the next catalogue request, never at a token request.
    public void InjectFault(FeishuFault fault, Func<RecordedRequest, bool>? when) => _faults.Add(fault, when ?? (r => r.Endpoint is not null));

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return _requests.ToList();
            }
        }
    }

    public void ClearRequests()
    {
        lock (_lock)
        {
            _requests = new List<RecordedRequest>();
        }
    }

    public void Enqueue(ScriptedReply reply, Func<RecordedRequest, bool>? when) => _scripted.Add(reply, when ?? (r => r.Endpoint is not null));

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        var endpoint = _routes.Match(request.Method, path, out var pathKnown);
        _faults.TryTake(new RecordedRequest(request.Method, path, request.QueryString.Value ?? string.Empty, new Dictionary<string, string>(), string.Empty, endpoint), out var fault);
        if (fault?.Kind == FeishuFaultKind.DropBeforeRead)
        {
            context.Abort();
            return;
        }

        byte[] bytes;
        using (var buffer = new MemoryStream())
        {
            await request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            bytes = buffer.ToArray();
        }

        var body = Encoding.UTF8.GetString(bytes);
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var recorded = new RecordedRequest(request.Method, path, request.QueryString.Value ?? string.Empty, headers, body, endpoint)
        {
            RawBody = bytes,
            ConnectionId = context.Connection.Id,
            FormParts = await FormParts.ReadAsync(request.ContentType, bytes).ConfigureAwait(false),
        };
        lock (_lock)
        {
            _requests.Add(recorded);
        }

        if (fault?.Kind == FeishuFaultKind.DropAfterRead)
        {
            context.Abort();
            return;
        }

        if (fault?.Kind == FeishuFaultKind.Delay)
        {
            try
            {
                await Task.Delay(fault.Duration, context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.Headers["X-Tt-Logid"] = "local-" + System.Threading.Interlocked.Increment(ref _logIds).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);

        // Scripts come first, so that token endpoints can be made to fail too.
        if (_scripted.TryTake(recorded, out var scripted))
        {
            await WriteAsync(context, scripted.Status, scripted.Body, scripted.Headers).ConfigureAwait(false);
            return;
        }

        if (path is TenantTokenPath or AppTokenPath && request.Method == "POST")
        {
            await IssueTokenAsync(context, path == AppTokenPath ? FeishuTokenType.App : FeishuTokenType.Tenant, body).ConfigureAwait(false);
            return;
        }

        if (StoreAppTokens.Handles(path) && request.Method == "POST")
        {
            var (status, reply) = StoreTokens.Answer(path, body, _options, Tokens);
            await WriteAsync(context, status, reply, null).ConfigureAwait(false);
            return;
        }

        if (SignInFlows.Handles(path))
        {
            await SignIn.HandleAsync(context, body).ConfigureAwait(false);
            return;
        }

        if (Messenger is not null && await Messenger.TryHandleAsync(context, recorded, Tokens).ConfigureAwait(false))
        {
            return;
        }

        if (endpoint is null)
        {
            var status = pathKnown ? 405 : 404;
            await WriteAsync(context, status, pathKnown ? "405 method not allowed" : "404 page not found", null, "text/plain").ConfigureAwait(false);
            return;
        }

        var rejection = EndpointValidator.Check(endpoint, request, body, Tokens, UserTokens, _options);
        if (rejection is not null)
        {
            await WriteAsync(context, rejection.Status, rejection.Body, null).ConfigureAwait(false);
            return;
        }

        if (endpoint.ResponseKind == FeishuPayloadKind.File)
        {
            await DownloadReply.WriteAsync(context, endpoint, path, _options).ConfigureAwait(false);
            return;
        }

        await WriteAsync(context, 200, Paging.Apply(SuccessBody(endpoint), endpoint, request, body, _options.PagesPerList), null).ConfigureAwait(false);
    }

    private async Task IssueTokenAsync(HttpContext context, FeishuTokenType type, string body)
    {
        var json = JsonBody.Object(body);
        var appId = JsonBody.Text(json, "app_id");
        var secret = JsonBody.Text(json, "app_secret");
        if (appId != _options.AppId || secret != _options.AppSecret)
        {
            await WriteAsync(context, 400, "{\"code\":10014,\"msg\":\"app secret invalid\"}", null).ConfigureAwait(false);
            return;
        }

        var token = Tokens.Issue(type, _options.TokenLifetime);
        var field = type == FeishuTokenType.App ? "app_access_token" : "tenant_access_token";
        var reply = "{\"code\":0,\"msg\":\"ok\",\"" + field + "\":\"" + token + "\",\"expire\":" + _options.TokenLifetimeSeconds + "}";
        await WriteAsync(context, 200, reply, null).ConfigureAwait(false);
    }

    // The page's response example, normalised to strict JSON; pages without one get an empty success.
    private static string SuccessBody(FeishuEndpoint endpoint)
    {
        if (endpoint.ResponseExample is { Length: > 0 } example)
        {
            try
            {
                using var document = JsonDocument.Parse(example, Lenient);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    return document.RootElement.GetRawText();
                }
            }
            catch (JsonException)
            {
                // Pages with broken examples still answer: an empty success.
            }
        }

        return "{\"code\":0,\"msg\":\"success\",\"data\":{}}";
    }

    private static async Task WriteAsync(HttpContext context, int status, string body, IReadOnlyDictionary<string, string>? headers, string contentType = "application/json; charset=utf-8")
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        if (headers is not null)
        {
            foreach (var header in headers)
            {
                context.Response.Headers[header.Key] = header.Value;
            }
        }

        await context.Response.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }
}
