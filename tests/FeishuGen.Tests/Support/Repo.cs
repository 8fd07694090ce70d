using System;
using System.IO;

namespace FeishuGen.Tests.Support;

/// <summary>Paths in the repository and in ../shared, found from the test's working directory.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string SeedPage => Path.Combine(Root, "specs", "回传背调订单的最终结果.md");

    public static string ReadSeed() => File.ReadAllText(SeedPage);

    /// <summary>The shared corpus of real pages, when present beside the repository.</summary>
    public static string? SharedDocs
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(Root, "..", "shared", "feishu-docs"));
            return Directory.Exists(path) ? path : null;
        }
    }

    /// <summary>A real page of ../shared (CI lays shared/ beside the clone), read where it lies.</summary>
    /// <param name="folder">feishu-docs, feishu-docs-portal or feishu-docs-markdown.</param>
    /// <param name="relativePath">The page's path inside the folder.</param>
    public static string SharedPage(string folder, string relativePath)
    {
        var path = Path.GetFullPath(Path.Combine(Root, "..", "shared", folder, relativePath));
        return File.Exists(path) ? File.ReadAllText(path) : throw new FileNotFoundException("This test reads a real page from ../shared, which must lie beside the repository.", path);
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FeishuGen.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("FeishuGen.sln not found above " + AppContext.BaseDirectory);
    }
}
