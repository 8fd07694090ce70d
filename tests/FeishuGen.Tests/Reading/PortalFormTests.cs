using System.Linq;
using FeishuGen.Generator.Reading;
using Xunit;

namespace FeishuGen.Tests.Reading;

/// <summary>The docs portal's own form (<c>:::html</c> components) read into the same model as the cleaned form.</summary>
public sealed class PortalFormTests
{
    // A page in the portal's form, written for this test: a basic table, a header table, a path
    // parameter, a nested body with an enum, examples as components, an error table.
    private const string Page = """
        ---
        title: "更新示例记录"
        fullPath: "/uAjLw4CM/ukTMukTMukTM/demo-v2/record-item/update"
        updateTime: "1700000000000"
        ---

        # 更新示例记录

        更新一条记录。{尝试一下}(url=/api/tools/api_explore/api_explore_config?project=demo&version=v2&resource=record.item&method=update)

        :::html
        <md-alert type="tip">
        记录更新后立即生效。
        </md-alert>
        :::

        ## 请求
        :::html
        <md-table>
          <md-thead>
          <tr>
              <md-th>基本</md-th>
              <md-th></md-th>
          </tr>
          </md-thead>
          <md-tbody>
            <md-tr>
              <md-th>HTTP URL</md-th>
              <md-td>https://open.feishu.cn/open-apis/demo/v2/records/:record_id</md-td>
            </md-tr>
            <md-tr>
              <md-th>HTTP Method</md-th>
              <md-td>PUT</md-td>
            </md-tr>
            <md-tr>
              <md-th>支持的应用类型</md-th>
              <md-td>
              <md-app-support types="custom,isv"></md-app-support>
              </md-td>
            </md-tr>
            <md-tr>
              <md-th>
                    权限要求
                    <md-tooltip type="info">调用该 API 所需的权限</md-tooltip>
                    <div style="color: gray;">开启任一权限即可</div>
              </md-th>
              <md-td>
                    <md-perm name="demo:record" desc="更新记录" support_app_types="custom,isv" tags="">更新记录</md-perm>
                    <md-perm name="demo:record:readonly" desc="查看记录" support_app_types="custom,isv" tags="">查看记录</md-perm>
              </md-td>
            </md-tr>
          </md-tbody>
        </md-table>
        :::
        ### 请求头
        :::html
        <md-table>
          <md-thead>
            <md-tr>
              <md-th style="width: 35%;">名称</md-th>
              <md-th style="width: 13%;">类型</md-th>
              <md-th style="width: 15%;">必填</md-th>
              <md-th style="width: 37%;">描述</md-th>
            </md-tr>
          </md-thead>
          <md-tbody>
            <md-tr>
              <md-td>Authorization</md-td>
              <md-td>string</md-td>
              <md-td>是</md-td>
              	<md-td>
        <md-tag mode="inline" type="token-tenant">tenant_access_token</md-tag>
        <md-tag mode="inline" type="token-user">user_access_token</md-tag>

        **值格式**："Bearer `access_token`"
        </md-td>
        </md-tr>
        </md-tbody>
        </md-table>
        :::

        ### 路径参数
        :::html
        <md-dt-table>
          <md-dt-thead>
              <md-dt-tr>
              <md-dt-th>名称</md-dt-th>
              <md-dt-th>类型</md-dt-th>
              <md-dt-th>描述</md-dt-th>
              </md-dt-tr>
          </md-dt-thead>
          <md-dt-tbody>
        <md-dt-tr level="0">
        	<md-dt-td>
        	<md-text type="field-name" >record_id</md-text>
        	</md-dt-td>
        	<md-dt-td>
        	<md-text type="field-type" >string</md-text>
        	</md-dt-td>
        	<md-dt-td>
        	记录 ID

        **示例值**："rec_1"
        	</md-dt-td>
        </md-dt-tr>
          </md-dt-tbody>
        </md-dt-table>
        :::

        ### 请求体
        :::html
        <md-dt-table>
          <md-dt-thead>
              <md-dt-tr>
              <md-dt-th>名称</md-dt-th>
              <md-dt-th>类型</md-dt-th>
              <md-dt-th>必填</md-dt-th>
              <md-dt-th>描述</md-dt-th>
              </md-dt-tr>
          </md-dt-thead>
          <md-dt-tbody>
        <md-dt-tr level="0">
        	<md-dt-td><md-text type="field-name" >kind</md-text></md-dt-td>
        	<md-dt-td><md-text type="field-type" >string</md-text></md-dt-td>
        	<md-dt-td>是</md-dt-td>
        	<md-dt-td>
        	记录类型

        **示例值**："note"

        **可选值有**：
        <md-enum>
        <md-enum-item key="note" >笔记</md-enum-item>
        <md-enum-item key="task" >任务</md-enum-item>
        </md-enum>
        	</md-dt-td>
        </md-dt-tr>
        <md-dt-tr level="0">
        	<md-dt-td><md-text type="field-name" >owner</md-text></md-dt-td>
        	<md-dt-td><md-text type="field-type" >record_owner</md-text></md-dt-td>
        	<md-dt-td>否</md-dt-td>
        	<md-dt-td>负责人</md-dt-td>
        </md-dt-tr>
        <md-dt-tr level="1">
        	<md-dt-td><md-text type="field-name" >user_id</md-text></md-dt-td>
        	<md-dt-td><md-text type="field-type" >string</md-text></md-dt-td>
        	<md-dt-td>是</md-dt-td>
        	<md-dt-td>用户 ID

        **示例值**："ou_1"</md-dt-td>
        </md-dt-tr>
          </md-dt-tbody>
        </md-dt-table>
        :::

        ### 请求体示例
        :::html
        <md-code-json>
        {"kind": "note", "owner": {"user_id": "ou_1"}}
        </md-code-json>
        :::

        ## 响应

        ### 响应体示例
        :::html
        <md-code-json>
        {"code": 0, "msg": "success", "data": {}}
        </md-code-json>
        :::

        ### 错误码
        :::html
        <md-table>
            <md-thead>
                <md-tr>
                    <md-th>HTTP状态码</md-th>
                    <md-th>错误码</md-th>
                    <md-th>描述</md-th>
                    <md-th>排查建议</md-th>
                </md-tr>
            </md-thead>
          <md-tbody>
        <md-tr>
          <md-td>400</md-td>
          <md-td>1250001</md-td>
          <md-td>记录不存在</md-td>
          <md-td>请检查参数`record_id`</md-td>
        </md-tr>
          </md-tbody>
        </md-table>
        :::
        """;

