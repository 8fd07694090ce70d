using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using FeishuGen.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FeishuGen.Tests.Snapshots;

/// <summary>
/// The generated code of six representative pages, compared with approved files in this folder:
/// a reviewer sees every change to the output in the diff. When the output changes on purpose,
/// run the tests with FEISHUGEN_APPROVE=1 to write the new approved files, and review them.
/// </summary>
public sealed class SnapshotTests
{
    private static readonly string Folder = Path.Combine(Repo.Root, "tests", "FeishuGen.Tests", "Snapshots");

    public static IEnumerable<object[]> Cases => new[]
    {
        new object[] { "seed", Path.Combine(Repo.Root, "specs", "回传背调订单的最终结果.md") },
        new object[] { "paged-list", Path.Combine(Repo.Root, "specs", "群组", "获取群列表.md") },
        new object[] { "upload", Path.Combine(Repo.Root, "specs", "消息", "上传图片.md") },
        new object[] { "download", Path.Combine(Repo.Root, "specs", "消息", "下载图片.md") },
        new object[] { "deep-tree", Path.Combine(Folder, "pages", "deep-tree.md") },
        new object[] { "event", Path.Combine(Repo.Root, "specs", "消息", "接收消息.md") },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_generated_code_matches_the_approved_files(string name, string page)
    {
        var (driver, output, diagnostics) = GeneratorHarness.Run(GeneratorHarness.Page("/p/specs/" + Path.GetFileName(page), File.ReadAllText(page)));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var generated = driver.GetRunResult().GeneratedTrees.ToDictionary(t => Path.GetFileName(t.FilePath), t => t.ToString().ReplaceLineEndings("\n"));
        var approvedFolder = Path.Combine(Folder, name);
        if (Environment.GetEnvironmentVariable("FEISHUGEN_APPROVE") == "1")
        {
            if (Directory.Exists(approvedFolder))
            {
                Directory.Delete(approvedFolder, recursive: true);
            }

            Directory.CreateDirectory(approvedFolder);
            foreach (var (file, text) in generated)
            {
                File.WriteAllText(Path.Combine(approvedFolder, file + ".approved"), text);
            }
        }

        var approved = Directory.Exists(approvedFolder)
            ? Directory.EnumerateFiles(approvedFolder, "*.approved").ToDictionary(f => Path.GetFileNameWithoutExtension(f), f => File.ReadAllText(f).ReplaceLineEndings("\n"))
            : new Dictionary<string, string>();
        var problems = new List<string>();
        problems.AddRange(approved.Keys.Except(generated.Keys).Select(f => "no longer generated: " + f));
        problems.AddRange(generated.Keys.Except(approved.Keys).Select(f => "new file, not approved: " + f));
        foreach (var file in generated.Keys.Intersect(approved.Keys))
        {
            if (FirstDifference(approved[file], generated[file]) is { } difference)
            {
                problems.Add(file + ": " + difference);
            }
        }

        Assert.True(problems.Count == 0, "The generated code of '" + name + "' differs from tests/FeishuGen.Tests/Snapshots/" + name + " (review, then approve with FEISHUGEN_APPROVE=1):\n" + string.Join("\n", problems));
    }

    // The first differing line, with the lines around it, as a reviewer would read it in a diff.
    private static string? FirstDifference(string approved, string generated)
    {
        var (a, b) = (approved.Split('\n'), generated.Split('\n'));
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var (left, right) = (i < a.Length ? a[i] : "<end>", i < b.Length ? b[i] : "<end>");
            if (left != right)
            {
                return $"line {i + 1}\n  - {left}\n  + {right}";
            }
        }

        return null;
    }
}
