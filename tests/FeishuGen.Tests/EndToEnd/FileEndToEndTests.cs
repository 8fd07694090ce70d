using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using FeishuGen.Testing;
using FeishuGen.Tests.Api;
using FeishuGen.Tests.Api.Im.V1;
using FeishuGen.Tests.Support;
using Xunit;

namespace FeishuGen.Tests.EndToEnd;

/// <summary>Uploads and downloads generated from the pages in specs/消息, over loopback HTTP.</summary>
public sealed class FileEndToEndTests : LoopbackTest
{
    protected override FeishuTestServerOptions ServerOptions => new() { DownloadSize = 300_000 };

    [Fact]
    public async Task An_upload_page_becomes_a_multipart_method_with_named_parts_and_a_typed_reply()
    {
        using var image = new MemoryStream(new byte[] { 0x89, 0x50, 0x4E, 0x47, 1, 2, 3 });
        var reply = await Api.Im.V1.Image.CreateAsync(new CreateImageRequest
        {
            Form = new FeishuFormData().Add("image_type", "message").Add("image", new FeishuFile(image, "logo.png", "image/png")),
        });

        Assert.Equal("img_v2_0123456789abcdef", reply.ImageKey);
        var call = Assert.Single(Server.ApiRequests);
        Assert.Equal("POST", call.Method);
        Assert.Equal("/open-apis/im/v1/images", call.Path);
        Assert.StartsWith("multipart/form-data; boundary=", call.Header("Content-Type"));
        Assert.Contains("name=\"image_type\"", call.Body);
        Assert.Contains("message", call.Body);
        Assert.Contains("name=\"image\"; filename=\"logo.png\"", call.Body);
        Assert.Contains("Content-Type: image/png", call.Body);
    }

    [Fact]
    public async Task An_upload_whose_token_is_revoked_rewinds_its_stream_and_replays_once()
    {
        await Api.Im.V1.Image.CreateAsync(new CreateImageRequest { Form = new FeishuFormData().Add("image_type", "message") });
        Server.RevokeTokens();
        using var image = new MemoryStream(new byte[] { 9, 8, 7, 6 });

        await Api.Im.V1.Image.CreateAsync(new CreateImageRequest { Form = new FeishuFormData().Add("image", new FeishuFile(image, "again.png")) });

        var uploads = Server.ApiRequests;
        Assert.Equal(3, uploads.Count);
        Assert.Contains("again.png", uploads[2].Body);

        // The rejected attempt and the replay both carried the whole file: the stream was rewound.
        Assert.Contains("\u0009\u0008\u0007\u0006", uploads[1].Body);
        Assert.Contains("\u0009\u0008\u0007\u0006", uploads[2].Body);
        Assert.Equal(uploads[1].Body.Length, uploads[2].Body.Length);
    }

    [Fact]
    public async Task A_download_page_becomes_a_method_returning_a_stream_with_the_file_name()
    {
        await using var file = await Api.Im.V1.Image.GetAsync(new GetImageRequest { ImageKey = "img_v2_0123456789abcdef" });

        Assert.Equal("下载文件.bin", file.FileName);
        Assert.Equal("application/octet-stream", file.ContentType);
        Assert.Equal(300_000, file.Length);
        var bytes = new MemoryStream();
        await file.Content.CopyToAsync(bytes);
        Assert.Equal(300_000, bytes.Length);
        Assert.True(bytes.ToArray().Select((b, i) => b == FeishuTestServer.DownloadByteAt(i)).All(ok => ok));
        Assert.Equal("/open-apis/im/v1/images/img_v2_0123456789abcdef", Assert.Single(Server.ApiRequests).Path);
    }

    [Fact]
    public async Task A_download_answered_with_a_json_error_throws_the_documented_exception()
    {
        Server.Enqueue(ScriptedReply.Error(400, 234005, "Image has been deleted."), "/open-apis/im/v1/images/img_gone");

        var error = await Assert.ThrowsAsync<FeishuApiException>(() => Api.Im.V1.Image.GetAsync(new GetImageRequest { ImageKey = "img_gone" }));

        Assert.Equal(GetImageErrors.ImageHasBeenDeleted, error.Code);
        Assert.Equal("图片已被删除，请重新上传。", error.Hint);
    }
}
