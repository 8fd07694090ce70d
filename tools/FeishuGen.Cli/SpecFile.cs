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

    /// <summary>
    /// The page with its front matter: the Feishu portal's (title, fullPath, updateTime) or the Lark
    /// portal's (title, full_path, source_url, updated_at). An update keeps the other lines of the
    /// page's front matter (document_id, breadcrumb) where they were.
    /// </summary>
    public static string Compose(PortalPage page, bool lark = false, string? previous = null)
    {
        var fields = lark
            ? new[] { ("title", page.Title), ("full_path", page.FullPath), ("source_url", FeishuGenCommand.LarkPortal + "document" + page.FullPath), ("updated_at", IsoTime(page.UpdateTime)) }
            : new[] { ("title", page.Title), ("fullPath", page.FullPath), ("updateTime", page.UpdateTime) };
        var written = new System.Collections.Generic.HashSet<string>();
        var builder = new StringBuilder("---\n");
        foreach (var line in previous is null ? Array.Empty<string>() : FrontMatterLines(previous))
        {
            var key = line.Contains(':') && !char.IsWhiteSpace(line[0]) ? line.Substring(0, line.IndexOf(':')) : null;
            var field = Array.Find(fields, f => f.Item1 == key);
            if (key is "title" or "fullPath" or "full_path" or "updateTime" or "updated_at" or "source_url" && field.Item1 is null)
            {
                continue;
            }

            builder.Append(field.Item1 is null ? line + "\n" : Field(field));
            if (field.Item1 is not null)
            {
                written.Add(field.Item1);
            }
        }

        foreach (var field in fields)
        {
            if (!written.Contains(field.Item1))
            {
                builder.Append(Field(field));
            }
        }

        return builder.Append("---\n\n").Append(page.Content).ToString();
    }

    /// <summary>Whether a page came from the Lark portal: its front matter has full_path, or a source_url on open.larksuite.com.</summary>
    public static bool IsLarkPage(string text)
    {
        var frontMatter = FeishuGen.Generator.Reading.FrontMatter.Read(text);
        return frontMatter["full_path"] is not null || frontMatter["source_url"]?.Contains("larksuite.com", StringComparison.OrdinalIgnoreCase) == true;
    }

    private static string Field((string Key, string Value) field) => field.Key + ": \"" + field.Value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"\n";

    // The portal gives milliseconds; the Lark front matter writes a UTC time.
    private static string IsoTime(string milliseconds)
        => long.TryParse(milliseconds, out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture) : milliseconds;

    private static string[] FrontMatterLines(string text)
    {
        if (!text.StartsWith("---", StringComparison.Ordinal))
        {
            return Array.Empty<string>();
        }

        var end = text.IndexOf("\n---", 3, StringComparison.Ordinal);
        return end < 0 ? Array.Empty<string>() : text.Substring(text.IndexOf('\n') + 1, end - text.IndexOf('\n')).TrimEnd('\n').Split('\n');
    }

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

    /// <summary>The fullPath (or the Lark portal's full_path) in a page's front matter, or null.</summary>
    public static string? FullPathIn(string text) => FeishuGen.Generator.Reading.FrontMatter.Read(text).FullPath;

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
