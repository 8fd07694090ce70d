using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;

namespace FeishuGen.Http;

/// <summary>Builds the HTTP request of a call: URL, Authorization, User-Agent and a JSON or multipart body.</summary>
internal static class RequestFactory
{
    private static readonly MediaTypeHeaderValue JsonContentType = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");

    // Feishu reads UTF-8 JSON: Chinese text goes over the wire as written, not as \u escapes.
    private static readonly JsonWriterOptions BodyWriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static HttpRequestMessage Create(FeishuApiCall call, Uri baseAddress, string token, string userAgent, IReadOnlyDictionary<string, string>? headers, IDictionary<FeishuFile, long>? streamStarts)
    {
        var request = new HttpRequestMessage(Method(call.Endpoint.HttpMethod), new Uri(baseAddress, call.PathAndQuery()));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        // Validated when the options were built: not parsed again on every request.
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        if (headers is not null)
        {
            // Checked when the options were built (no client-owned names, no line breaks).
            foreach (var header in headers)
            {
                request.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        if (call.Form is { } form)
        {
            request.Content = Multipart(form, streamStarts ?? new Dictionary<FeishuFile, long>());
        }
        else if (call.HasJsonBody)
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
            using (var writer = new Utf8JsonWriter(buffer, BodyWriterOptions))
            {
                call.WriteJsonBody(writer);
            }

            // The written bytes themselves, not a copy: the buffer lives as long as the request.
            var content = new ReadOnlyMemoryContent(buffer.WrittenMemory);
            content.Headers.ContentType = JsonContentType;
            request.Content = content;
        }

        return request;
    }

    // The shared instances, so that a call allocates no HttpMethod.
    private static HttpMethod Method(string method) => method switch
    {
        "GET" => HttpMethod.Get,
        "POST" => HttpMethod.Post,
        "PUT" => HttpMethod.Put,
        "PATCH" => HttpMethod.Patch,
        "DELETE" => HttpMethod.Delete,
        _ => new HttpMethod(method),
    };

    // Files are streamed from their current position; a replay rewinds seekable streams to it.
    // MultipartContent rather than MultipartFormDataContent: the latter rewrites a Content-Disposition
    // it cannot parse. Part headers are written in UTF-8 so that file names travel as written.
    private static MultipartContent Multipart(FeishuFormData form, IDictionary<FeishuFile, long> streamStarts)
    {
        var content = new MultipartContent("form-data", "feishugen-" + Guid.NewGuid().ToString("N"))
        {
            HeaderEncodingSelector = static (_, _) => System.Text.Encoding.UTF8,
        };
        foreach (var part in form)
        {
            if (part.Value is FeishuFile file)
            {
                if (file.Content.CanSeek)
                {
                    if (streamStarts.TryGetValue(file, out var start))
                    {
                        file.Content.Position = start;
                    }
                    else
                    {
                        streamStarts[file] = file.Content.Position;
                    }
                }

                var stream = new StreamContent(new NonDisposingStream(file.Content));
                stream.Headers.TryAddWithoutValidation("Content-Disposition", Files.FormDataDisposition.For(part.Key, file.FileName));
                stream.Headers.ContentType = MediaTypeHeaderValue.Parse(file.ContentType);
                content.Add(stream);
            }
            else
            {
                var text = new StringContent((string)part.Value);
                text.Headers.TryAddWithoutValidation("Content-Disposition", Files.FormDataDisposition.For(part.Key, null));
                content.Add(text);
            }
        }

        return content;
    }

    /// <summary>Keeps the caller's stream open when the request is disposed: the caller owns it.</summary>
    private sealed class NonDisposingStream : Stream
    {
        private readonly Stream _inner;

        public NonDisposingStream(Stream inner) => _inner = inner;

        public override bool CanRead => _inner.CanRead;

        public override bool CanSeek => _inner.CanSeek;

        public override bool CanWrite => false;

        public override long Length => _inner.Length;

        public override long Position
        {
            get => _inner.Position;
            set => _inner.Position = value;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override System.Threading.Tasks.ValueTask<int> ReadAsync(Memory<byte> buffer, System.Threading.CancellationToken cancellationToken = default)
            => _inner.ReadAsync(buffer, cancellationToken);

        public override long Seek(long offset, SeekOrigin origin) => _inner.Seek(offset, origin);

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
