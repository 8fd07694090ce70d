using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;

namespace FeishuGen.Testing;

/// <summary>
/// A Feishu-compatible HTTP server on loopback (real Kestrel, real sockets). It issues tenant
/// and app tokens, serves every endpoint of a generated catalogue (checking method, path, token
/// and required fields, answering with the page's response example), records what it receives,
/// and answers scripted replies for error tests.
/// </summary>
public sealed partial class FeishuTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RequestHandler _handler;
    private readonly LongConnectionHub _hub;
    private readonly EventPusher _pusher;

    private FeishuTestServer(WebApplication app, RequestHandler handler, LongConnectionHub hub, Uri baseAddress, FeishuTestServerOptions options)
    {
        _app = app;
        _handler = handler;
        _hub = hub;
        _pusher = new EventPusher(options);
        BaseAddress = baseAddress;
        Options = options;
    }

    /// <summary>The self-built app's tenant token endpoint, for <see cref="Enqueue(ScriptedReply, string?)"/>.</summary>
    public const string TenantTokenPath = "/open-apis/auth/v3/tenant_access_token/internal";

    /// <summary>The self-built app's app token endpoint.</summary>
    public const string AppTokenPath = "/open-apis/auth/v3/app_access_token/internal";

    /// <summary>The store app's app token endpoint.</summary>
    public const string StoreAppTokenPath = "/open-apis/auth/v3/app_access_token";

    /// <summary>The store app's tenant token endpoint.</summary>
    public const string StoreTenantTokenPath = "/open-apis/auth/v3/tenant_access_token";

    /// <summary>The user token endpoint (code exchange and refresh).</summary>
    public const string UserTokenPath = "/open-apis/authen/v2/oauth/token";

    /// <summary>Where the server listens, e.g. http://127.0.0.1:54321 (always loopback).</summary>
    public Uri BaseAddress { get; }

    /// <summary>The server's settings, including the credentials it accepts.</summary>
    public FeishuTestServerOptions Options { get; }

    /// <summary>Every request received so far, token requests included, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _handler.Requests;

    /// <summary>The requests that matched catalogue endpoints (token requests left out).</summary>
    public IReadOnlyList<RecordedRequest> ApiRequests => _handler.Requests.Where(r => r.Endpoint is not null).ToList();

    /// <summary>How many times an app_ticket was asked for again (app_ticket/resend).</summary>
    public int AppTicketResends => _handler.StoreTokens.Resends;

    /// <summary>How many tokens the server has issued.</summary>
    public int TokensIssued => _handler.Tokens.Issued;

    /// <summary>Starts a server for <paramref name="endpoints"/> (usually the generated <c>FeishuEndpointCatalogue.All</c>).</summary>
    /// <param name="endpoints">The endpoints to serve.</param>
    /// <param name="options">Credentials and behaviour; defaults when null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<FeishuTestServer> StartAsync(IEnumerable<FeishuEndpoint> endpoints, FeishuTestServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FeishuTestServerOptions();
        var handler = new RequestHandler(new RouteTable(endpoints), options, options.Time);
        var hub = new LongConnectionHub(options);
        FeishuTestServer? created = null;
        if (options.SimulateMessaging)
        {
            handler.Messenger = new FeishuTestMessenger(options, (type, json, id) => created!.CreateEvent(type, json, id));
        }

        Uri? self = null;
        var (app, address) = await LoopbackHost.StartAsync(
            context => hub.Handles(context.Request.Path.Value ?? "/") ? hub.HandleAsync(context, self!) : handler.HandleAsync(context),
            options.Port,
            cancellationToken).ConfigureAwait(false);
        self = address;
        created = new FeishuTestServer(app, handler, hub, address, options);
        return created;
    }

    /// <summary>Client options pointing at this server with the credentials it accepts.</summary>
    public FeishuClientOptions CreateClientOptions() => new()
    {
        AppId = Options.AppId,
        AppSecret = Options.AppSecret,
        BaseAddress = BaseAddress,
    };

    /// <summary>
    /// Answers the next request to <paramref name="path"/> with <paramref name="reply"/> instead of
    /// the example; token endpoints (<see cref="TenantTokenPath"/> and the others) can be scripted
    /// too. Safe to call while requests are in flight: each script is taken by exactly one request.
    /// </summary>
    /// <param name="reply">The reply to send once.</param>
    /// <param name="path">The request path to match, or null for the next catalogue (non-token) request.</param>
    public void Enqueue(ScriptedReply reply, string? path = null) => _handler.Enqueue(reply, path is null ? null : r => r.Path == path);

    /// <summary>Answers the next request that <paramref name="when"/> accepts with <paramref name="reply"/>.</summary>
    /// <param name="reply">The reply to send once.</param>
    /// <param name="when">Chooses the request, e.g. <c>r => r.QueryString.Contains("page_token=page-3")</c>.</param>
    public void Enqueue(ScriptedReply reply, Func<RecordedRequest, bool> when) => _handler.Enqueue(reply, when);

    /// <summary>The byte at <paramref name="position"/> of every file the server sends, for checking downloads.</summary>
    /// <param name="position">The offset in the file.</param>
    public static byte DownloadByteAt(long position) => DownloadReply.ByteAt(position);

    /// <summary>Injects <paramref name="fault"/> into the next request that <paramref name="when"/> accepts (the next catalogue request when null; token requests only by an explicit condition).</summary>
    /// <param name="fault">What goes wrong.</param>
    /// <param name="when">Chooses the request by method, path and query (the body is not read yet).</param>
    public void InjectFault(FeishuFault fault, Func<RecordedRequest, bool>? when = null) => _handler.InjectFault(fault, when);

    /// <summary>Makes a user access token expired: calls with it answer 99991677.</summary>
    /// <param name="token">The user_access_token.</param>
    public void ExpireUserToken(string token) => _handler.UserTokens.Expire(token);

    /// <summary>How many user-token refreshes the server has answered.</summary>
    public int UserTokenRefreshes => _handler.UserTokens.Refreshes;

    /// <summary>Revokes every issued token, so the next call with a cached token is rejected as invalid.</summary>
    public void RevokeTokens() => _handler.Tokens.RevokeAll();

    /// <summary>Forgets the recorded requests.</summary>
    public void ClearRequests() => _handler.ClearRequests();

    /// <summary>
    /// A schema 2.0 event as Feishu sends it: a fresh event_id (unless given), the event type,
    /// the server's app id and verification token, and <paramref name="eventJson"/> as the body.
    /// </summary>
    /// <param name="eventType">The event type, e.g. <c>im.message.receive_v1</c>.</param>
    /// <param name="eventJson">The <c>event</c> member, a JSON object.</param>
    /// <param name="eventId">The event id; a new one when null.</param>
    /// <returns>The envelope's JSON.</returns>
    public string CreateEvent(string eventType, string eventJson, string? eventId = null)
    {
        var header = new System.Text.Json.Nodes.JsonObject
        {
            ["event_id"] = eventId ?? Guid.NewGuid().ToString("N"),
            ["event_type"] = eventType,
            ["create_time"] = Options.Time.GetUtcNow().ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["token"] = Options.VerificationToken,
            ["app_id"] = Options.AppId,
            ["tenant_key"] = "local-tenant",
        };
        var envelope = new System.Text.Json.Nodes.JsonObject { ["schema"] = "2.0", ["header"] = header, ["event"] = System.Text.Json.Nodes.JsonNode.Parse(eventJson) };
        return envelope.ToJsonString();
    }

    /// <summary>
    /// Pushes an event to a webhook as Feishu does: encrypted and signed with <see cref="FeishuTestServerOptions.EncryptKey"/>,
    /// and pushed again after <see cref="FeishuTestServerOptions.EventRetryDelays"/> while the answer is not 200.
    /// </summary>
    /// <param name="webhook">The receiver's URL.</param>
    /// <param name="envelope">The event (see <see cref="CreateEvent"/>).</param>
    /// <param name="fault">What to get wrong on purpose.</param>
    /// <param name="retry">Whether to push again after an answer other than 200.</param>
    /// <param name="cancellationToken">Cancels the pushes and waits.</param>
    /// <returns>Every attempt's status and the last answer.</returns>
    public Task<FeishuEventDelivery> PushEventAsync(Uri webhook, string envelope, FeishuEventFault fault = FeishuEventFault.None, bool retry = true, CancellationToken cancellationToken = default)
        => _pusher.PushAsync(webhook, envelope, fault, retry, cancellationToken);

    /// <summary>
    /// Sends an event or a callback (card.action.trigger, url.preview.get) to the connected
    /// long-connection client in a <c>type=event</c> frame, as the real service does, and waits for
    /// its ack (a callback's reply is in <see cref="FeishuLongConnectionAck.Data"/>). Like Feishu, it
    /// sends again on the next socket when the socket drops, and again when the ack is later than
    /// <see cref="FeishuTestServerOptions.LongConnectionAckTimeout"/>.
    /// </summary>
    /// <param name="envelope">The event's JSON.</param>
    /// <param name="fragments">How many frames to split the payload into (sum/seq headers).</param>
    /// <param name="dropSocketAfterSend">Closes the socket right after the first send, before any ack.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The client's ack.</returns>
    public Task<FeishuLongConnectionAck> SendOverLongConnectionAsync(string envelope, int fragments = 1, bool dropSocketAfterSend = false, CancellationToken cancellationToken = default)
        => _hub.SendAsync(envelope, fragments, dropSocketAfterSend, cancellationToken);

    /// <summary>Closes the long-connection socket from the server's side.</summary>
    public void DropLongConnections() => _hub.Drop();

    /// <summary>How many long-connection sockets clients have opened.</summary>
    public int LongConnections => Volatile.Read(ref _hub.Connections);

    /// <summary>How many pings long-connection clients have sent.</summary>
    public int LongConnectionPings => Volatile.Read(ref _hub.Pings);

    /// <summary>Refuses long-connection handshakes with <paramref name="status"/> (403, or 514 with auth code 1000040350 for the connection limit); 0 accepts again.</summary>
    /// <param name="status">The handshake status.</param>
    /// <param name="authCode">The Handshake-Autherrcode header.</param>
    public void RefuseLongConnections(int status, long? authCode = null) => _hub.Refusal = (status, authCode);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
