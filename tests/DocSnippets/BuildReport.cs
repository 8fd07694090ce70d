using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace FeishuGen.DocSnippets;

/// <summary>
/// The build's errors, by doc page and snippet. Thanks to the #line directives the compiler already names
/// the Markdown file and line; this turns each into "docs/events.md:57:13 (block at line 50): error CS0103: …"
/// with the path relative to the repository, once each.
/// </summary>
public static class BuildReport
{
    private static readonly Regex Located = new(@"^\s*(?<file>.+?)\((?<line>\d+),(?<column>\d+)\): (?<severity>error|warning) (?<code>[A-Z]+\d+): (?<message>.*?)(?: \[[^\]]+\])?\s*$", RegexOptions.Compiled);
    private static readonly Regex Unlocated = new(@"(^|: )(?<severity>error) (?<code>[A-Z]+\d+): (?<message>.*?)(?: \[[^\]]+\])?\s*$", RegexOptions.Compiled);

    /// <summary>The errors in the build's output, each once, as messages about doc pages where the error is in one.</summary>
    /// <param name="output">What `dotnet build` printed.</param>
    /// <param name="repo">The repository, to show paths relative to it.</param>
    /// <param name="snippets">Every snippet built, to name the block an error is in.</param>
    public static List<string> Errors(string output, string repo, IReadOnlyList<DocSnippet> snippets)
    {
        var root = Path.GetFullPath(repo).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var errors = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n'))
        {
            string? message = null;
            if (Located.Match(line) is { Success: true } located && located.Groups["severity"].Value == "error")
            {
                var file = located.Groups["file"].Value.Trim();
                var page = file.StartsWith(root, StringComparison.Ordinal) ? file.Substring(root.Length).Replace('\\', '/') : file;
                var at = int.Parse(located.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture);
                var block = snippets.FirstOrDefault(s => s.Page == page && (s.MarkerLine == at || (at >= s.FirstLine && at <= s.LastLine)));
                message = $"{page}:{at}:{located.Groups["column"].Value}{(block is null ? string.Empty : $" (block at line {block.FenceLine})")}: error {located.Groups["code"].Value}: {located.Groups["message"].Value}";
            }
            else if (Unlocated.Match(line) is { Success: true } unlocated)
            {
                message = $"error {unlocated.Groups["code"].Value}: {unlocated.Groups["message"].Value}";
            }

            if (message is not null && seen.Add(message))
            {
                errors.Add(message);
            }
        }

        return errors;
    }
}
