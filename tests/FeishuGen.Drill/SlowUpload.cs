using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FeishuGen.Drill.Api;
using FeishuGen.Drill.Api.Im.V1;
using Microsoft.Extensions.Time.Testing;
using static FeishuGen.Drill.DrillContext;

namespace FeishuGen.Drill;

/// <summary>
/// An upload that takes more than the 30 s attempt limit, on a fake clock (the client measures
/// its timeouts on its TimeProvider, so half a minute passes without waiting for it): with a
/// per-call limit of 2 minutes it completes; without one, the same upload times out at 30 s.
/// </summary>
internal static class SlowUpload
{
    public static async Task<string> RunAsync(DrillContext d)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var options = d.Server.CreateClientOptions();
        options.Timeout = TimeSpan.FromSeconds(30);
        options.UploadTimeout = TimeSpan.FromSeconds(30);
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        using var client = new FeishuClient(options, http, timeProvider: clock);
        var api = new FeishuApi(client);

        // The token first, so that the clock moves only while the upload is on the wire.
        await api.Im.V1.Chat.ListAsync(new ListChatRequest());
        var withLimit = await UploadAsync(api, clock, new FeishuRequestOptions { Timeout = TimeSpan.FromMinutes(2) });
        var without = await UploadAsync(api, clock, null);
        Expect(withLimit is null, "with a 2 min limit: " + withLimit?.GetType().Name + " " + withLimit?.Message);
        Expect(without is FeishuTransportException { IsTimeout: true }, "without a per-call limit: " + (without?.GetType().Name ?? "succeeded"));
        return "31 s upload: completed under the 2 min per-call limit; timed out (FeishuTransportException) under the 30 s default";
    }

    private static async Task<Exception?> UploadAsync(FeishuApi api, Microsoft.Extensions.Time.Testing.FakeTimeProvider clock, FeishuRequestOptions? perCall)
    {
        var content = new SlowStream(64 * 1024);
        var form = new FeishuFormData().Add("image_type", "message").Add("image", new FeishuFile(content, "slow.png", "image/png"));
        var upload = api.Im.V1.Image.CreateAsync(new CreateImageRequest { Form = form }, perCall);
        await content.Started.WaitAsync(TimeSpan.FromSeconds(10));
        clock.Advance(TimeSpan.FromSeconds(31));
        await Task.Delay(200);
        content.Release();
        try
        {
            await upload.WaitAsync(TimeSpan.FromSeconds(10));
            return null;
        }
        catch (Exception e) when (e is not TimeoutException)
        {
            return e;
        }
    }

    /// <summary>Hands out half of its bytes, then waits to be released (or cancelled), as a slow link would.</summary>
    private sealed class SlowStream(int size) : Stream
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _position;

        public Task Started => _started.Task;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => size;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public void Release() => _released.TrySetResult();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_position >= size / 2)
            {
                _started.TrySetResult();
                await _released.Task.WaitAsync(cancellationToken);
            }

            var count = Math.Min(buffer.Length, size - _position);
            buffer.Span.Slice(0, count).Fill(0x42);
            _position += count;
            return count;
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
