using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using FeishuGen.Generator.Reading;
using FeishuGen.Testing;
using FeishuGen.Tests.Api;
using FeishuGen.Tests.Api.Hire.V1;
using FeishuGen.Tests.Support;
using Xunit;

namespace FeishuGen.Tests.EndToEnd;

/// <summary>
/// The client generated from specs/ (compiled into this assembly by the generator, as in a
/// user's project) against the local Feishu-compatible server over real loopback HTTP.
/// </summary>
public sealed class SeedEndToEndTests : LoopbackTest
{
    [Fact]
    public async Task Fetches_a_tenant_token_with_the_app_credentials_then_calls_with_bearer()
    {
        await Api.Hire.V1.EcoBackgroundCheck.UpdateResultAsync(PageExampleRequest());

        var token = Server.Requests[0];
        Assert.Equal("POST", token.Method);
        Assert.Equal("/open-apis/auth/v3/tenant_access_token/internal", token.Path);
        var credentials = JsonNode.Parse(token.Body)!;
        Assert.Equal(Server.Options.AppId, (string?)credentials["app_id"]);
        Assert.Equal(Server.Options.AppSecret, (string?)credentials["app_secret"]);
        Assert.Null(token.Header("Authorization"));

        var call = Server.Requests[1];
        Assert.StartsWith("Bearer t-", call.Header("Authorization"));
        Assert.StartsWith("application/json", call.Header("Content-Type"));
    }

    [Fact]
    public async Task Sends_the_exact_method_url_and_a_body_equal_to_the_page_example_and_curl_sample()
    {
        var reply = await Api.Hire.V1.EcoBackgroundCheck.UpdateResultAsync(PageExampleRequest());

        Assert.NotNull(reply);
        var call = Assert.Single(Server.ApiRequests);
        Assert.Equal("POST", call.Method);
        Assert.Equal("/open-apis/hire/v1/eco_background_checks/update_result", call.Path);
        Assert.Equal(string.Empty, call.QueryString);

        var page = PageReader.Read(Repo.SeedPage, Repo.ReadSeed());
        JsonAssert.Equivalent(page.Endpoint!.RequestExample!, call.Body);
        var curl = System.Text.RegularExpressions.Regex.Match(Repo.ReadSeed(), @"curl[^\n]*?'(https?://[^']+)'[\s\S]*?-d '(.*?)'\s*$", System.Text.RegularExpressions.RegexOptions.Multiline | System.Text.RegularExpressions.RegexOptions.Singleline);
        JsonAssert.Equivalent(curl.Groups[2].Value, call.Body);
        Assert.Equal(curl.Groups[1].Value, "https://open.feishu.cn" + call.Path);
    }

    [Fact]
    public async Task Typed_properties_reach_the_wire_under_their_page_names()
    {
        var request = new UpdateResultEcoBackgroundCheckRequest
        {
            BackgroundCheckId = "1",
            Result = "通过",
            ResultTime = "2",
            ReportFileList = [new EcoBackgroundCheckReportFile { ReportName = "r.pdf", ReportUrlType = 2 }],
        };
        await Api.Hire.V1.EcoBackgroundCheck.UpdateResultAsync(request);

        var body = Assert.Single(Server.ApiRequests).Body;
        JsonAssert.Equivalent(
            """{"background_check_id":"1","result":"通过","result_time":"2","report_file_list":[{"report_name":"r.pdf","report_url_type":2}]}""",
            body);
        Assert.Contains("通过", body);
    }

    [Fact]
    public async Task The_documented_error_surfaces_as_a_typed_exception_with_code_msg_log_id_and_the_page_description()
    {
        Server.Enqueue(ScriptedReply.Error(400, 1002862, "background check not exist"), "/open-apis/hire/v1/eco_background_checks/update_result");

        var error = await Assert.ThrowsAsync<FeishuApiException>(() => Api.Hire.V1.EcoBackgroundCheck.UpdateResultAsync(PageExampleRequest()));

        Assert.Equal(UpdateResultEcoBackgroundCheckErrors.Code1002862, error.Code);
        Assert.Equal(1002862, error.Code);
        Assert.Equal(400, error.HttpStatus);
        Assert.Equal("background check not exist", error.Msg);
        Assert.StartsWith("local-", error.LogId);
        Assert.Equal("背调订单不存在", error.Description);
        Assert.Equal("请检查入参`background_check_id`", error.Hint);
        Assert.Equal(FeishuErrorCategory.Business, error.Category);
        Assert.Contains(error.LogId!, error.Message);
        Assert.DoesNotContain(Server.Options.AppSecret, error.ToString());
        Assert.DoesNotContain("Bearer", error.ToString());
    }

    [Fact]
    public async Task The_server_rejects_a_missing_required_field_and_the_client_reports_it()
    {
        var json = JsonNode.Parse(PageReader.Read(Repo.SeedPage, Repo.ReadSeed()).Endpoint!.RequestExample!)!.AsObject();
        json.Remove("result");
        var request = JsonSerializer.Deserialize<UpdateResultEcoBackgroundCheckRequest>(json.ToJsonString(), FeishuJsonResolver.Options)!;

        var error = await Assert.ThrowsAsync<FeishuApiException>(() => Api.Hire.V1.EcoBackgroundCheck.UpdateResultAsync(request));
        Assert.Equal(99992402, error.Code);
        Assert.Equal("result", error.Details!.FieldViolations.Single().Kind);
    }

    [Fact]
    public async Task The_token_is_fetched_once_and_reused_across_calls()
    {
        for (var i = 0; i < 5; i++)
        {
            await Api.Hire.V1.EcoBackgroundCheck.UpdateResultAsync(PageExampleRequest());
        }

        Assert.Equal(1, Server.Requests.Count(r => r.Path.Contains("/auth/v3/", StringComparison.Ordinal)));
        Assert.Equal(1, Api.Client.TokenFetchCount);
    }

    [Fact]
    public async Task A_revoked_token_is_evicted_fetched_anew_and_the_call_replayed_once()
    {
        await Api.Hire.V1.EcoBackgroundCheck.UpdateResultAsync(PageExampleRequest());
        Server.RevokeTokens();

        await Api.Hire.V1.EcoBackgroundCheck.UpdateResultAsync(PageExampleRequest());

        Assert.Equal(2, Api.Client.TokenFetchCount);
        Assert.Equal(3, Server.ApiRequests.Count);
    }

    // The page's own request example, read into the generated request type.
    private static UpdateResultEcoBackgroundCheckRequest PageExampleRequest()
    {
        var example = PageReader.Read(Repo.SeedPage, Repo.ReadSeed()).Endpoint!.RequestExample!;
        return JsonSerializer.Deserialize<UpdateResultEcoBackgroundCheckRequest>(example, FeishuJsonResolver.Options)!;
    }
}
