using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using FeishuGen.Cli;
using FeishuGen.Testing;
using FeishuGen.Tests.Support;
using Xunit;

namespace FeishuGen.Tests.Cli;

/// <summary><c>feishugen add</c> and <c>update</c> against a local docs portal serving real portal pages.</summary>
public sealed class FeishuGenCliTests : IAsyncLifetime
{
    private const string ExamPage = "hire-v1/ecological-docking/exam/update_result.md";
    private const string ExamPath = "/ukTMukTMukTM/uMzM1YjLzMTN24yMzUjN/hire-v1/eco_exam/update_result";
    private const string EventPage = "elearning-v2/course_registration/events/deleted.md";
    private const string EventPath = "/uAjLw4CM/ukTMukTMukTM/elearning-v2/course_registration/events/deleted";
    private const string GuidePage = "uUDN04SN0QjL1QDN/docs/docx-overview.md";
    private const string GuidePath = "/ukTMukTMukTM/uUDN04SN0QjL1QDN/document-docx/docx-overview";

    // Pages the tests make from the exam page: one without a title in its front matter, one whose HTTP URL row is gone.
    private const string UntitledPath = "/ukTMukTMukTM/uMzM1YjLzMTN24yMzUjN/hire-v1/eco_exam/untitled_copy";
    private const string BrokenPath = "/ukTMukTMukTM/uMzM1YjLzMTN24yMzUjN/hire-v1/eco_exam/broken_copy";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "feishugen-cli-" + Guid.NewGuid().ToString("N")[..8]);
    private FeishuDocsPortal _portal = null!;

    private string Specs => Path.Combine(_root, "specs");

    public async Task InitializeAsync()
    {
        var served = Path.Combine(_root, "portal");
        foreach (var page in new[] { ExamPage, EventPage, GuidePage })
        {
            Serve(served, page, Repo.SharedPage("feishu-docs-portal", page));
        }

        var exam = Repo.SharedPage("feishu-docs-portal", ExamPage);
        Serve(served, "untitled.md", exam.Replace("title: \"回传笔试结果\"\n", string.Empty).Replace(ExamPath, UntitledPath));
        var withoutUrl = string.Join('\n', exam.Replace(ExamPath, BrokenPath).Split('\n').Where(line => !line.Contains("/open-apis/hire/v1/eco_exams/", StringComparison.Ordinal) || line.Contains("curl", StringComparison.Ordinal)));
        Assert.NotEqual(exam.Length, withoutUrl.Length);
        Serve(served, "broken.md", withoutUrl);

        _portal = await FeishuDocsPortal.StartAsync(served);
    }

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [Theory]
    [InlineData(ExamPath)]
    [InlineData("https://open.feishu.cn/document" + ExamPath)]
    public async Task Add_writes_the_page_under_specs_by_its_path_with_front_matter(string input)
    {
        var (code, output, _) = await Run("add", input);

        Assert.Equal(0, code);
        var written = File.ReadAllText(Path.Combine(Specs, "hire-v1", "eco_exam", "update_result.md"));
        Assert.StartsWith("---\ntitle: \"回传笔试结果\"\nfullPath: \"" + ExamPath + "\"\nupdateTime: \"", written);
        Assert.EndsWith(_portal.ContentOf(ExamPath), written);
        Assert.Contains("added", output);
        Assert.Contains("POST /open-apis/hire/v1/eco_exams/:exam_id/update_result", output);
    }

    [Fact]
    public async Task Update_leaves_unchanged_pages_alone_and_says_what_changed_in_the_api()
    {
        await Run("add", ExamPath);
        var file = Path.Combine(Specs, "hire-v1", "eco_exam", "update_result.md");
        var writtenAt = File.GetLastWriteTimeUtc(file);

        var (same, sameOutput, _) = await Run("update");
        Assert.Equal(0, same);
        Assert.Contains("[1/1] ", sameOutput);
        Assert.Contains("unchanged", sameOutput);
        Assert.Equal(writtenAt, File.GetLastWriteTimeUtc(file));

        // The portal retypes result_time and documents a new error code.
        var edited = _portal.ContentOf(ExamPath)
            .Replace("<md-text type=\"field-name\" >result_time</md-text>\n\t</md-dt-td>\n\t<md-dt-td>\n\t<md-text type=\"field-type\" >string</md-text>", "<md-text type=\"field-name\" >result_time</md-text>\n\t</md-dt-td>\n\t<md-dt-td>\n\t<md-text type=\"field-type\" >int</md-text>")
            .Replace("<md-td>1002855</md-td>", "<md-td>1002999</md-td>");
        Assert.NotEqual(_portal.ContentOf(ExamPath), edited);
        _portal.Edit(ExamPath, edited);

        var (code, output, _) = await Run("update");

        Assert.Equal(0, code);
        Assert.Contains("retyped field body result_time: string -> int", output);
        Assert.Contains("new error code 1002999", output);
        Assert.Contains("removed error code 1002855", output);
        Assert.EndsWith(edited, File.ReadAllText(file));
    }

    [Fact]
    public async Task A_failed_update_leaves_the_page_as_it_was()
    {
        await Run("add", ExamPath);
        var file = Path.Combine(Specs, "hire-v1", "eco_exam", "update_result.md");
        var before = File.ReadAllText(file);
        _portal.FailNext(503);

        var (code, _, error) = await Run("update");

        Assert.Equal(1, code);
        Assert.Contains("update_result.md (API page \"回传笔试结果\"): the docs portal answered HTTP 503", error);
        Assert.Equal(before, File.ReadAllText(file));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(file)!, "*.tmp"));
    }

    [Fact]
    public async Task Add_takes_event_pages_and_says_what_they_become()
    {
        var (code, output, error) = await Run("add", EventPath);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        var written = File.ReadAllText(Path.Combine(Specs, "elearning-v2", "course_registration", "events", "deleted.md"));
        Assert.StartsWith("---\ntitle: \"课程学习进度删除事件\"\nfullPath: \"" + EventPath + "\"", written);
        Assert.EndsWith(_portal.ContentOf(EventPath), written);
        Assert.Contains("(event page \"课程学习进度删除事件\"): event elearning.course_registration.deleted_v2 -> events.OnElearningCourseRegistrationDeletedV2", output);
    }

    [Fact]
    public async Task A_page_the_portal_sends_without_a_title_is_titled_by_its_own_heading()
    {
        var (code, output, _) = await Run("add", UntitledPath);

        Assert.Equal(0, code);
        var written = File.ReadAllText(Path.Combine(Specs, "hire-v1", "eco_exam", "untitled_copy.md"));
        Assert.StartsWith("---\ntitle: \"回传笔试结果\"\n", written);
        Assert.Contains("(API page \"回传笔试结果\")", output);
    }

    [Theory]
    [InlineData(GuidePath, "(guide page \"文档概述\"): nothing was written, as it is neither an API page nor an event page")]
    [InlineData(BrokenPath, "(API page \"回传笔试结果\"): nothing was written, as FeishuGen cannot read it: FSG0002: The request section has no 'HTTP URL' row")]
    public async Task A_page_that_gives_no_code_is_refused_with_its_kind_title_and_reason(string input, string message)
    {
        var (code, _, error) = await Run("add", input);

        Assert.Equal(1, code);
        Assert.Contains(input + " " + message, error);
        Assert.DoesNotContain("()", error);
        Assert.False(Directory.Exists(Specs) && Directory.GetFiles(Specs, "*", SearchOption.AllDirectories).Length > 0);
    }

    [Fact]
    public async Task Help_names_the_tool_as_it_is_installed()
    {
        var (code, output, _) = await Run("--help");

        Assert.Equal(0, code);
        Assert.Contains("feishugen [command] [options]", output);
        Assert.DoesNotContain("FeishuGen.Cli", output);
    }

    [Fact]
    public async Task Update_of_an_event_page_lists_its_field_changes()
    {
        await Run("add", EventPath);
        _portal.Edit(EventPath, _portal.ContentOf(EventPath).Replace("<md-text type=\"field-name\" >tenant_key</md-text>", "<md-text type=\"field-name\" >tenant_id</md-text>"));

        var (code, output, _) = await Run("update");

        Assert.Equal(0, code);
        Assert.Contains("new field body header.tenant_id: string", output);
        Assert.Contains("removed field body header.tenant_key", output);
    }

    [Theory]
    [InlineData("/ukTMukTMukTM/nothing-v1/here/at_all", "has no page at")]
    [InlineData("not a path", "is neither a doc URL")]
    public async Task Bad_input_gets_a_clear_message_a_non_zero_exit_and_no_file(string input, string message)
    {
        var (code, _, error) = await Run("add", input);

        Assert.Equal(1, code);
        Assert.Contains(message, error);
        Assert.False(Directory.Exists(Specs) && Directory.GetFiles(Specs, "*", SearchOption.AllDirectories).Length > 0);
    }

    [Fact]
    public async Task No_network_is_a_clear_error_not_a_crash()
    {
        var closed = "http://127.0.0.1:" + TestSupport.LocalRedis.FreePort();

        var (code, _, error) = await Run("add", ExamPath, "--portal", closed);

        Assert.Equal(1, code);
        Assert.Contains("could not reach the docs portal", error);
    }

    private static void Serve(string folder, string name, string page)
    {
        var target = Path.Combine(folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllText(target, page);
    }

    private async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        string[] withDefaults = Array.IndexOf(args, "--portal") < 0
            ? [.. args, "--portal", _portal.BaseAddress.ToString(), "--specs", Specs]
            : [.. args, "--specs", Specs];
        var code = await FeishuGenCommand.RunAsync(withDefaults, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
