using System.Linq;
using FeishuGen.Generator;
using FeishuGen.Generator.Emitting;
using FeishuGen.Generator.Planning;
using FeishuGen.Generator.Model;
using FeishuGen.Generator.Shaping;
using FeishuGen.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace FeishuGen.Tests.Emitting;

/// <summary>The shaper and emitters from hand-built models: no page, no Markdig.</summary>
public sealed class EmitterTests
{
    [Fact]
    public void Path_query_and_body_names_that_collide_or_are_keywords_compile_and_keep_their_wire_names()
    {
        var model = Endpoint("GET", "/open-apis/demo/v1/namespaces/:namespace/items/:item_id",
            path: new[] { Field("namespace", "string", true), Field("item_id", "integer", true) },
            query: new[] { Field("type", "string", false), Field("ids", "array", false), Field("params", "boolean", false) },
            body: new[] { Field("type", "integer", true), Field("userId", "string", false), Field("user_id", "string", false), Field("event", "object", false) });

        var source = Emit(model, out var output);

        Assert.Contains("\"/open-apis/demo/v1/namespaces/\" + global::FeishuGen.FeishuUrl.Segment(request.Namespace) + \"/items/\" + global::FeishuGen.FeishuUrl.Segment(request.ItemId)", source);
        Assert.Contains("call.AddQuery(\"type\", request.TypeQuery);", source);
        Assert.Contains("call.AddQuery(\"ids\", request.Ids);", source);
        Assert.Contains("public required long Type { get; set; }", source);
        Assert.Contains("[global::System.Text.Json.Serialization.JsonPropertyName(\"userId\")]", source);
        Assert.Contains("public string? UserIdBody { get; set; }", source);
        Assert.Contains("public bool? Params { get; set; }", source);
        var request = output.GetTypeByMetadataName("Demo.Api.Demo.V1.GetItemRequest")!;
        Assert.Equal("long", request.GetMembers("ItemId").OfType<IPropertySymbol>().Single().Type.ToDisplayString());
    }

    [Fact]
    public void Shapes_with_dotted_names_nest_and_shared_names_merge_into_one_record()
    {
        var record = new TypeDefinition("app.table.record", new[]
        {
            new TypeProperty("record_id", "string", null),
            new TypeProperty("fields", "map", null),
            new TypeProperty("creator", "object", new TypeDefinition("person", new[] { new TypeProperty("id", "string", null) }.ToEquatableArray())),
        }.ToEquatableArray());
        var first = Endpoint("POST", "/open-apis/demo/v1/records", body: new[] { Field("records", "app.table.record[]", true) with { Shape = record } }, method: "batch_create");
        var otherPerson = new TypeDefinition("person", new[] { new TypeProperty("name", "string", null) }.ToEquatableArray());
        var second = Endpoint("POST", "/open-apis/demo/v1/people", body: new[] { Field("owner", "object", false) with { Shape = otherPerson } }, method: "create", resource: "person_link", path2: "b.md");

        Emit(new[] { first, second }, out var output);

        var person = output.GetTypeByMetadataName("Demo.Api.Demo.V1.Person")!;
        Assert.Equal(new[] { "Id", "Name" }, person.GetMembers().OfType<IPropertySymbol>().Where(p => p.Name is not ("AdditionalProperties" or "EqualityContract")).Select(p => p.Name).OrderBy(n => n));
        var appRecord = output.GetTypeByMetadataName("Demo.Api.Demo.V1.AppTableRecord")!;
        Assert.Equal("System.Text.Json.Nodes.JsonObject?", appRecord.GetMembers("Fields").OfType<IPropertySymbol>().Single().Type.ToDisplayString());
    }

    [Fact]
    public void Allowed_values_become_constants_named_from_values_or_labels()
    {
        var kind = Field("kind", "string", false) with { AllowedValues = new[] { new AllowedValue("open_id", "用户标识"), new AllowedValue("chat", "群") }.ToEquatableArray() };
        var level = Field("level", "integer", false) with { AllowedValues = new[] { new AllowedValue("0", "low priority"), new AllowedValue("1", "高") }.ToEquatableArray() };
        var source = Emit(Endpoint("POST", "/open-apis/demo/v1/items", body: new[] { kind, level }), out _);

        Assert.Contains("public static class KindValues", source);
        Assert.Contains("public const string OpenId = \"open_id\";", source);
        Assert.Contains("public const long LowPriority = 0L;", source);
        Assert.Contains("public const long Value1 = 1L;", source);
    }

