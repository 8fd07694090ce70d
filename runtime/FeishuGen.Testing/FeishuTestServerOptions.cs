using System;

namespace FeishuGen.Testing;

/// <summary>How the local server behaves.</summary>
public sealed partial class FeishuTestServerOptions
{
    /// <summary>The app id the token endpoints accept: <c>cli_</c> and 16 hex digits, the form the official SDKs require.</summary>
    public string AppId { get; set; } = "cli_a1b2c3d4e5f60718";

    /// <summary>The app secret the token endpoints accept.</summary>
    public string AppSecret { get; set; } = "local-test-secret";

    /// <summary>The <c>expire</c> the token endpoints answer with, in seconds (Feishu: at most 7200).</summary>
    public int TokenLifetimeSeconds { get; set; } = 7200;

    /// <summary>Check that the body holds every required field of the endpoint (default on).</summary>
    public bool ValidateRequiredFields { get; set; } = true;

    /// <summary>A user_access_token the server accepts for endpoints that take user tokens.</summary>
    public string UserAccessToken { get; set; } = "u-local-test-user";

    /// <summary>The size in bytes of the file download endpoints answer with.</summary>
    public long DownloadSize { get; set; } = 64 * 1024;

    /// <summary>The file name download endpoints send in Content-Disposition (non-ASCII names go in filename*).</summary>
    public string DownloadFileName { get; set; } = "下载文件.bin";

    /// <summary>
    /// How many pages every endpoint with a pager (<see cref="FeishuEndpoint.Paging"/>) serves: pages 1..N−1 answer
    /// has_more with the next page token, in the query or body member the method sends it in, whether or not the page's
    /// example shows a token. A request that sends a page size gets that many items per page (the example's items repeated).
    /// </summary>
    public int PagesPerList { get; set; } = 3;

    /// <summary>The refresh token the user-token endpoint accepts first; every refresh rotates it.</summary>
    public string UserRefreshToken { get; set; } = "r-local-test-user";

    /// <summary>The server's clock, for token expiry (share one with the client to test expiry without waiting).</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>The app_ticket the store-app token endpoint accepts (Feishu pushes it hourly as an event).</summary>
    public string AppTicket { get; set; } = "local-app-ticket";

    /// <summary>The port to listen on; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>The Verification Token the server puts in events it sends (and expects in url_verification answers).</summary>
    public string VerificationToken { get; set; } = "v-local-test-token";

    /// <summary>The Encrypt Key events are encrypted and signed with; null sends them plain and unsigned.</summary>
    public string? EncryptKey { get; set; } = "local-test-encrypt-key";

    /// <summary>The waits before pushing an event again after an answer other than 200: Feishu's 15 s, 5 min, 1 h and 6 h by default.</summary>
    public TimeSpan[] EventRetryDelays { get; set; } =
    {
        TimeSpan.FromSeconds(15), TimeSpan.FromMinutes(5), TimeSpan.FromHours(1), TimeSpan.FromHours(6),
    };

    /// <summary>The ClientConfig the long-connection endpoint hands out (seconds): reconnect at once, ping every 120 s.</summary>
    public FeishuGen.LongConnection.ClientConfig LongConnectionConfig { get; set; } = new() { ReconnectCount = -1, ReconnectInterval = 0, ReconnectNonce = 0, PingInterval = 120 };

    /// <summary>How long the server waits for an event's acknowledgement on the long connection before sending it again (Feishu re-sends what is not acknowledged).</summary>
    public TimeSpan LongConnectionAckTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How the server plays user sign-in (authorize page, codes, device login, user info).</summary>
    public FeishuTestSignInOptions SignIn { get; set; } = new();

    internal TimeSpan TokenLifetime => TimeSpan.FromSeconds(TokenLifetimeSeconds);
}
