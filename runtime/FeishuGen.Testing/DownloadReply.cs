using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace FeishuGen.Testing;

/// <summary>
/// Answers a download endpoint with a file of <see cref="FeishuTestServerOptions.DownloadSize"/>
/// bytes, written in chunks as it is generated (never held whole), named in Content-Disposition
/// the way Feishu does: an ASCII fallback and an RFC 5987 <c>filename*</c>.
/// </summary>
internal static class DownloadReply
{
    public static async Task WriteAsync(HttpContext context, FeishuEndpoint endpoint, string path, FeishuTestServerOptions options)
    {
        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = "application/octet-stream";
        response.ContentLength = options.DownloadSize;
        var name = options.DownloadFileName;
        response.Headers.ContentDisposition = $"attachment; filename=\"{Ascii(name)}\"; filename*=UTF-8''{Uri.EscapeDataString(name)}";

        var chunk = new byte[64 * 1024];
        var remaining = options.DownloadSize;
        var offset = 0L;
        while (remaining > 0)
        {
            var size = (int)Math.Min(chunk.Length, remaining);
            Fill(chunk, size, offset);
            await response.Body.WriteAsync(chunk.AsMemory(0, size), context.RequestAborted).ConfigureAwait(false);
            remaining -= size;
            offset += size;
        }
    }

    /// <summary>The byte at <paramref name="position"/> of every local download, so tests can check content.</summary>
    public static byte ByteAt(long position) => (byte)(position * 31 % 251);

    private static void Fill(byte[] buffer, int size, long offset)
    {
        for (var i = 0; i < size; i++)
        {
            buffer[i] = ByteAt(offset + i);
        }
    }

    private static string Ascii(string name)
    {
        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] > 126 || chars[i] < 32 || chars[i] == '"')
            {
                chars[i] = '_';
            }
        }

        return new string(chars);
    }
}