    [Fact]
    public void The_basic_table_gives_method_path_app_types_and_scopes()
    {
        var model = PageReader.Read("/p/specs/portal.md", Page).Endpoint!;

        Assert.Equal("PUT", model.HttpMethod);
        Assert.Equal("/open-apis/demo/v2/records/:record_id", model.PathTemplate);
        Assert.Equal(new[] { "custom", "isv" }, model.AppTypes);
        Assert.Equal(new[] { ("更新记录", "demo:record"), ("查看记录", "demo:record:readonly") }, model.Scopes.Select(s => (s.Name, s.Key)));
        Assert.Equal(new[] { "tenant_access_token", "user_access_token" }, model.TokenTypes);
    }

    [Fact]
    public void Parameters_nested_body_fields_enums_examples_and_errors_are_read()
    {
        var model = PageReader.Read("/p/specs/portal.md", Page).Endpoint!;

        var id = Assert.Single(model.PathParameters);
        Assert.Equal(("record_id", "string", "记录 ID"), (id.Name, id.Type, id.Description));
        Assert.Equal(new[] { "kind", "owner" }, model.BodyFields.Select(f => f.Name));
        var kind = model.BodyFields[0];
        Assert.True(kind.Required);
        Assert.Equal(new[] { ("note", "笔记"), ("task", "任务") }, kind.AllowedValues.Select(v => (v.Value, v.Label)));
        var owner = model.BodyFields[1].Shape!;
        Assert.Equal("user_id", Assert.Single(owner.Properties).Name);
        Assert.Contains("\"owner\"", model.RequestExample);
        Assert.Contains("\"code\": 0", model.ResponseExample);
        var error = Assert.Single(model.Errors);
        Assert.Equal((400, 1250001L, "记录不存在"), (error.HttpStatus, error.Code, error.Description));
    }

    [Fact]
    public void The_api_explorer_link_names_the_method_before_the_portal_path_and_the_description_is_prose()
    {
        var result = PageReader.Read("/p/specs/portal.md", Page);
        var model = result.Endpoint!;

        Assert.Equal(("demo", "v2", "record_item", "update"), (model.Naming.Service, model.Naming.Version, model.Naming.Resource, model.Naming.Method));
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "FSG0010");
        Assert.Equal("更新一条记录。\n\n记录更新后立即生效。", model.Description);
    }

    [Fact]
    public void Without_the_link_the_portal_path_names_the_method()
    {
        var page = Page.Replace("{尝试一下}(url=/api/tools/api_explore/api_explore_config?project=demo&version=v2&resource=record.item&method=update)", string.Empty);

        var naming = PageReader.Read("/p/specs/portal.md", page).Endpoint!.Naming;

        Assert.Equal(("demo", "v2", "record_item", "update"), (naming.Service, naming.Version, naming.Resource, naming.Method));
    }

    [Fact]
    public void A_response_section_that_returns_the_files_binary_stream_makes_a_download()
    {
        var start = Page.IndexOf("## 响应", System.StringComparison.Ordinal);
        var end = Page.IndexOf("### 错误码", System.StringComparison.Ordinal);
        var download = Page.Substring(0, start) + "## 响应\nHTTP状态码为 200 时，表示成功\n\n返回文件二进制流\n\n" + Page.Substring(end);

        Assert.Equal(FeishuGen.Generator.Model.PayloadKind.Binary, PageReader.Read("/p/specs/download.md", download).Endpoint!.ResponseKind);
        Assert.Equal(FeishuGen.Generator.Model.PayloadKind.Json, PageReader.Read("/p/specs/portal.md", Page).Endpoint!.ResponseKind);
    }
}
