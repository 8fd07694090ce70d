using System.Collections.Generic;
using System.Threading.Tasks;
using FeishuGen.Testing;
using FeishuGen.Tests.Api;
using FeishuGen.Tests.Api.Hire.V1;
using FeishuGen.Tests.Api.Im.V1;
using FeishuGen.Tests.Support;
using Xunit;

namespace FeishuGen.Tests.Runtime;

/// <summary>Success is only Feishu's code 0 on a 2xx; every other reply is a typed exception with a safe excerpt.</summary>
public sealed class ReplyValidationTests : LoopbackTest
{
    private const string ChatsPath = "/open-apis/im/v1/chats";
    private static readonly Dictionary<string, string> Html = new() { ["Content-Type"] = "text/html" };

    [Theory]
    [InlineData(200, """{"data":{}}""", "application/json")]
    [InlineData(200, "<html>captive portal</html>", "text/html")]
    [InlineData(200, "[]", "application/json")]
    [InlineData(404, "404 page not found", "text/plain")]
    [InlineData(400, """{"code":0,"msg":"ok"}""", "application/json")]
    public async Task A_reply_that_is_not_feishus_success_is_a_format_exception_with_status_and_excerpt(int status, string body, string contentType)
    {
        Server.Enqueue(new ScriptedReply(status, body, new Dictionary<string, string> { ["Content-Type"] = contentType }), ChatsPath);

        var error = await Assert.ThrowsAsync<FeishuResponseFormatException>(() => Api.Im.V1.Chat.ListAsync(new ListChatRequest()));

        Assert.Equal(status, error.HttpStatus);
        Assert.Equal(body, error.BodyExcerpt);
        Assert.NotNull(error.LogId);
        Assert.Contains(body, error.Message);
    }

    [Fact]
    public async Task A_gateway_5xx_with_foreign_json_is_a_server_fault_retried_on_a_get()
    {
        Server.Enqueue(new ScriptedReply(502, """{"message":"no healthy upstream"}"""), ChatsPath);

        await Api.Im.V1.Chat.ListAsync(new ListChatRequest());

        Assert.Equal(2, Server.ApiRequests.Count);
    }

    [Fact]
    public async Task An_excerpt_masks_the_token_a_proxy_echoes_back_and_stays_short_and_on_one_line()
    {
        const string token = "t-secret-token-that-must-not-leak";
        Server.Enqueue(new ScriptedReply(200, "<html>\r\nYou sent: Bearer " + token + "\r\n" + new string('x', 1000) + "</html>", Html), ChatsPath);

        var error = await Assert.ThrowsAsync<FeishuResponseFormatException>(() => Api.Im.V1.Chat.ListAsync(new ListChatRequest(), new FeishuRequestOptions { AccessToken = token }));

        Assert.DoesNotContain(token, error.Message);
        Assert.Contains("You sent: Bearer ***", error.BodyExcerpt);
        Assert.DoesNotContain("\n", error.BodyExcerpt);
        Assert.True(error.BodyExcerpt!.Length <= 257, error.BodyExcerpt.Length.ToString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_reply_larger_than_MaxResponseBytes_fails_without_reading_it_all(bool declaresLength)
    {
        var options = Server.CreateClientOptions();
        options.MaxResponseBytes = 1024;
        var api = new FeishuApi(options, Http);
        var body = """{"code":0,"msg":"ok","data":{"items":[""" + string.Join(",", System.Linq.Enumerable.Repeat("""{"chat_id":"oc_0123456789"}""", 200)) + "]}}";
        var headers = declaresLength ? new Dictionary<string, string> { ["Content-Length"] = System.Text.Encoding.UTF8.GetByteCount(body).ToString() } : null;
        Server.Enqueue(new ScriptedReply(200, body, headers), ChatsPath);

        var error = await Assert.ThrowsAsync<FeishuResponseFormatException>(() => api.Im.V1.Chat.ListAsync(new ListChatRequest()));

        Assert.Contains("MaxResponseBytes", error.Message);
        Assert.Equal(200, error.HttpStatus);
    }

    [Fact]
    public async Task A_feishu_error_code_wins_whatever_the_status_and_shape_of_data()
    {
        Server.Enqueue(new ScriptedReply(200, """{"code":1002862,"msg":"not found","data":"unexpected"}"""), "/open-apis/hire/v1/eco_background_checks/update_result");

        var error = await Assert.ThrowsAsync<FeishuApiException>(() => Api.Hire.V1.EcoBackgroundCheck.UpdateResultAsync(new UpdateResultEcoBackgroundCheckRequest { BackgroundCheckId = "1", Result = "x", ResultTime = "1" }));

        Assert.Equal(1002862, error.Code);
        Assert.Null(error.BodyExcerpt);
    }

    [Fact]
    public async Task A_download_answered_with_json_code_0_is_the_file_and_json_without_code_is_refused()
    {
        Server.Enqueue(new ScriptedReply(200, """{"code":0,"msg":"ok","data":{}}"""), "/open-apis/im/v1/images/img_json");
        await using (var file = await Api.Im.V1.Image.GetAsync(new GetImageRequest { ImageKey = "img_json" }))
        {
            using var reader = new System.IO.StreamReader(file.Content);
            Assert.Equal("""{"code":0,"msg":"ok","data":{}}""", await reader.ReadToEndAsync());
        }

        Server.Enqueue(new ScriptedReply(200, """{"status":"ok"}"""), "/open-apis/im/v1/images/img_foreign");
        await Assert.ThrowsAsync<FeishuResponseFormatException>(() => Api.Im.V1.Image.GetAsync(new GetImageRequest { ImageKey = "img_foreign" }));
    }

    [Fact]
    public async Task A_connection_lost_while_reading_an_error_body_is_a_typed_transport_fault_and_a_get_is_retried()
    {
        // The server promises 500 bytes and sends 10: the client's read of the body fails mid-way.
        var truncated = new Dictionary<string, string> { ["Content-Type"] = "application/json", ["Content-Length"] = "500" };
        Server.Enqueue(new ScriptedReply(400, """{"code":1""", truncated), "/open-apis/im/v1/images/img_cut");
        await using (var file = await Api.Im.V1.Image.GetAsync(new GetImageRequest { ImageKey = "img_cut" }))
        {
            Assert.Equal(2, Server.ApiRequests.Count);
        }

        var options = Server.CreateClientOptions();
        options.Retry.Enabled = false;
        var api = new FeishuApi(options, Http);
        Server.Enqueue(new ScriptedReply(400, """{"code":1""", truncated), "/open-apis/im/v1/images/img_cut");
        var error = await Assert.ThrowsAsync<FeishuTransportException>(() => api.Im.V1.Image.GetAsync(new GetImageRequest { ImageKey = "img_cut" }));
        Assert.Equal(1, error.Attempts);
    }
}
