using System.Collections.Generic;
using System.IO;
using System.Linq;
using FeishuGen.Generator.Reading;
using FeishuGen.TestSupport;
using FeishuGen.Tests.Support;
using Xunit;

namespace FeishuGen.Tests.Reading;

/// <summary>
/// The same doc gives the same model however its Markdown is spelled. Pages are re-spelled
/// mechanically (<see cref="MarkdownRespelling"/>: tables without outer pipes, setext headings, '*'
/// and '+' bullets, tildes, CRLF, a byte order mark) and the whole model must stay equal. The corpus
/// check (--respell) does the same for every page of ../shared; here a sample of each form, the
/// pages of tests/pages and the specs.
/// </summary>
public sealed class RespellingTests
{
    public static IEnumerable<object[]> Pages()
    {
        var ours = Directory.EnumerateFiles(Path.Combine(Repo.Root, "tests", "pages"), "*.md", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(Repo.Root, "specs"), "*.md", SearchOption.AllDirectories));
        var shared = new[] { "feishu-docs", "feishu-docs-portal", "feishu-docs-markdown" }
            .Select(f => Path.GetFullPath(Path.Combine(Repo.Root, "..", "shared", f)))
            .Where(Directory.Exists)
            .SelectMany(f => Directory.EnumerateFiles(f, "*.md", SearchOption.AllDirectories).OrderBy(p => p, System.StringComparer.Ordinal)
                .Where((_, i) => i % 40 == 0).Where(p => new FileInfo(p).Length < 100_000));
        return ours.Concat(shared).Select(p => new object[] { p });
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void A_respelled_page_gives_the_same_model(string path)
    {
        var text = File.ReadAllText(path);
        var original = PageReader.Read(path, text);
        var counts = new Dictionary<string, int>();

        var respelled = PageReader.Read(path, MarkdownRespelling.All(text, counts));

        Assert.Equal(original.Endpoint, respelled.Endpoint);
        Assert.Equal(original.Event, respelled.Event);
        Assert.Equal(original.Diagnostics.Select(d => d.Id).OrderBy(i => i), respelled.Diagnostics.Select(d => d.Id).OrderBy(i => i));
    }

    [Fact]
    public void The_respelling_changes_what_it_says_it_changes()
    {
        var seed = Repo.ReadSeed();
        var counts = new Dictionary<string, int>();

        var respelled = MarkdownRespelling.All(seed, counts);

        Assert.StartsWith("\uFEFF回传背调订单的最终结果\r\n---\r\n", respelled);
        Assert.Contains("\r\nresult | string | 是 | 背调结果 <br> **示例**: 无差异\r\n", respelled);
        Assert.Contains("\r\n~~~json\r\n", respelled);
        Assert.Contains("\r\n* **eco_background_check_report_file** 类型说明:", respelled);
        Assert.True(counts["outer-pipes-dropped"] >= 2);
        Assert.Equal(2, counts["setext-headings"]);
    }
}
