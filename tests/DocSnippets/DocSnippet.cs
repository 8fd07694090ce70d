using System.Collections.Generic;

namespace FeishuGen.DocSnippets;

/// <summary>What a snippet is, as its marker says, and so how the check builds and runs it.</summary>
public enum SnippetKind
{
    /// <summary>A complete Program.cs (top-level statements and its own usings): built and run; it must exit 0.</summary>
    Program,

    /// <summary>A complete Program.cs that serves until stopped (a web app, a hosted long connection): run against the local server, probed, stopped.</summary>
    Host,

    /// <summary>Statements that assume variables (the marker's <c>with</c>): built inside a method taking them, with the page's usings.</summary>
    Fragment,

    /// <summary>A complete C# file (usings and types): built as it is.</summary>
    File,

    /// <summary>The page's using directives, which every fragment of the page is built with.</summary>
    Usings,

    /// <summary>Not C# to build (a shell line, pseudo code): the marker says why.</summary>
    Skip,
}

/// <summary>One fenced block of a doc page with its marker.</summary>
/// <param name="Page">The page, relative to the repository (docs/events.md).</param>
/// <param name="FenceLine">The 1-based line of the opening fence.</param>
/// <param name="MarkerLine">The 1-based line of the marker.</param>
/// <param name="Kind">What the marker says it is.</param>
/// <param name="Attributes">The marker's other settings (specs, with, packages, probe, event, body, reason).</param>
/// <param name="Lines">The code, one entry a line, as Markdig reads it (a list item's indentation removed).</param>
public sealed record DocSnippet(string Page, int FenceLine, int MarkerLine, SnippetKind Kind, IReadOnlyDictionary<string, string> Attributes, IReadOnlyList<string> Lines)
{
    /// <summary>The 1-based line of the code's first line.</summary>
    public int FirstLine => FenceLine + 1;

    /// <summary>The 1-based line of the code's last line.</summary>
    public int LastLine => FenceLine + Lines.Count;

    /// <summary>A name for the snippet, unique on its page: L{fence line}.</summary>
    public string Id => "L" + FenceLine;

    /// <summary>A setting of the marker, or null.</summary>
    public string? Get(string name) => Attributes.TryGetValue(name, out var value) ? value : null;

    /// <summary>The marker's comma-separated list <paramref name="name"/>, trimmed, without empty entries.</summary>
    public IEnumerable<string> List(string name)
    {
        foreach (var item in (Get(name) ?? string.Empty).Split(','))
        {
            if (item.Trim() is { Length: > 0 } trimmed)
            {
                yield return trimmed;
            }
        }
    }
}

/// <summary>A fault in a page's snippets or markers, at its line.</summary>
/// <param name="Page">The page.</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record DocProblem(string Page, int Line, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Page}:{Line}: {Message}";
}
