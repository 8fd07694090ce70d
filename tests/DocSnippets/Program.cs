using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using FeishuGen.DocSnippets;

// The docs snippet check: every C# block of README.md and docs/**/*.md is built against the packed
// packages, one project per page, in one build; complete programs are run, hosts are run against the
// local server and probed. See tests/DocSnippets/README.md for the markers.
//   dotnet run --project tests/DocSnippets -- --feed <packages folder> --version <their version> [--work <folder>] [--repo <folder>] [page.md …]
var options = Options.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: --feed <folder of packed packages> --version <their version> [--work <folder>] [--repo <folder>] [page.md …]");
    return 2;
}

var clock = Stopwatch.StartNew();
var repo = options.Repo;
var pages = options.Pages.Count > 0
    ? options.Pages
    : new[] { "README.md" }.Concat(Directory.EnumerateFiles(Path.Combine(repo, "docs"), "*.md", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(repo, f).Replace('\\', '/')).OrderBy(f => f, StringComparer.Ordinal)).ToList();

var snippets = new List<DocSnippet>();
var problems = new List<DocProblem>();
foreach (var page in pages)
{
    var (found, wrong) = DocReader.Read(page, File.ReadAllText(Path.Combine(repo, page)));
    snippets.AddRange(found);
    problems.AddRange(wrong);
}

problems.AddRange(PageProject.MissingSpecs(repo, snippets));
if (problems.Count > 0)
{
    Console.Error.WriteLine($"docs snippet check: {problems.Count} block(s) cannot be checked as they are marked:");
    foreach (var problem in problems)
    {
        Console.Error.WriteLine("  " + problem);
    }

    return 1;
}

Directory.CreateDirectory(options.Work);
var harness = Path.Combine(AppContext.BaseDirectory, "Harness", "DocsHarness.cs");
var projects = snippets.Where(s => s.Kind != SnippetKind.Skip).GroupBy(s => s.Page)
    .Select(g => PageProject.Write(repo, options.Work, g.Key, g.ToList(), options.Version, harness)).ToList();
File.WriteAllText(Path.Combine(options.Work, "nuget.config"),
    $"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n    <add key=\"feishugen-docs\" value=\"{options.Feed}\" />\n  </packageSources>\n</configuration>\n");
File.WriteAllText(Path.Combine(options.Work, "DocSnippets.slnx"),
    "<Solution>\n" + string.Concat(projects.Select(p => $"  <Project Path=\"{p.Name}/{p.Name}.csproj\" />\n")) + "</Solution>\n");

var built = projects.SelectMany(p => p.Snippets).ToList();
Console.WriteLine($"== docs snippet check: {built.Count} blocks on {projects.Count} pages ({Count(SnippetKind.Program)} programs, {Count(SnippetKind.Host)} hosts, {Count(SnippetKind.Fragment)} fragments, {Count(SnippetKind.File)} files, {Count(SnippetKind.Usings)} usings), {snippets.Count(s => s.Kind == SnippetKind.Skip)} skipped, in one build");
var build = Run("dotnet", $"build \"{Path.Combine(options.Work, "DocSnippets.slnx")}\" -c Release -nologo -v:q -clp:NoSummary", options.Work, TimeSpan.FromMinutes(10));
var buildTime = clock.Elapsed;
var errors = BuildReport.Errors(build.Output, repo, built);
if (build.ExitCode != 0 || errors.Count > 0)
{
    Console.Error.WriteLine($"docs snippet check: the snippets do not build ({errors.Count} error(s)):");
    foreach (var error in errors.DefaultIfEmpty(build.Output))
    {
        Console.Error.WriteLine("  " + error);
    }

    return 1;
}

var failed = 0;
foreach (var project in projects)
{
    foreach (var snippet in project.Snippets.Where(s => s.Kind is SnippetKind.Program or SnippetKind.Host))
    {
        var started = clock.Elapsed;
        var run = Run("dotnet", $"\"{project.Assembly}\" {snippet.Id}", project.Folder, TimeSpan.FromSeconds(120));
        var last = run.Output.Trim().Split('\n').LastOrDefault()?.Trim() ?? string.Empty;
        if (run.ExitCode == 0)
        {
            Console.WriteLine($"ran   {snippet.Page}:{snippet.FenceLine} ({snippet.Kind.ToString().ToLowerInvariant()}, {(clock.Elapsed - started).TotalSeconds:0.0} s): {last}");
        }
        else
        {
            failed++;
            Console.Error.WriteLine($"FAIL  {snippet.Page}:{snippet.FenceLine} ({snippet.Kind.ToString().ToLowerInvariant()}) exited {run.ExitCode}:");
            Console.Error.WriteLine("      " + run.Output.Trim().Replace("\n", "\n      "));
        }
    }
}

Console.WriteLine($"docs snippet check: {built.Count} blocks built ({buildTime.TotalSeconds:0} s), {built.Count(s => s.Kind is SnippetKind.Program or SnippetKind.Host)} run, {failed} failed, in {clock.Elapsed.TotalSeconds:0} s");
return failed == 0 ? 0 : 1;

int Count(SnippetKind kind) => snippets.Count(s => s.Kind == kind);

static (int ExitCode, string Output) Run(string file, string arguments, string folder, TimeSpan timeout)
{
    var start = new ProcessStartInfo(file, arguments) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
    start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
    start.Environment["DOTNET_NOLOGO"] = "1";
    using var process = Process.Start(start)!;
    var output = new StringBuilder();
    process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
    process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    if (!process.WaitForExit(timeout))
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
        return (-1, output + $"\n(stopped after {timeout.TotalSeconds:0} s)");
    }

    process.WaitForExit();
    return (process.ExitCode, output.ToString());
}

/// <summary>The command line.</summary>
internal sealed record Options(string Repo, string Feed, string Version, string Work, IReadOnlyList<string> Pages)
{
    public static Options? Parse(string[] args)
    {
        string? repo = null, feed = null, version = null, work = null;
        var pages = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--repo" when i + 1 < args.Length: repo = args[++i]; break;
                case "--feed" when i + 1 < args.Length: feed = args[++i]; break;
                case "--version" when i + 1 < args.Length: version = args[++i]; break;
                case "--work" when i + 1 < args.Length: work = args[++i]; break;
                case var page when !page.StartsWith("--", StringComparison.Ordinal): pages.Add(page); break;
                default: return null;
            }
        }

        repo ??= FindRepo(Environment.CurrentDirectory);
        if (repo is null || feed is null || version is null)
        {
            return null;
        }

        return new Options(Path.GetFullPath(repo), Path.GetFullPath(feed), version, Path.GetFullPath(work ?? Path.Combine(Path.GetTempPath(), "feishugen-docs-" + Environment.ProcessId)), pages);
    }

    private static string? FindRepo(string from)
    {
        for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FeishuGen.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