    [Fact]
    public void Numeric_values_read_from_a_page_are_printed_with_the_names_their_labels_give()
    {
        var page = MarkdownPages.CreateRecord("""
            ### 请求体

            | 名称 | 类型 | 必填 | 描述 |
            | --- | --- | --- | --- |
            | `kind` | `int` | 否 | 类型<br>**可选值有**：<br>- `1`: Text：文本<br>- `2`: 在线(online)<br>- `3`: 未知 |
            """);
        var model = FeishuGen.Generator.Reading.PageReader.Read("/p/specs/create.md", page).Endpoint!;

        var source = Emit(model, out _);

        Assert.Contains("public const long Text = 1L;", source);
        Assert.Contains("public const long Online = 2L;", source);
        Assert.Contains("public const long Value3 = 3L;", source);
    }

    [Fact]
    public void Uploads_take_form_data_and_downloads_return_a_stream()
    {
        var upload = Endpoint("POST", "/open-apis/demo/v1/files", method: "upload") with { RequestKind = PayloadKind.Multipart };
        var download = Endpoint("GET", "/open-apis/demo/v1/files/:file_key", path: new[] { Field("file_key", "string", true) }, method: "download", path2: "b.md") with { ResponseKind = PayloadKind.Binary };

        var source = Emit(new[] { upload, download }, out var output);

        Assert.Contains("call.Form = new global::FeishuGen.FeishuFormData()", source);
        Assert.Contains("public required global::FeishuGen.FeishuFormData Form { get; set; }", source);
        var api = output.GetTypeByMetadataName("Demo.Api.Demo.V1.ItemApi")!;
        var downloadMethod = api.GetMembers("DownloadAsync").OfType<IMethodSymbol>().First();
        Assert.Equal("System.Threading.Tasks.Task<FeishuGen.FeishuDownload>", downloadMethod.ReturnType.ToDisplayString());
    }

    private static string Emit(EndpointModel model, out Compilation output) => Emit(new[] { model }, out output);

    // Shapes and emits the models, compiles the result with everything public documented, and returns all generated text.
    private static string Emit(EndpointModel[] models, out Compilation output)
    {
        var api = Generation.ShapeApi(models, new GeneratorOptions("Demo.Api", "DemoApi", null));
        var files = Generation.Print(ApiPlan.Plan(api));
        output = GeneratorHarness.Compilation(files.Select(f => f.Source).ToArray());
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(10)));
        return string.Join("\n", files.Select(f => f.Source));
    }

    private static EndpointModel Endpoint(string httpMethod, string pathTemplate, FieldModel[]? path = null, FieldModel[]? query = null, FieldModel[]? body = null, string method = "get", string resource = "item", string path2 = "a.md")
        => new(
            "/p/specs/" + path2, "Demo " + method, "A hand-built endpoint.", httpMethod, "https://open.feishu.cn", pathTemplate,
            new[] { "tenant_access_token" }.ToEquatableArray(), EquatableArray<string>.Empty, EquatableArray<ScopeModel>.Empty,
            (path ?? []).ToEquatableArray(), (query ?? []).ToEquatableArray(), (body ?? []).ToEquatableArray(),
            null, "{\"code\":0,\"msg\":\"ok\",\"data\":{}}", EquatableArray<ErrorCodeModel>.Empty,
            new SdkNaming("demo", "v1", resource, method), body is { Length: > 0 } ? PayloadKind.Json : PayloadKind.None, PayloadKind.Json);

    private static FieldModel Field(string name, string type, bool required)
        => new(name, type, required, "The " + name + ".", null, null, EquatableArray<AllowedValue>.Empty, EquatableArray<ValidationRule>.Empty, null);
}
