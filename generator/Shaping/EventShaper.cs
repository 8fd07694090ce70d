using System.Collections.Generic;
using System.Linq;
using FeishuGen.Generator.Diagnostics;
using FeishuGen.Generator.Json;
using FeishuGen.Generator.Model;
using FeishuGen.Generator.Naming;

namespace FeishuGen.Generator.Shaping;

/// <summary>One event ready to emit: its page model and the C# names chosen for it.</summary>
internal sealed record EventSpec(EventModel Model, string Namespace, string Name, string BodyType)
{
    /// <summary>The registration method, named like the official SDKs' handlers: <c>OnImMessageReceiveV1</c>.</summary>
    public string MethodName => "On" + Name;

    public string BodyFullName => Namespace + "." + BodyType;
}

/// <summary>Everything the event emitters need for one compilation.</summary>
internal sealed record EventApiSpec(
    GeneratorOptions Options,
    EquatableArray<EventSpec> Events,
    EquatableArray<TypeSpec> Types,
    EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>
/// Turns the event pages of a compilation into C# names and records: one record per event for
/// its <c>event</c> member (the envelope is the runtime's), nested records shared per service in
/// <c>{root}.{Service}.Events</c>, kept apart from the API's records so that adding an event page
/// never reshapes a method's types.
/// </summary>
internal static class EventShaper
{
    /// <summary>Like <see cref="Shape"/>, but a page that cannot be shaped gets FSG0013 and the others are shaped without it.</summary>
    public static EventApiSpec ShapeSafely(IEnumerable<EventModel> models, GeneratorOptions options)
        => PageIsolation.Shape(
            models.ToList(),
            all => Shape(all, options),
            model => model.SpecPath,
            (spec, failures) => spec with { Diagnostics = spec.Diagnostics.Concat(failures).ToEquatableArray() },
            failure => new EventApiSpec(options, EquatableArray<EventSpec>.Empty, EquatableArray<TypeSpec>.Empty, new[] { failure }.ToEquatableArray()));

    public static EventApiSpec Shape(IEnumerable<EventModel> models, GeneratorOptions options)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var registry = new TypeRegistry();
        var events = new List<EventSpec>();
        var seen = new Dictionary<string, EventModel>();

        // One page per event type; the page whose path sorts first keeps it, whatever order the build lists files in.
        foreach (var model in models.OrderBy(m => m.SpecPath, System.StringComparer.Ordinal))
        {
            if (seen.TryGetValue(model.EventType, out var first))
            {
                diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.DuplicateEvent.Id, model.SpecPath, 0, 0, 0,
                    new[] { model.EventType, first.SpecPath }.ToEquatableArray()));
                continue;
            }

            seen.Add(model.EventType, model);
            var name = TypeName(model.EventType);
            var ns = options.RootNamespace + "." + ServiceOf(model.EventType) + ".Events";
            var spec = new EventSpec(model, ns, name, name + "Event");
            registry.Reserve(spec.BodyFullName);
            events.Add(spec);
        }

        var types = new List<TypeSpec>();
        foreach (var spec in events)
        {
            types.Add(BodyType(spec, new TypeResolver(registry, spec.Namespace, spec.Name, contradictionsAsNode: true)));
        }

        types.AddRange(registry.Build());
        return new EventApiSpec(options, events.ToEquatableArray(), types.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    /// <summary>'im.message.receive_v1' → 'ImMessageReceiveV1'.</summary>
    public static string TypeName(string eventType)
        => string.Concat(eventType.Split('.', '_').Where(s => s.Length > 0).Select(Identifiers.Pascal));

    private static string ServiceOf(string eventType)
    {
        var end = eventType.IndexOfAny(new[] { '.', '_' });
        return Identifiers.Pascal(end > 0 ? eventType.Substring(0, end) : eventType);
    }

    // The 事件体 table's 'event' member types the record; the example adds what the table lacks.
    private static TypeSpec BodyType(EventSpec spec, TypeResolver resolver)
    {
        var model = spec.Model;
        var example = model.Example is null ? null : LenientJsonParser.TryParse(model.Example, out _);
        var data = example?.Kind == JsonKind.Object ? example.Get("event") : null;
        var table = model.BodyFields.FirstOrDefault(f => f.Name == "event")?.Shape;
        var properties = table is not null
            ? resolver.ShapedProperties(table, data is { Kind: JsonKind.Object } ? data : null, spec.BodyType)
            : data is { Kind: JsonKind.Object }
                ? resolver.InferredProperties(data, spec.BodyType)
                : new List<PropertySpec>();
        var summary = "The body (the event member) of the event " + model.EventType + ": " + model.Title + ".";
        return new TypeSpec(spec.Namespace, spec.BodyType, TypeRole.Response, summary, properties.ToEquatableArray(), KeepsUnknownMembers: true);
    }
}
