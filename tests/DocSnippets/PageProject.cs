using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace FeishuGen.DocSnippets;

/// <summary>
/// One doc page's snippets as one project, like a newcomer's: a console project with the console
/// template's implicit usings, the packed FeishuGen packages (and the packages its markers name), the
/// spec pages its markers name in specs/, a file per snippet and the harness that runs them.
/// </summary>
public sealed class PageProject
{
    private PageProject(string page, string name, string folder, IReadOnlyList<DocSnippet> snippets)
    {
        Page = page;
        Name = name;
        Folder = folder;
        Snippets = snippets;
    }

    /// <summary>The doc page (docs/events.md).</summary>
    public string Page { get; }

    /// <summary>The project's name (docs-events).</summary>
    public string Name { get; }

    /// <summary>The project's folder.</summary>
    public string Folder { get; }

    /// <summary>The page's snippets that are built (skipped blocks left out).</summary>
    public IReadOnlyList<DocSnippet> Snippets { get; }

    /// <summary>The built program, run by <c>dotnet</c>.</summary>
    public string Assembly => Path.Combine(Folder, "bin", "Release", "net10.0", Name + ".dll");

    /// <summary>The name a page's project gets: its path with anything but letters and digits as '-'.</summary>
    public static string NameOf(string page)
        => new string(Path.ChangeExtension(page, null).Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());

    /// <summary>Writes the project of <paramref name="page"/> under <paramref name="work"/>.</summary>
    /// <param name="repo">The repository (the page and specs/ are read from it).</param>
    /// <param name="work">Where projects go.</param>
    /// <param name="page">The page, relative to the repository.</param>
    /// <param name="snippets">Its snippets.</param>
    /// <param name="version">The version of the packed packages.</param>
    /// <param name="harness">The harness file to copy in.</param>
    public static PageProject Write(string repo, string work, string page, IReadOnlyList<DocSnippet> snippets, string version, string harness)
    {
        var name = NameOf(page);
        var folder = Path.Combine(work, name);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(Path.Combine(folder, "Snippets"));
        var built = snippets.Where(s => s.Kind != SnippetKind.Skip).ToList();
        var docPath = Path.GetFullPath(Path.Combine(repo, page));
        var usings = built.FirstOrDefault(s => s.Kind == SnippetKind.Usings);
        foreach (var snippet in built)
        {
            File.WriteAllText(Path.Combine(folder, "Snippets", snippet.Id + ".cs"), SnippetSource.Write(snippet, docPath, usings));
        }

        foreach (var spec in built.SelectMany(s => s.List("specs")).Distinct(StringComparer.Ordinal))
        {
            var source = SpecSource(repo, spec);
            var target = Path.Combine(folder, "specs", SpecTarget(spec));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
        }

        File.Copy(harness, Path.Combine(folder, "DocsHarness.cs"));
        File.WriteAllText(Path.Combine(folder, "DocsEntries.g.cs"), Entries(built));
        File.WriteAllText(Path.Combine(folder, name + ".csproj"), ProjectFile(name, version, built.SelectMany(s => s.List("packages"))));
        return new PageProject(page, name, folder, built);
    }

    /// <summary>The spec pages the snippets name that are not in specs/ (or, written with a specs/ folder in it, in the repository).</summary>
    public static IEnumerable<DocProblem> MissingSpecs(string repo, IEnumerable<DocSnippet> snippets)
        => snippets.SelectMany(s => s.List("specs").Where(spec => !File.Exists(SpecSource(repo, spec)))
            .Select(spec => new DocProblem(s.Page, s.MarkerLine, $"specs=\"{spec}\": there is no specs/{spec} (a page of another folder is named from the repository's root, e.g. samples/FeishuGen.SignIn/specs/日历/查询主日历信息.md)")));

    // A page of the repository's specs/ ("消息/发送消息.md"), or of a sample's or package's own specs
    // folder named from the root ("samples/FeishuGen.SignIn/specs/日历/查询主日历信息.md").
    private static string SpecSource(string repo, string spec)
        => spec.Contains("/specs/", StringComparison.Ordinal) ? Path.Combine(repo, spec) : Path.Combine(repo, "specs", spec);

