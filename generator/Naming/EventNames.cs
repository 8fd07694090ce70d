using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using FeishuGen.Generator.Diagnostics;
using FeishuGen.Generator.Model;
using FeishuGen.Generator.Shaping;

namespace FeishuGen.Generator.Naming;

/// <summary>
/// The C# names of one event: <c>im.message.receive_v1</c> is the constant <c>ImMessageReceiveV1</c>,
/// the registration <c>OnImMessageReceiveV1</c> (like the official SDKs' handlers) and the body
/// record <c>ImMessageReceiveV1Event</c> in <c>{root}.Im.Events</c>.
/// </summary>
internal sealed record EventNames(string Name, TypeName BodyType)
{
    public string Namespace => BodyType.Namespace;

    public string MethodName => "On" + Name;

    public static EventNames For(string eventType, string rootNamespace)
    {
        var name = TypeName(eventType);
        return new EventNames(name, new TypeName(rootNamespace + "." + ServiceOf(eventType) + ".Events", name + "Event"));
    }

    /// <summary>'im.message.receive_v1' → 'ImMessageReceiveV1'.</summary>
    public static string TypeName(string eventType)
        => string.Concat(eventType.Split('.', '_').Where(s => s.Length > 0).Select(Identifiers.Pascal));

    private static string ServiceOf(string eventType)
    {
        var end = eventType.IndexOfAny(new[] { '.', '_' });
        return Identifiers.Pascal(end > 0 ? eventType.Substring(0, end) : eventType);
    }
}

/// <summary>What an event page claims: its event type.</summary>
internal sealed record EventClaim(string SpecPath, string EventType);

/// <summary>One kept event's names and its place in the order of the compilation.</summary>
internal sealed record NamedEvent(string SpecPath, int Order, EventNames Names);

/// <summary>The names step of the event pages: one page per event type, the page whose path sorts first keeps it (FSG0017 for the others).</summary>
internal sealed record EventPlanNames(EquatableArray<NamedEvent> Events, EquatableArray<DiagnosticInfo> Diagnostics)
{
    private static readonly ConditionalWeakTable<EventPlanNames, Dictionary<string, NamedEvent>> BySpecPath = new();

    public NamedEvent? For(string specPath)
        => BySpecPath.GetValue(this, static names => names.Events.ToDictionary(e => e.SpecPath)).TryGetValue(specPath, out var named) ? named : null;

    public static EventPlanNames Resolve(IEnumerable<EventClaim> claims, string rootNamespace)
    {
        var diagnostics = new DiagnosticCollector();
        var events = new List<NamedEvent>();
        var seen = new Dictionary<string, EventClaim>();

        // The order depends on what the pages say and their paths, never on the order the build lists files in.
        foreach (var claim in claims.OrderBy(m => m.SpecPath, System.StringComparer.Ordinal))
        {
            if (seen.TryGetValue(claim.EventType, out var first))
            {
                diagnostics.Report(DiagnosticDescriptors.DuplicateEvent, Place.Page(claim.SpecPath), claim.EventType, first.SpecPath);
                continue;
            }

            seen.Add(claim.EventType, claim);
            events.Add(new NamedEvent(claim.SpecPath, events.Count, EventNames.For(claim.EventType, rootNamespace)));
        }

        return new EventPlanNames(events.ToEquatableArray(), diagnostics.ToEquatableArray());
    }
}
