using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using FeishuGen.Files;
using FeishuGen.Tests.Api.Im.V1;
using FeishuGen.Tests.Support;
using Xunit;

namespace FeishuGen.Tests.Runtime;

/// <summary>Path parameters that cannot change the route, download names safe to save, upload names that arrive as written.</summary>
public sealed class PathAndNameTests : LoopbackTest
{
    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("a\nb")]
    [InlineData("a\u0000b")]
    [InlineData("\u007f")]
    public void Path_parameters_that_would_address_another_endpoint_are_refused(string value)
        => Assert.Throws<ArgumentException>(() => FeishuUrl.Segment(value));

    [Theory]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("../x", "..%2Fx")]
    [InlineData("...", "...")]
    [InlineData("%2e%2e", "%252e%252e")]
    [InlineData("om_x?y#z", "om_x%3Fy%23z")]
    [InlineData("群", "%E7%BE%A4")]
    public void Other_values_are_escaped_as_one_segment(string value, string escaped)
        => Assert.Equal(escaped, FeishuUrl.Segment(value));

    [Fact]
    public async Task A_dot_dot_path_parameter_sends_nothing()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Api.Im.V1.Image.GetAsync(new GetImageRequest { ImageKey = ".." }));

        Assert.Empty(Server.Requests);
    }

    [Theory]
    [InlineData("../../evil.sh", "evil.sh")]
    [InlineData("..\\..\\Windows\\boot.ini", "boot.ini")]
    [InlineData("/etc/passwd", "passwd")]
    [InlineData("CON.txt", "_CON.txt")]
    [InlineData("a:b*c?d\"e<f>g|h.txt", "a_b_c_d_e_f_g_h.txt")]
    [InlineData(" .hidden. ", "hidden")]
    [InlineData("报告 2026.pdf", "报告 2026.pdf")]
    [InlineData("..", null)]
    [InlineData("a/", null)]
    [InlineData("line\r\nbreak.txt", "line__break.txt")]
    public void Download_names_are_made_safe_to_save(string raw, string? safe)
        => Assert.Equal(safe, SafeFileName.From(raw));

    [Fact]
    public void A_very_long_download_name_is_shortened_keeping_its_extension()
    {
        var safe = SafeFileName.From(new string('长', 300) + ".xlsx")!;

        Assert.Equal(200, safe.Length);
        Assert.EndsWith(".xlsx", safe);
    }

    [Fact]
    public void The_raw_name_stays_available_next_to_the_safe_one()
    {
        using var response = new HttpResponseMessage { Content = new ByteArrayContent(Array.Empty<byte>()) };
        response.Content.Headers.TryAddWithoutValidation("Content-Disposition", "attachment; filename=\"x.bin\"; filename*=UTF-8''..%2F..%2F%E6%8A%A5%E5%91%8A.sh");
        using var download = new FeishuDownload(response, Stream.Null, null);

        Assert.Equal("../../报告.sh", download.RawFileName);
        Assert.Equal("报告.sh", download.FileName);
    }

    [Theory]
    [InlineData("logo.png")]
    [InlineData("报告 \"最终\" 版.pdf")]
    [InlineData("back\\slash;semi=colon.txt")]
    [InlineData("名前 with ' quote and % percent.png")]
    public async Task Upload_file_names_arrive_as_written_through_aspnet_cores_multipart_parser(string fileName)
    {
        using var content = new MemoryStream(new byte[] { 1, 2, 3, 4 });

        await Api.Im.V1.Image.CreateAsync(new CreateImageRequest
        {
            Form = new FeishuFormData().Add("image_type", "message").Add("image", new FeishuFile(content, fileName, "image/png")),
        });

        var parts = Assert.Single(Server.ApiRequests).FormParts;
        Assert.Equal(new[] { "image_type", "image" }, parts.Select(p => p.Name));
        Assert.Null(parts[0].FileName);
        Assert.Equal("message", Encoding.UTF8.GetString(parts[0].Content));
        Assert.Equal(fileName, parts[1].FileName);
        Assert.Equal("image/png", parts[1].ContentType);
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, parts[1].Content);
    }

    [Fact]
    public async Task Upload_headers_on_the_wire_are_an_rfc7578_quoted_string_in_utf8_without_filename_star()
    {
        using var content = new MemoryStream(new byte[] { 7 });

        await Api.Im.V1.Image.CreateAsync(new CreateImageRequest { Form = new FeishuFormData().Add("image", new FeishuFile(content, "报告 \"v2\".pdf")) });

        var raw = Assert.Single(Server.ApiRequests).RawBody;
        var expected = Encoding.UTF8.GetBytes("Content-Disposition: form-data; name=\"image\"; filename=\"报告 \\\"v2\\\".pdf\"\r\n");
        Assert.True(raw.AsSpan().IndexOf(expected) >= 0, Encoding.UTF8.GetString(raw));
        Assert.DoesNotContain("filename*", Encoding.UTF8.GetString(raw));
    }

    [Fact]
    public void A_file_part_with_an_unreadable_media_type_is_refused_when_built()
        => Assert.Throws<ArgumentException>(() => new FeishuFile(Stream.Null, "a.png", "not a media type"));
}
