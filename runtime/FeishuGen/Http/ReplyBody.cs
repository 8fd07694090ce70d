using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace FeishuGen.Http;

/// <summary>
/// A reply body read once into a pooled buffer, at most a given size. HttpClient's own buffering
/// (ResponseContentRead) plus ReadAsByteArrayAsync would hold it twice, and neither has a cap.
/// </summary>
internal sealed class ReplyBody : IDisposable
{
    private byte[] _buffer;

    private ReplyBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, Length);

    /// <summary>Reads the whole body, failing once it passes <paramref name="maxBytes"/> (without reading the rest).</summary>
    /// <exception cref="FeishuResponseFormatException">The body is larger than <paramref name="maxBytes"/>.</exception>
    public static async ValueTask<ReplyBody> ReadAsync(HttpResponseMessage response, long maxBytes, CancellationToken cancellationToken)
    {
        var declared = response.Content.Headers.ContentLength;
        if (declared > maxBytes)
        {
            throw TooLarge(response, maxBytes);
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp(declared ?? 16 * 1024, 256, maxBytes + 1));
        var length = 0;
        try
        {
            using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > maxBytes)
                    {
                        throw TooLarge(response, maxBytes);
                    }

                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, maxBytes + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > maxBytes)
                {
                    throw TooLarge(response, maxBytes);
                }
            }

            return new ReplyBody(buffer, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, Array.Empty<byte>());
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static FeishuResponseFormatException TooLarge(HttpResponseMessage response, long maxBytes)
        => new($"The reply is larger than FeishuClientOptions.MaxResponseBytes ({maxBytes:N0} bytes); it was not read further.")
        {
            HttpStatus = (int)response.StatusCode,
            LogId = ReplyHeaders.LogId(response),
        };
}
