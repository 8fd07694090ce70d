using System;
using System.IO;
using System.Threading.Tasks;
using FeishuGen.Cli;
using FeishuGen.Testing;
using FeishuGen.Tests.Support;
using Xunit;

namespace FeishuGen.Tests.Cli;

/// <summary><c>feishugen add</c> and <c>update</c> against a local stand-in of the Lark portal, serving pages written in its form.</summary>
public sealed class LarkPortalCliTests : IAsyncLifetime
{
    private const string NotePath = "/uAjLw4CM/ukTMukTMukTM/reference/memo-v1/note/create";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "feishugen-lark-" + Guid.NewGuid().ToString("N")[..8]);
    private FeishuDocsPortal _portal = null!;

    private string Specs => Path.Combine(_root, "specs");

    private string Written => Path.Combine(Specs, "memo-v1", "note", "create.md");

    public async Task InitializeAsync()
    {
        var served = Path.Combine(_root, "portal");
        Directory.CreateDirectory(served);
        File.Copy(Path.Combine(Repo.Root, "tests", "FeishuGen.Tests", "Pages", "lark-portal", "create-note.md"), Path.Combine(served, "create-note.md"));
        _portal = await FeishuDocsPortal.StartAsync(served);
    }

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [Theory]
    [InlineData("--lark", NotePath)]
    [InlineData("https://open.larksuite.com/document" + NotePath, null)]
    public async Task Add_writes_a_lark_page_with_the_lark_portals_front_matter(string first, string? second)
    {
        var (code, output, error) = second is null ? await Run("add", first) : await Run("add", first, second);

        Assert.True(code == 0, error);
        var text = File.ReadAllText(Written);
        Assert.StartsWith("---\ntitle: \"创建便签\"\nfull_path: \"" + NotePath + "\"\nsource_url: \"https://open.larksuite.com/document" + NotePath + "\"\nupdated_at: \"2026-01-12T09:30:00Z\"\n---\n\n", text);
        Assert.Contains("POST /open-apis/memo/v1/notes", output);
    }

    [Fact]
    public async Task Update_finds_pages_by_full_path_and_keeps_the_rest_of_their_front_matter()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Written)!);
        File.Copy(Path.Combine(Repo.Root, "tests", "FeishuGen.Tests", "Pages", "lark-portal", "create-note.md"), Written);

        var (same, sameOutput, _) = await Run("update");
        Assert.Equal(0, same);
        Assert.Contains("1 pages with a fullPath or full_path: 0 updated, 1 unchanged", sameOutput);

        _portal.Edit(NotePath, _portal.ContentOf(NotePath).Replace("<md-td>1830001</md-td>", "<md-td>1830002</md-td>"));
        var (code, output, _) = await Run("update");

        Assert.Equal(0, code);
        Assert.Contains("new error code 1830002", output);
        var text = File.ReadAllText(Written);
        Assert.Contains("document_id: \"7400000000000000001\"\n", text);
        Assert.Contains("breadcrumb:\n  - 服务端 API\n", text);
        Assert.Contains("full_path: \"" + NotePath + "\"\n", text);
        Assert.DoesNotContain("fullPath:", text);
        Assert.EndsWith(_portal.ContentOf(NotePath), text);
    }

    [Fact]
    public void Lark_chooses_the_lark_portal_and_a_page_from_lark_goes_back_there()
    {
        Assert.Equal(FeishuGenCommand.LarkPortal, new DocsPortal(null, Lark: true).AddressFor(larkPage: false));
        Assert.Equal(FeishuGenCommand.LarkPortal, new DocsPortal(null, Lark: false).AddressFor(larkPage: true));
        Assert.Equal(FeishuGenCommand.DefaultPortal, new DocsPortal(null, Lark: false).AddressFor(larkPage: false));
        Assert.Equal(new Uri("http://127.0.0.1:1"), new DocsPortal(new Uri("http://127.0.0.1:1"), Lark: true).AddressFor(larkPage: true));
    }

    private async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await FeishuGenCommand.RunAsync([.. args, "--portal", _portal.BaseAddress.ToString(), "--specs", Specs], output, error);
        return (code, output.ToString(), error.ToString());
    }
}
