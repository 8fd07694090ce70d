using System;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;

namespace FeishuGen.Cli;

/// <summary>Pages as files in specs/: where a fullPath goes, the front matter, and writes that never leave half a page.</summary>
internal static class SpecFile
{
    private static readonly Regex TitleLine = new(@"^title:\s*""?(.*?)""?\s*$", RegexOptions.Multiline | RegexOptions.Compiled);
    private static readonly Regex ServiceVersion = new(@"^[a-z][a-z0-9_]*-v\d+$", RegexOptions.Compiled);

    /// <summary>specs/hire-v1/eco_exam/update_result.md for …/hire-v1/eco_exam/update_result: from the service-version segment on.</summary>
    public static string PathFor(DirectoryInfo specs, string fullPath)
    {
        var segments = fullPath.Trim('/').Split('/');
        var from = Array.FindIndex(segments, s => ServiceVersion.IsMatch(s));
        var kept = from >= 0 ? segments[from..] : segments[Math.Max(0, segments.Length - 2)..];
        foreach (var segment in kept)
        {
            if (segment is "." or ".." || segment.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            {
                throw new PortalException($"'{fullPath}' does not name a page path that can be a file");
            }
        }

        return Path.Combine(specs.FullName, Path.Combine(kept)) + ".md";
    }

    public static string Compose(PortalPage page)
        => new StringBuilder()
            .Append("---\n")
            .Append("title: \"").Append(page.Title.Replace("\\", "\\\\").Replace("\"", "\\\"")).Append("\"\n")
            .Append("fullPath: \"").Append(page.FullPath).Append("\"\n")
            .Append("updateTime: \"").Append(page.UpdateTime).Append("\"\n")
            .Append("---\n\n")
            .Append(page.Content)
            .ToString();

    /// <summary>The title in a page's front matter (as <see cref="Compose"/> writes it), or null.</summary>
    public static string? TitleIn(string text)
    {
        if (!text.StartsWith("---", StringComparison.Ordinal))
        {
            return null;
        }

        var end = text.IndexOf("\n---", 3, StringComparison.Ordinal);
        var match = TitleLine.Match(end < 0 ? string.Empty : text.Substring(0, end));
        return match.Success ? match.Groups[1].Value.Replace("\\\"", "\"").Replace("\\\\", "\\") : null;
    }

    /// <summary>The fullPath in a page's front matter, or null.</summary>
    public static string? FullPathIn(string text) => FeishuGen.Generator.Reading.PageNaming.FullPathOf(text);

    /// <summary>The page without its front matter (what the portal serves).</summary>
    public static string ContentOf(string text)
    {
        if (!text.StartsWith("---", StringComparison.Ordinal))
        {
            return text;
        }

        var end = text.IndexOf("\n---", 3, StringComparison.Ordinal);
        return end < 0 ? text : text.Substring(text.IndexOf('\n', end + 1) + 1).TrimStart('\n');
    }

    /// <summary>Writes to a temporary file beside the target, then moves it over: a page is whole or untouched.</summary>
    public static void WriteAtomically(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        try
        {
            File.WriteAllText(temporary, text, new UTF8Encoding(false));
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
