using System;
using System.Threading.Tasks;
using FeishuGen.Drill.Api.Im.V1;
using FeishuGen.Testing;
using static FeishuGen.Drill.DrillContext;

namespace FeishuGen.Drill;

/// <summary>A 256 MiB download read through the generated method: content checked byte by byte, allocations measured.</summary>
internal static class Download
{
    private const long Size = 256L * 1024 * 1024;

    public static async Task<string> RunAsync(DrillContext _)
    {
        await using var d = await DrillContext.StartAsync(new FeishuTestServerOptions { DownloadSize = Size });
        var before = GC.GetTotalAllocatedBytes(precise: true);
        await using var file = await d.Api.Im.V1.Image.GetAsync(new GetImageRequest { ImageKey = "img_huge" });
        var buffer = new byte[81920];
        long position = 0;
        int read;
        while ((read = await file.Content.ReadAsync(buffer)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] != FeishuTestServer.DownloadByteAt(position + i))
                {
                    throw new DrillFailure($"byte {position + i} differs");
                }
            }

            position += read;
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Expect(position == Size, $"read {position} bytes");
        Expect(allocated < 32L * 1024 * 1024, $"allocated {allocated / 1024 / 1024} MiB");
        return $"{position / 1024 / 1024} MiB read, {allocated / 1024} KiB allocated, file name {file.FileName}";
    }
}
