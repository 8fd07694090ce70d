using System.Linq;
using FeishuGen.Generator.Model;
using FeishuGen.Generator.Reading;
using FeishuGen.Tests.Support;
using Xunit;

namespace FeishuGen.Tests.Reading;

/// <summary>The reader on the seed page: every part of its model.</summary>
public sealed class SeedPageReaderTests
{
    private static readonly PageReadResult Result = PageReader.Read("specs/seed.md", Repo.ReadSeed());
    private static EndpointModel Endpoint => Result.Endpoint!;

    [Fact]
    public void Reads_the_page_without_warnings()
    {
        Assert.NotNull(Result.Endpoint);
        Assert.Empty(Result.Diagnostics);
    }

    [Fact]
    public void Reads_title_description_and_request_line()
    {
        Assert.Equal("回传背调订单的最终结果", Endpoint.Title);
        Assert.StartsWith("回传背调的最终结果和终版报告。", Endpoint.Description);
        Assert.EndsWith("订单状态流转为「已完成」。", Endpoint.Description);
        Assert.Equal("POST", Endpoint.HttpMethod);
        Assert.Equal("https://open.feishu.cn", Endpoint.Host);
        Assert.Equal("/open-apis/hire/v1/eco_background_checks/update_result", Endpoint.PathTemplate);
        Assert.Equal(PayloadKind.Json, Endpoint.RequestKind);
    }

    [Fact]
    public void Reads_tokens_app_types_and_paired_scopes()
    {
        Assert.Equal(new[] { "tenant_access_token" }, Endpoint.TokenTypes.ToArray());
        Assert.Equal(new[] { "custom", "isv" }, Endpoint.AppTypes.ToArray());
        var scope = Assert.Single(Endpoint.Scopes);
        Assert.Equal(new ScopeModel("更新招聘背调信息", "hire:background_check_order"), scope);
    }

    [Fact]
    public void Reads_every_body_field_with_type_required_flag_description_and_example()
    {
        Assert.Empty(Endpoint.PathParameters);
        Assert.Empty(Endpoint.QueryParameters);
        var fields = Endpoint.BodyFields.ToArray();
        Assert.Equal(new[] { "background_check_id", "result", "result_time", "report_file_list" }, fields.Select(f => f.Name));
        Assert.Equal(new[] { "string", "string", "string", "eco_background_check_report_file[]" }, fields.Select(f => f.Type));
        Assert.Equal(new[] { true, true, true, false }, fields.Select(f => f.Required));
        Assert.Equal(new[] { "6931286400470354183", "无差异", "1660123456789", null }, fields.Select(f => f.Example));
        Assert.StartsWith("背调 ID。可通过[创建背调]", fields[0].Description);
        Assert.Equal("背调结果时间。毫秒时间戳", fields[2].Description);
        Assert.All(fields, f => Assert.Empty(f.AllowedValues));
    }

    [Fact]
    public void Binds_the_nested_type_of_the_type_tree_to_its_field()
    {
        var shape = Endpoint.BodyFields[3].Shape;
        Assert.NotNull(shape);
        Assert.Equal("eco_background_check_report_file", shape!.Name);
        Assert.Equal(
            new[] { ("report_name", "string"), ("report_url", "string"), ("report_url_type", "integer") },
            shape.Properties.Select(p => (p.Name, p.Type)));
        Assert.All(shape.Properties, p => Assert.Null(p.Child));
        Assert.All(Endpoint.BodyFields.Take(3), f => Assert.Null(f.Shape));
    }

    [Fact]
    public void Keeps_the_request_and_response_examples()
    {
        Assert.Contains("\"report_url_type\": 1", Endpoint.RequestExample);
        Assert.StartsWith("{", Endpoint.RequestExample!.TrimStart());
        Assert.Contains("\"data\": {}", Endpoint.ResponseExample);
    }

    [Fact]
    public void Reads_every_error_row()
    {
        Assert.Equal(
            new[]
            {
                new ErrorCodeModel(400, 1002858, "订单状态异常", "请检查参数"),
                new ErrorCodeModel(400, 1002862, "背调订单不存在", "请检查入参`background_check_id`"),
                new ErrorCodeModel(500, 1002001, "系统异常", "请根据实际报错信息定位问题或联系[技术支持](https://applink.feishu.cn/TLJpeNdW)"),
            },
            Endpoint.Errors.ToArray());
    }

    [Fact]
    public void Reads_the_official_sdk_naming_from_the_python_sample()
    {
        Assert.Equal(new SdkNaming("hire", "v1", "eco_background_check", "update_result"), Endpoint.Naming);
    }
}
