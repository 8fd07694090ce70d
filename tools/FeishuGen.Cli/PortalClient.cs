using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace FeishuGen.Cli;

/// <summary>A page as the docs portal serves it: content without front matter, and its facts.</summary>
/// <param name="FullPath">The page's path on the portal.</param>
/// <param name="Title">Its title: the portal's, else the page's first heading.</param>
/// <param name="UpdateTime">When it last changed (ms), as the portal says.</param>
/// <param name="Content">The page in the portal's form.</param>
internal sealed record PortalPage(string FullPath, string Title, string UpdateTime, string Content);

/// <summary>Why a page could not be fetched, in words for the user.</summary>
internal sealed class PortalException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The docs portal's document API: <c>GET /document_portal/v1/document/get_detail?fullPath=…</c>.</summary>
internal sealed class PortalClient(HttpClient http, Uri portal)
{
    public const string DetailPath = "/document_portal/v1/document/get_detail";

    /// <summary>A doc URL (https://open.feishu.cn/document/…) or a fullPath, as a fullPath; null when it is neither.</summary>
    public static string? FullPathOf(string input)
    {
        var value = input.Trim();
        if (Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            var at = url.AbsolutePath.IndexOf("/document/", StringComparison.Ordinal);
            return at < 0 ? null : url.AbsolutePath.Substring(at + "/document".Length).TrimEnd('/');
        }

        return value.StartsWith("/", StringComparison.Ordinal) && value.Length > 1 && value.IndexOfAny(new[] { ' ', '?', '#' }) < 0 ? value.TrimEnd('/') : null;
    }

    public async Task<PortalPage> GetAsync(string fullPath, CancellationToken cancellationToken)
    {
        var url = new Uri(portal, DetailPath + "?fullPath=" + Uri.EscapeDataString(fullPath));
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(url, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new PortalException($"could not reach the docs portal at {portal}: {e.Message}", e);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new PortalException($"the docs portal answered HTTP {(int)response.StatusCode} for {fullPath}");
            }

            try
            {
                using var document = JsonDocument.Parse(body);
                var root = document.RootElement;
                var code = root.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt64() : -1;
                if (code != 0)
                {
                    var msg = root.TryGetProperty("msg", out var m) ? m.GetString() : null;
                    throw new PortalException($"the docs portal has no page at {fullPath} (code {code}: {msg})");
                }

                var data = root.GetProperty("data");
                var content = data.GetProperty("content").GetString() ?? throw new PortalException($"the docs portal sent no content for {fullPath}");
                // The portal's title; a document without one is titled by its own first heading, never left empty.
                var title = Text(data, "title") is { Length: > 0 } given && !string.IsNullOrWhiteSpace(given) ? given.Trim()
                    : Text(data, "name") is { Length: > 0 } name && !string.IsNullOrWhiteSpace(name) ? name.Trim()
                    : PageKind.TitleOf(content);
                return new PortalPage(fullPath, title, Text(data, "updateTime") ?? string.Empty, content);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or System.Collections.Generic.KeyNotFoundException)
            {
                throw new PortalException($"the docs portal's answer for {fullPath} is not its document JSON", e);
            }
        }
    }

    private static string? Text(JsonElement data, string name)
        => data.TryGetProperty(name, out var value) ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.ToString() : null;
}