    private static string SpecTarget(string spec)
    {
        var inner = spec.LastIndexOf("/specs/", StringComparison.Ordinal);
        return inner < 0 ? spec : spec[(inner + "/specs/".Length)..];
    }

    private static string ProjectFile(string name, string version, IEnumerable<string> packages)
    {
        var file = new StringBuilder();
        file.AppendLine("<Project Sdk=\"Microsoft.NET.Sdk\">");
        file.AppendLine("  <PropertyGroup>");
        file.AppendLine("    <OutputType>Exe</OutputType>");
        file.AppendLine("    <TargetFramework>net10.0</TargetFramework>");
        file.AppendLine("    <AssemblyName>" + name + "</AssemblyName>");
        // What `dotnet new console` sets: the snippets name every using beyond the template's implicit ones.
        file.AppendLine("    <Nullable>enable</Nullable>");
        file.AppendLine("    <ImplicitUsings>enable</ImplicitUsings>");
        file.AppendLine("    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>");
        // The wrappers' own warnings: a fragment without await, the 'return 0' after a program that returns.
        file.AppendLine("    <NoWarn>$(NoWarn);CS1998;CS0162</NoWarn>");
        // Lean: no vulnerability audit of the restore, no satellite assemblies copied, no native launcher (run by `dotnet`).
        file.AppendLine("    <NuGetAudit>false</NuGetAudit>");
        file.AppendLine("    <SatelliteResourceLanguages>en</SatelliteResourceLanguages>");
        file.AppendLine("    <UseAppHost>false</UseAppHost>");
        file.AppendLine("  </PropertyGroup>");
        file.AppendLine("  <ItemGroup>");
        foreach (var package in new[] { "FeishuGen", "FeishuGen.Testing", "FeishuGen.AspNetCore", "FeishuGen.Redis", "FeishuGen.Bots", "FeishuGen.AspNetCore.Authentication" })
        {
            file.AppendLine($"    <PackageReference Include=\"{package}\" Version=\"{version}\" />");
        }

        foreach (var package in packages.Distinct(StringComparer.Ordinal))
        {
            var at = package.IndexOf('@');
            file.AppendLine(at < 0
                ? $"    <PackageReference Include=\"{package}\" />"
                : $"    <PackageReference Include=\"{package[..at]}\" Version=\"{package[(at + 1)..]}\" />");
        }

        file.AppendLine("  </ItemGroup>");
        file.AppendLine("</Project>");
        return file.ToString();
    }

    private static string Entries(IReadOnlyList<DocSnippet> snippets)
    {
        var file = new StringBuilder();
        file.AppendLine("// <auto-generated/> by the docs snippet check: the page's programs and hosts, by the line their block starts at.");
        file.AppendLine("#nullable enable");
        file.AppendLine("using System;");
        file.AppendLine("using System.Collections.Generic;");
        file.AppendLine("using System.Threading.Tasks;");
        file.AppendLine("internal static partial class DocsHarness");
        file.AppendLine("{");
        file.AppendLine("    private static readonly Dictionary<string, Func<string[], Task<int>>> Programs = new()");
        file.AppendLine("    {");
        foreach (var snippet in snippets.Where(s => s.Kind == SnippetKind.Program))
        {
            file.AppendLine($"        [\"{snippet.Id}\"] = {SnippetSource.ClassName(snippet)}.RunAsync,");
        }

        file.AppendLine("    };");
        file.AppendLine("    private static readonly Dictionary<string, DocsHost> Hosts = new()");
        file.AppendLine("    {");
        foreach (var snippet in snippets.Where(s => s.Kind == SnippetKind.Host))
        {
            file.AppendLine($"        [\"{snippet.Id}\"] = new({SnippetSource.ClassName(snippet)}.RunAsync, {Literal(snippet.Get("probe"))}, {Literal(snippet.Get("event"))}, {Literal(snippet.Get("body"))}),");
        }

        file.AppendLine("    };");
        file.AppendLine("}");
        return file.ToString();
    }

    private static string Literal(string? value) => value is null ? "null" : "@\"" + value.Replace("\"", "\"\"") + "\"";
}
