using System.Collections.Generic;

namespace FeishuGen.Corpus;

/// <summary>The result of one check on one page: passed, failed with a reason, or not applicable with a reason.</summary>
internal sealed record CheckResult(CheckState State, string? Reason = null)
{
    public static readonly CheckResult Pass = new(CheckState.Pass);

    public static CheckResult Fail(string reason) => new(CheckState.Fail, reason);

    /// <summary>The page lacks what the check needs (no curl sample, no example): the page's fault, not counted.</summary>
    public static CheckResult NotApplicable(string reason) => new(CheckState.NotApplicable, reason);
}

internal enum CheckState
{
    Pass,
    Fail,
    NotApplicable,
}

/// <summary>Everything the check found about one page.</summary>
internal sealed class PageOutcome
{
    public PageOutcome(string path, bool isApiPage, bool isEventPage = false)
    {
        Path = path;
        IsApiPage = isApiPage;
        IsEventPage = isEventPage && !isApiPage;
    }

    public string Path { get; }

    public bool IsApiPage { get; }

    /// <summary>An event page (<c>## 事件</c> with a 事件体 table): checked by the event section, not as a non-API page.</summary>
    public bool IsEventPage { get; }

    public string? Endpoint { get; set; }

    /// <summary>The generated event: its type and schema, e.g. "im.message.receive_v1 (2.0)".</summary>
    public string? Event { get; set; }

    /// <summary>"upload", "download" or null for JSON calls.</summary>
    public string? Payload { get; set; }

    /// <summary>What on the page named the generated method (the generator's <c>NameSource</c>: PythonSample, ApiExplorer, DocPath, DocUrl, Url…).</summary>
    public string? NamedFrom { get; set; }

    public List<string> Diagnostics { get; } = new();

    /// <summary>The page as the reader read it (the re-spelling check compares against it).</summary>
    public FeishuGen.Generator.Model.PageReadResult? Read { get; set; }

    /// <summary>The reader's section accounting of the page (tables, rows, fences read, reported, prose; unexplained).</summary>
    public FeishuGen.Generator.Model.PageAccounting Accounting { get; set; } = FeishuGen.Generator.Model.PageAccounting.None;

    /// <summary>Check name → result, in check order.</summary>
    public Dictionary<string, CheckResult> Checks { get; } = new();
}

/// <summary>The names of the checks, in report order.</summary>
internal static class CheckNames
{
    public const string Generated = "generated";
    public const string Compiles = "compiles";
    public const string Wire = "wire";
    public const string BodyRoundTrip = "body-round-trip";
    public const string ResponseRoundTrip = "response-round-trip";
    public const string Naming = "naming";
    public const string Payload = "payload";
    public const string NonApiClean = "non-api-clean";
    public const string EventGenerated = "event-generated";
    public const string EventRoundTrip = "event-round-trip";

    public static readonly string[] Event = { EventGenerated, EventRoundTrip };

    /// <summary>Every check the floor and the report count.</summary>
    public static readonly string[] All = { Generated, Compiles, Wire, BodyRoundTrip, ResponseRoundTrip, Naming, Payload, NonApiClean, EventGenerated, EventRoundTrip };

    public static readonly string[] Api = { Generated, Compiles, Wire, BodyRoundTrip, ResponseRoundTrip, Naming, Payload };
}
