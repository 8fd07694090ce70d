using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FeishuGen.Testing;

/// <summary>
/// A local stand-in for the docs portal's document API (<c>GET /document_portal/v1/document/get_detail?fullPath=…</c>),
/// on loopback, serving pages in the portal's form from a folder (each page's front matter names
/// its fullPath, or, for pages of the Lark portal, its full_path). <c>feishugen add</c> and
/// <c>update</c> are tested against it, as the Feishu or the Lark portal; a test can edit a
/// document or make the next request fail.
/// </summary>
public sealed class FeishuDocsPortal : IAsyncDisposable
{
    /// <summary>The document API's path.</summary>
    public const string DetailPath = "/document_portal/v1/document/get_detail";

    private static readonly Regex FrontMatterField = new(@"^(title|fullPath|full_path|updateTime|updated_at):\s*""?(.*?)""?\s*$", RegexOptions.Multiline | RegexOptions.Compiled);
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Document> _documents;
    private readonly ConcurrentQueue<int> _failures = new();
    private int _requests;

    private FeishuDocsPortal(WebApplication app, ConcurrentDictionary<string, Document> documents, Uri baseAddress)
    {
        _app = app;
        _documents = documents;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the portal listens (loopback).</summary>
    public Uri BaseAddress { get; }

    /// <summary>How many document requests it has answered.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Starts a portal serving every page under <paramref name="pagesFolder"/> that has a fullPath.</summary>
    /// <param name="pagesFolder">Pages in the portal's form, with front matter.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<FeishuDocsPortal> StartAsync(string pagesFolder, CancellationToken cancellationToken = default)
    {
        var documents = new ConcurrentDictionary<string, Document>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(pagesFolder, "*.md", SearchOption.AllDirectories))
        {
            if (Parse(File.ReadAllText(file)) is { } document)
            {
                documents[document.FullPath] = document;
            }
        }

        FeishuDocsPortal? portal = null;
        var (app, address) = await LoopbackHost.StartAsync(context => portal!.HandleAsync(context), 0, cancellationToken).ConfigureAwait(false);
        portal = new FeishuDocsPortal(app, documents, address);
        return portal;
    }

    /// <summary>Replaces a document's content, as an edit on the portal would (its updateTime moves on).</summary>
    /// <param name="fullPath">The document's fullPath.</param>
    /// <param name="content">The new page content (without front matter).</param>
    public void Edit(string fullPath, string content)
    {
        var old = _documents[fullPath];
        _documents[fullPath] = old with { Content = content, UpdateTime = old.UpdateTime + 1 };
    }

    /// <summary>The content the portal serves for <paramref name="fullPath"/>.</summary>
    /// <param name="fullPath">The document's fullPath.</param>
    public string ContentOf(string fullPath) => _documents[fullPath].Content;

    /// <summary>Answers the next request with <paramref name="status"/> and no document.</summary>
    /// <param name="status">The HTTP status, e.g. 503.</param>
    public void FailNext(int status) => _failures.Enqueue(status);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        context.Response.ContentType = "application/json; charset=utf-8";
        if (_failures.TryDequeue(out var status))
        {
            context.Response.StatusCode = status;
            await context.Response.WriteAsync("{\"code\":" + status + ",\"msg\":\"portal unavailable\"}").ConfigureAwait(false);
            return;
        }

        var fullPath = context.Request.Query["fullPath"].ToString();
        if (context.Request.Path != DetailPath || !_documents.TryGetValue(fullPath, out var document))
        {
            await context.Response.WriteAsync(new JsonObject { ["code"] = 10004, ["msg"] = "document not found: " + fullPath }.ToJsonString()).ConfigureAwait(false);
            return;
        }

        var data = new JsonObject { ["content"] = document.Content, ["fullPath"] = document.FullPath, ["title"] = document.Title, ["updateTime"] = document.UpdateTime.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        await context.Response.WriteAsync(new JsonObject { ["code"] = 0, ["msg"] = "success", ["data"] = data }.ToJsonString()).ConfigureAwait(false);
    }

    private static Document? Parse(string text)
    {
        if (!text.StartsWith("---", StringComparison.Ordinal))
        {
            return null;
        }

        var end = text.IndexOf("\n---", 3, StringComparison.Ordinal);
        if (end < 0)
        {
            return null;
        }

        var fields = new Dictionary<string, string>();
        foreach (Match match in FrontMatterField.Matches(text.Substring(0, end)))
        {
            fields[match.Groups[1].Value] = match.Groups[2].Value;
        }

        var content = text.Substring(text.IndexOf('\n', end + 1) + 1).TrimStart('\n');
        var path = fields.GetValueOrDefault("fullPath") ?? fields.GetValueOrDefault("full_path");
        return path is null ? null : new Document(path, fields.GetValueOrDefault("title") ?? string.Empty, UpdateTime(fields), content);
    }

    // updateTime in milliseconds (the Feishu portal's mirror), or the Lark portal's updated_at as a UTC time.
    private static long UpdateTime(Dictionary<string, string> fields)
    {
        if (long.TryParse(fields.GetValueOrDefault("updateTime"), out var time))
        {
            return time;
        }

        return DateTimeOffset.TryParse(fields.GetValueOrDefault("updated_at"), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
            ? at.ToUnixTimeMilliseconds()
            : 0;
    }

    private sealed record Document(string FullPath, string Title, long UpdateTime, string Content);
}
