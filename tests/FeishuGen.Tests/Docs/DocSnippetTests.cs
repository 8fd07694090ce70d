using System.Collections.Generic;
using System.IO;
using System.Linq;
using FeishuGen.DocSnippets;
using FeishuGen.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace FeishuGen.Tests.Docs;

/// <summary>
/// The docs snippet check's reading of markers and its C# files: every C# block is marked or refused,
/// and a block that does not compile is reported at its doc page and line (the CI run builds the real
/// docs against the packed packages: tests/PackageSmoke/run.sh).
/// </summary>
public sealed class DocSnippetTests
{
    private const string Page = "docs/sample.md";

    [Fact]
    public void Blocks_are_paired_with_the_marker_before_them_in_lists_too()
    {
        var (snippets, problems) = DocReader.Read(Page, """
            # Sample

            <!-- snippet: usings -->
            ```csharp
            using FeishuGen;
            ```

            1. A step:

               <!-- snippet: fragment specs="a.md, b/c.md" with="FeishuApi api" -->
               ```csharp
               await api.Hire.V1.EcoBackgroundCheck.UpdateResultAsync(request);
               ```

            <!-- snippet: host probe="webhook:/feishu/events" event="im.message.receive_v1" body='{"message":{"chat_id":"oc_1"}}' -->
            ```cs
            var app = WebApplication.Create(args);
            app.Run();
            ```

            ```sh
            dotnet run
            ```
            """);

        Assert.Empty(problems);
        Assert.Equal(new[] { SnippetKind.Usings, SnippetKind.Fragment, SnippetKind.Host }, snippets.Select(s => s.Kind));
        var fragment = snippets[1];
        Assert.Equal((10, 11, 12), (fragment.MarkerLine, fragment.FenceLine, fragment.FirstLine));
        Assert.Equal(new[] { "a.md", "b/c.md" }, fragment.List("specs"));
        Assert.Equal("await api.Hire.V1.EcoBackgroundCheck.UpdateResultAsync(request);", Assert.Single(fragment.Lines));
        Assert.Equal("""{"message":{"chat_id":"oc_1"}}""", snippets[2].Get("body"));
    }

    [Theory]
    [InlineData("```csharp\nvar x = 1;\n```", 1, "a C# block needs a snippet marker")]
    [InlineData("```\nfeishugen add /x\n```", 1, "a block without a language")]
    [InlineData("<!-- snippet: skip -->\n```csharp\nvar x = 1;\n```", 1, "a skipped block says why")]
    [InlineData("<!-- snippet: sketch -->\n```csharp\nvar x = 1;\n```", 1, "'sketch' is not a snippet kind")]
    [InlineData("<!-- snippet: program with=\"int x\" -->\n```csharp\nvar x = 1;\n```", 1, "a program snippet takes no 'with'")]
    [InlineData("<!-- snippet: program -->\n\nSome prose.\n\n```sh\nls\n```", 1, "the block right before a fenced block")]
    [InlineData("<!-- snippet: fragment with=\"int x\" -->\n```csharp\nConsole.WriteLine(x);\n```", 1, "name the page's usings")]
    [InlineData("<!-- snippet: usings -->\n```csharp\nusing System;\nvar x = 1;\n```", 4, "a usings block holds using directives only")]
    [InlineData("<!-- snippet: program -->\n```json\n{}\n```", 1, "only C# blocks (```csharp) are built")]
    [InlineData("<!-- snippet: host probe=\"webhook:/e\" -->\n```csharp\nvar x = 1;\n```", 1, "names the event to send")]
    public void A_block_that_cannot_be_checked_as_marked_is_refused_at_its_line(string markdown, int line, string message)
    {
        var (_, problems) = DocReader.Read(Page, markdown);

        var problem = Assert.Single(problems);
        Assert.Equal((Page, line), (problem.Page, problem.Line));
        Assert.Contains(message, problem.Message);
    }

