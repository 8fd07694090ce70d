using System.Linq;
using FeishuGen.Generator.Diagnostics;
using FeishuGen.Generator.Model;
using Markdig;
using Markdig.Syntax;

namespace FeishuGen.Cli;

/// <summary>
/// What a page is, in the words every message of the tool uses: its kind (API page, event page, guide
/// page) and its title, and, when the generator cannot read it, the diagnostic that says why.
/// </summary>
/// <param name="Kind">"API page", "event page", "guide page" or "page".</param>
/// <param name="Title">The portal's title, else the page's own heading.</param>
/// <param name="Fault">Why no method or event comes from it, when it is meant to give one.</param>
internal sealed record PageKind(string Kind, string Title, DiagnosticInfo? Fault)
{
    /// <summary>Whether the page becomes a method or an event.</summary>
    public bool Generates => Fault is null && Kind is ApiPage or EventPage;

    private const string ApiPage = "API page";
    private const string EventPage = "event page";

    /// <summary>The kind of <paramref name="read"/>, titled <paramref name="title"/> (or the page's own title when that is empty).</summary>
    public static PageKind Of(PageReadResult read, string? title, string content)
    {
        var titled = !string.IsNullOrWhiteSpace(title) ? title!.Trim() : read.Endpoint?.Title ?? read.Event?.Title ?? TitleOf(content);
        if (read.Endpoint is not null)
        {
            return new PageKind(ApiPage, titled, null);
        }

        if (read.Event is not null)
        {
            return new PageKind(EventPage, titled, null);
        }

        var fault = read.Diagnostics.FirstOrDefault(d => d.Id != DiagnosticDescriptors.NotAnApiPage.Id);
        var kind = fault?.Id switch
        {
            null => "guide page",
            var id when id == DiagnosticDescriptors.EventTypeMissing.Id => EventPage,
            var id when id == DiagnosticDescriptors.ReaderFailure.Id => "page",
            _ => ApiPage,
        };
        return new PageKind(kind, titled, fault);
    }

    /// <summary>The page's first heading, the title a page carries when the portal sends none.</summary>
    public static string TitleOf(string content)
    {
        var document = Markdown.Parse(content);
        var heading = document.Descendants<HeadingBlock>().FirstOrDefault();
        var text = heading?.Inline is null ? null : string.Concat(heading.Inline.Descendants<Markdig.Syntax.Inlines.LiteralInline>().Select(l => l.Content.ToString())).Trim();
        return string.IsNullOrEmpty(text) ? "(untitled)" : text!;
    }

    /// <summary>Why nothing is generated from the page, as the end of a sentence: "it is neither an API page nor an event page".</summary>
    public string WhyNothing()
        => Fault is null
            ? "it is neither an API page nor an event page"
            : $"FeishuGen cannot read it: {Fault.Id}: {DiagnosticText(Fault)}";

    /// <inheritdoc/>
    public override string ToString() => $"{Kind} \"{Title}\"";

    // The message of a diagnostic without its file and line (the user named the page already).
    private static string DiagnosticText(DiagnosticInfo diagnostic)
    {
        var formatted = diagnostic.Format();
        var marker = " " + diagnostic.Id + ": ";
        var at = formatted.IndexOf(marker, System.StringComparison.Ordinal);
        return at < 0 ? formatted : formatted.Substring(at + marker.Length);
    }
}

/// <summary>Words for page kinds.</summary>
internal static class PageKindWords
{
    /// <summary>"an API page", "an event page", "a guide page".</summary>
    public static string WithArticle(this string kind) => ("AEIOUaeiou".IndexOf(kind[0]) >= 0 ? "an " : "a ") + kind;
}
