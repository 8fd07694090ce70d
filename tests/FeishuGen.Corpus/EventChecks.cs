using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FeishuGen.Events;
using FeishuGen.Generator.Reading;
using Microsoft.CodeAnalysis;

namespace FeishuGen.Corpus;

/// <summary>
/// The event section of the corpus check: every event page becomes an event in the generated
/// catalogue, and its 事件体示例's <c>event</c> member reads into the generated record and writes
/// back as the same JSON. Event pages are recognised from the raw text, independently of the
/// generator's reader, so a page the reader misses still counts as an event page that failed.
/// </summary>
internal sealed class EventChecks
{
    private static readonly Regex EventSection = new(@"^##\s*事件\s*$", RegexOptions.Multiline | RegexOptions.Compiled);
    private static readonly Regex BodySection = new(@"^#{2,4}\s*事件体\s*$", RegexOptions.Multiline | RegexOptions.Compiled);

    private readonly Dictionary<string, FeishuEventInfo> _catalogue;
    private readonly JsonSerializerOptions? _options;

    public EventChecks(CompiledCorpus compiled)
    {
        var catalogue = compiled.Assembly?.GetType(compiled.Namespace + ".FeishuEventCatalogue");
        var all = (IReadOnlyList<FeishuEventInfo>?)catalogue?.GetProperty("All")!.GetValue(null) ?? Array.Empty<FeishuEventInfo>();
        _catalogue = all.ToDictionary(e => e.SpecPath, e => e);
        var resolver = compiled.Assembly?.GetType(compiled.Namespace + ".FeishuEventJsonResolver");
        _options = (JsonSerializerOptions?)resolver?.GetProperty("Options")!.GetValue(null);
    }

    public static bool IsEventPage(string text) => EventSection.IsMatch(text) && BodySection.IsMatch(text);

    public void Run(PageOutcome outcome, string path, string text, List<Diagnostic> diagnostics)
    {
        if (!_catalogue.TryGetValue(outcome.Path, out var info))
        {
            if (diagnostics.FirstOrDefault(d => d.Id == "FSG0017") is { } duplicate)
            {
                outcome.Checks[CheckNames.EventGenerated] = CheckResult.Pass;
                outcome.Event = "same event as another page: " + duplicate.GetMessage();
                return;
            }

            var why = diagnostics.FirstOrDefault(d => d.Severity >= DiagnosticSeverity.Warning) ?? diagnostics.FirstOrDefault();
            outcome.Checks[CheckNames.EventGenerated] = CheckResult.Fail(why is null ? "no event and no diagnostic" : why.Id + ": " + why.GetMessage());
            return;
        }

        outcome.Checks[CheckNames.EventGenerated] = CheckResult.Pass;
        outcome.Event = info.EventType + " (" + info.Schema + ")";
        outcome.Checks[CheckNames.EventRoundTrip] = RoundTrip(info, PageReader.Read(path, text).Event?.Example);
    }

    private CheckResult RoundTrip(FeishuEventInfo info, string? example)
    {
        if (_options is null)
        {
            return CheckResult.Fail("the corpus assembly has no FeishuEventJsonResolver");
        }

        if (EndpointChecks.ParseExample(example, "event", out var root) is { } unusable)
        {
            return unusable;
        }

        if (EndpointChecks.HasDuplicateKeys(root))
        {
            return CheckResult.NotApplicable("page: event example repeats a key in one object");
        }

        if (root is not JsonObject envelope || envelope["event"] is not JsonObject body)
        {
            return CheckResult.NotApplicable("page: the example has no event object");
        }

        return EndpointChecks.RoundTrip(body, info.BodyType, _options);
    }
}