    [Fact]
    public void A_skipped_block_and_a_fragment_with_its_own_usings_need_nothing_more()
    {
        var (snippets, problems) = DocReader.Read(Page, "<!-- snippet: skip reason=\"pseudo code\" -->\n```csharp\n…\n```\n\n<!-- snippet: fragment -->\n```csharp\nusing System;\nConsole.WriteLine();\n```");

        Assert.Empty(problems);
        Assert.Equal(new[] { SnippetKind.Skip, SnippetKind.Fragment }, snippets.Select(s => s.Kind));
    }

    [Fact]
    public void A_fragment_that_does_not_compile_is_reported_at_its_doc_line()
    {
        var (snippets, _) = DocReader.Read(Page, """
            <!-- snippet: usings -->
            ```csharp
            using System.Text;
            ```

            <!-- snippet: fragment with="int count" -->
            ```csharp
            var text = new StringBuilder().Append(count).ToString();
            int length = text;
            ```
            """);

        var errors = Compile(SnippetSource.Write(snippets[1], "/repo/docs/sample.md", snippets[0]));

        var error = Assert.Single(errors);
        Assert.Equal("CS0029", error.Id);
        var at = error.Location.GetMappedLineSpan();
        Assert.Equal(("/repo/docs/sample.md", 9), (at.Path, at.StartLinePosition.Line + 1));
    }

    [Fact]
    public void A_program_keeps_its_usings_and_returns_its_exit_code()
    {
        var (snippets, _) = DocReader.Read(Page, "<!-- snippet: program -->\n```csharp\nusing System.Text;\n\nvar text = new StringBuilder(\"ok\").ToString();\nreturn text.Length == 2 ? 0 : 1;\n```");

        Assert.Empty(Compile(SnippetSource.Write(snippets[0], "/repo/docs/sample.md", null)));
    }

    [Fact]
    public void An_unknown_type_in_with_is_reported_at_the_marker()
    {
        var (snippets, _) = DocReader.Read(Page, "<!-- snippet: fragment with=\"NoSuchType api\" -->\n```csharp\nusing System;\nConsole.WriteLine(api);\n```");

        var error = Assert.Single(Compile(SnippetSource.Write(snippets[0], "/repo/docs/sample.md", null)));
        Assert.Equal(("CS0246", 1), (error.Id, error.Location.GetMappedLineSpan().StartLinePosition.Line + 1));
    }

    [Fact]
    public void Build_errors_name_the_page_the_line_and_the_block()
    {
        var (snippets, _) = DocReader.Read("docs/events.md", "Text.\n\n<!-- snippet: fragment -->\n```csharp\nusing System;\nConsole.WriteLine(appId);\n```");
        var output = """
              /repo/docs/events.md(6,19): error CS0103: The name 'appId' does not exist in the current context [/tmp/w/docs-events/docs-events.csproj]
              /repo/docs/events.md(6,19): error CS0103: The name 'appId' does not exist in the current context [/tmp/w/docs-events/docs-events.csproj]
            /tmp/w/docs-events/docs-events.csproj : error NU1101: Unable to find package Nope. No packages exist with this id in source(s): feishugen-docs
            """;

        var errors = BuildReport.Errors(output, "/repo", snippets);

        Assert.Equal(new[]
        {
            "docs/events.md:6:19 (block at line 4): error CS0103: The name 'appId' does not exist in the current context",
            "error NU1101: Unable to find package Nope. No packages exist with this id in source(s): feishugen-docs",
        }, errors);
    }

    [Fact]
    public void Every_doc_page_of_the_repository_is_marked_so_that_the_check_can_read_it()
    {
        var root = Repo.Root;
        var pages = new[] { Path.Combine(root, "README.md") }.Concat(Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories));
        var problems = pages.SelectMany(p => DocReader.Read(Path.GetRelativePath(root, p), File.ReadAllText(p)).Problems).ToList();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static List<Diagnostic> Compile(string source)
    {
        var references = System.AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!.ToString()!.Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", System.StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Select(p => MetadataReference.CreateFromFile(p));
        var implicitUsings = CSharpSyntaxTree.ParseText("global using System; global using System.Linq; global using System.Threading.Tasks;");
        var compilation = CSharpCompilation.Create("snippet", new[] { CSharpSyntaxTree.ParseText(source, path: "Snippets/L1.cs"), implicitUsings }, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        return compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
    }
}
