using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;

namespace FeishuGen;

/// <summary>
/// A downloaded file, read from the network as the caller reads <see cref="Content"/>: nothing
/// is buffered whole. Dispose it to release the connection.
/// </summary>
public sealed class FeishuDownload : IDisposable, IAsyncDisposable
{
    private readonly HttpResponseMessage _response;

    internal FeishuDownload(HttpResponseMessage response, Stream content, string? logId)
    {
        _response = response;
        Content = content;
        LogId = logId;
        var headers = response.Content.Headers;
        ContentType = headers.ContentType?.MediaType;
        Length = headers.ContentLength;
        RawFileName = FileNameOf(headers.ContentDisposition);
        FileName = Files.SafeFileName.From(RawFileName);
    }

    /// <summary>The file's bytes, streamed.</summary>
    public Stream Content { get; }

    /// <summary>
    /// The file name from Content-Disposition made safe to save under: no directory parts (a reply
    /// naming <c>../../evil.sh</c> gives <c>evil.sh</c>), no characters a file system refuses, no
    /// device names. Null when the reply names no file.
    /// </summary>
    public string? FileName { get; }

    /// <summary>The file name exactly as the reply gave it (<c>filename*</c> preferred, percent-decoded): never join it to a path.</summary>
    public string? RawFileName { get; }

    /// <summary>The media type, or null.</summary>
    public string? ContentType { get; }

    /// <summary>The length in bytes when the server sent it.</summary>
    public long? Length { get; }

    /// <summary>Feishu's log id of the reply.</summary>
    public string? LogId { get; }

    /// <summary>Copies the content to a file.</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="cancellationToken">Cancels the copy.</param>
    public async Task SaveAsAsync(string path, System.Threading.CancellationToken cancellationToken = default)
    {
        await using var file = File.Create(path);
        await Content.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Content.Dispose();
        _response.Dispose();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await Content.DisposeAsync().ConfigureAwait(false);
        _response.Dispose();
    }

    internal static string? FileNameOf(ContentDispositionHeaderValue? disposition)
    {
        if (disposition is null)
        {
            return null;
        }

        // RFC 6266/5987: filename*=UTF-8''%E6%8A%A5%E5%91%8A.pdf beats the plain filename.
        if (disposition.FileNameStar is { Length: > 0 } star)
        {
            return star;
        }

        var name = disposition.FileName?.Trim('"');
        if (name is null)
        {
            return null;
        }

        try
        {
            return Uri.UnescapeDataString(name);
        }
        catch (UriFormatException)
        {
            return name;
        }
    }
}
