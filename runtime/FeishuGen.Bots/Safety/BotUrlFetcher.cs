using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace FeishuGen.Bots;

/// <summary>A URL the bot refused to fetch: its address is not public (or the scheme, or a redirect, is not allowed).</summary>
public sealed class BotUrlRefusedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was refused and why.</param>
    public BotUrlRefusedException(string message)
        : base(message)
    {
    }
}

/// <summary>
/// Fetches a URL for upload behind the SSRF guard: the address is checked in the connection
/// callback (the one really connected to, so DNS rebinding cannot slip past), no proxy is used,
/// redirects are followed by hand, each one checked, and the body is capped.
/// </summary>
internal sealed class BotUrlFetcher : IDisposable
{
    private readonly BotUrlFetchOptions _options;
    private readonly HttpClient _http;

    public BotUrlFetcher(BotUrlFetchOptions options)
    {
        _options = options;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            ConnectCallback = ConnectAsync,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        };
        _http = new HttpClient(handler) { Timeout = options.Timeout };
    }

    public async Task<(MemoryStream Body, string FileName, string? ContentType)> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var current = url;
        for (var hop = 0; ; hop++)
        {
            if (!current.IsAbsoluteUri || !_options.Schemes.Contains(current.Scheme))
            {
                throw new BotUrlRefusedException($"The URL {Describe(current)} is refused: only {string.Join(", ", _options.Schemes)} may be fetched.");
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException e) when (e.InnerException is BotUrlRefusedException refused)
            {
                throw new BotUrlRefusedException(refused.Message + (hop > 0 ? $" (reached by redirect from {Describe(url)})" : string.Empty));
            }

            using (response)
            {
                if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    if (hop >= _options.MaxRedirects)
                    {
                        throw new BotUrlRefusedException($"The URL {Describe(url)} redirects more than {_options.MaxRedirects} times.");
                    }

                    current = location.IsAbsoluteUri ? location : new Uri(current, location);
                    continue;
                }

                response.EnsureSuccessStatusCode();
                if (response.Content.Headers.ContentLength > _options.MaxBytes)
                {
                    throw new BotUrlRefusedException($"The URL {Describe(current)} holds {response.Content.Headers.ContentLength} bytes, over the {_options.MaxBytes} allowed.");
                }

                var body = new MemoryStream();
                await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                var buffer = new byte[81920];
                int read;
                while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    if (body.Length + read > _options.MaxBytes)
                    {
                        throw new BotUrlRefusedException($"The URL {Describe(current)} holds more than the {_options.MaxBytes} bytes allowed.");
                    }

                    body.Write(buffer, 0, read);
                }

                body.Position = 0;
                var name = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"');
                if (string.IsNullOrEmpty(name))
                {
                    name = Path.GetFileName(current.AbsolutePath);
                }

                return (body, string.IsNullOrEmpty(name) ? "download" : name, response.Content.Headers.ContentType?.MediaType);
            }
        }
    }

    public void Dispose() => _http.Dispose();

    /// <summary>Whether <paramref name="address"/> may be connected to under <paramref name="options"/>; the reason when not.</summary>
    internal static string? Refusal(IPAddress address, BotUrlFetchOptions options)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return options.AllowLoopback ? null : "loopback";
        }

        var kind = Classify(address);
        return kind is null || (options.AllowPrivateNetworks && kind is "private" or "link-local") ? null : kind;
    }

    private static string? Classify(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return (b[0], b[1], b[2]) switch
            {
                (10, _, _) or (172, >= 16 and <= 31, _) or (192, 168, _) or (100, >= 64 and <= 127, _) => "private",
                (169, 254, _) => "link-local",
                (0, _, _) => "unspecified",
                (192, 0, 0) or (192, 0, 2) or (198, 18 or 19, _) or (198, 51, 100) or (203, 0, 113) => "reserved",
                ( >= 224, _, _) => "multicast or reserved",
                _ => null,
            };
        }

        if (address.Equals(IPAddress.IPv6None) || address.Equals(IPAddress.IPv6Any))
        {
            return "unspecified";
        }

        var bytes = address.GetAddressBytes();
        if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal)
        {
            return "link-local";
        }

        if ((bytes[0] & 0xFE) == 0xFC)
        {
            return "private";
        }

        if (address.IsIPv6Multicast)
        {
            return "multicast or reserved";
        }

        // NAT64 (64:ff9b::/96) carries an IPv4 address that must be checked like one.
        if (bytes[0] == 0x00 && bytes[1] == 0x64 && bytes[2] == 0xFF && bytes[3] == 0x9B)
        {
            return Classify(new IPAddress(bytes[12..16]));
        }

        return bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0x0D && bytes[3] == 0xB8 ? "reserved" : null;
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? new[] { literal }
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        string? reason = null;
        foreach (var address in addresses)
        {
            reason = Refusal(address, _options);
            if (reason is not null)
            {
                // One address that is not public refuses the host: it could be chosen next time.
                throw new BotUrlRefusedException($"The host {host} resolves to {address}, a {reason} address; the bot fetches only public addresses (BotUrlFetchOptions).");
            }
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static string Describe(Uri url) => url.IsAbsoluteUri ? url.GetLeftPart(UriPartial.Path) : url.ToString();
}
