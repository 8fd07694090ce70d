using System.IO;
using System.Linq;
using FeishuGen.Generator;
using FeishuGen.Generator.Model;
using FeishuGen.Generator.Reading;
using FeishuGen.Generator.Shaping;
using FeishuGen.Tests.Support;
using Xunit;

namespace FeishuGen.Tests.Reading;

/// <summary>
/// Pages from the Lark (international) portal, written for these tests in its form: the portal's
/// components, open.larksuite.com URL rows, and its own front matter (document_id, full_path,
/// source_url, updated_at, breadcrumb). They read into the same model as their Feishu twins.
/// </summary>
public sealed class LarkPortalTests
{
    private static string Page(string name) => File.ReadAllText(Path.Combine(Repo.Root, "tests", "FeishuGen.Tests", "Pages", "lark-portal", name));

    // The same page as the Feishu portal serves it: its host and its front matter's spelling.
    private static string FeishuTwin(string lark)
        => lark.Replace("https://open.larksuite.com/open-apis/", "https://open.feishu.cn/open-apis/")
            .Replace("full_path:", "fullPath:")
            .Replace("source_url: \"https://open.larksuite.com/", "source_url: \"https://open.feishu.cn/");

    [Theory]
    [InlineData("create-note.md", "POST", "/open-apis/memo/v1/notes", "memo.v1.note.create")]
    [InlineData("pin-note.md", "PATCH", "/open-apis/memo/v1/notes/:note_id/pin", "memo.v1.note.pin")]
    [InlineData("list-notes.md", "GET", "/open-apis/memo/v1/notes", "memo.v1.note.list")]
    public void A_lark_page_reads_with_its_names_from_full_path_and_the_open_platform_host(string page, string method, string path, string name)
    {
        var result = PageReader.Read("/p/specs/" + page, Page(page));
        var model = result.Endpoint!;

        Assert.Equal((method, path, name, NameSource.DocPath), (model.HttpMethod, model.PathTemplate, model.Naming.Dotted, model.Naming.Source));
        Assert.Equal(HostNames.OpenPlatform, model.Host);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "FSG0010");
    }

    [Theory]
    [InlineData("create-note.md")]
    [InlineData("pin-note.md")]
    [InlineData("list-notes.md")]
    public void A_lark_page_and_its_feishu_twin_give_the_same_model(string page)
    {
        var lark = PageReader.Read("/p/specs/" + page, Page(page)).Endpoint!;
        var feishu = PageReader.Read("/p/specs/" + page, FeishuTwin(Page(page))).Endpoint!;

        Assert.Equal(feishu, lark);
    }

    // Fault 3 of #19: a PATCH whose page has no 请求体 (portal and Markdown forms never carry samples) was an upload.
    [Fact]
    public void A_call_whose_page_documents_no_body_sends_none()
    {
        var pin = PageReader.Read("/p/specs/pin-note.md", Page("pin-note.md")).Endpoint!;
        var create = PageReader.Read("/p/specs/create-note.md", Page("create-note.md")).Endpoint!;

        Assert.Equal(PayloadKind.None, pin.RequestKind);
        Assert.Equal(PayloadKind.Json, create.RequestKind);
        var spec = Generation.ShapeApi(new[] { pin }, GeneratorOptions.Default);
        Assert.False(spec.Endpoints.Single().IsUpload);
        Assert.DoesNotContain(spec.Types.Single(t => t.Role == TypeRole.Request).Properties, p => p.Type.Kind == TypeKind.Form);
    }

    [Fact]
    public void The_query_parameters_get_their_declared_types()
    {
        var model = PageReader.Read("/p/specs/list-notes.md", Page("list-notes.md")).Endpoint!;
        var request = Generation.ShapeApi(new[] { model }, GeneratorOptions.Default).Types.Single(t => t.Role == TypeRole.Request);

        Assert.Equal("global::System.Collections.Generic.IReadOnlyList<long>", request.Properties.Single(p => p.WireName == "note_numbers").Type.CSharp);
        Assert.Equal("double", request.Properties.Single(p => p.WireName == "min_weight").Type.CSharp);
    }
}
