using System.Collections.Generic;
using System.Linq;
using FeishuGen.Generator.Diagnostics;
using FeishuGen.Generator.Json;
using FeishuGen.Generator.Model;
using FeishuGen.Generator.Naming;

namespace FeishuGen.Generator.Shaping;

/// <summary>One event ready to plan: its page model and its names.</summary>
internal sealed record EventSpec(EventModel Model, EventNames Names)
{
    public string Namespace => Names.Namespace;

    public string Name => Names.Name;

    public string MethodName => Names.MethodName;

    public TypeName BodyType => Names.BodyType;
}

/// <summary>One event page shaped on its own: the body record and the nested records it registered (see <see cref="PageShape"/>).</summary>
internal sealed record EventShape(int Order, string SpecPath, EventSpec? Event, TypeSpec? Body, EquatableArray<Registration> Registrations, EquatableArray<DiagnosticInfo> Failures);

/// <summary>Everything the event plan needs for one compilation.</summary>
internal sealed record EventApiSpec(
    GeneratorOptions Options,
    EquatableArray<EventSpec> Events,
    EquatableArray<TypeSpec> Types,
    EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>
/// Turns each event page into a record for its <c>event</c> member (the envelope is the
/// runtime's), on its own like <see cref="ApiShaper"/>; nested records are shared per service in
/// <c>{root}.{Service}.Events</c>, kept apart from the API's records so that adding an event page
/// never reshapes a method's types.
/// </summary>
internal static class EventShaper
{
    /// <summary>One event page's shape, or null when another page keeps its event type.</summary>
    public static EventShape? ShapePage(EventModel model, EventPlanNames names)
    {
        if (names.For(model.SpecPath) is not { } named)
        {
            return null;
        }

        return Isolation.Page(
            model.SpecPath,
            () =>
            {
                var spec = new EventSpec(model, named.Names);
                var types = new PendingTypes();
                var body = ApiShaper.Finish(BodyType(spec, new TypeResolver(types, spec.Namespace, spec.Name, contradictionsAsNode: true)));
                return new EventShape(named.Order, model.SpecPath, spec, body, types.Registrations, EquatableArray<DiagnosticInfo>.Empty);
            },
            failure => new EventShape(named.Order, model.SpecPath, null, null, EquatableArray<Registration>.Empty, new[] { failure }.ToEquatableArray()));
    }

    public static EventApiSpec Merge(IEnumerable<EventShape> shapes, GeneratorOptions options)
    {
        var ordered = shapes.OrderBy(s => s.Order).ToList();
        var registry = new TypeRegistry();
        foreach (var spec in ordered.Select(s => s.Event).OfType<EventSpec>())
        {
            registry.Reserve(spec.BodyType);
        }

        var types = new List<TypeSpec>();
        foreach (var shape in ordered.Where(s => s.Event is not null))
        {
            var slots = registry.Merge(shape.Registrations);
            types.Add(ApiShaper.Resolved(shape.Body!, slots));
        }

        types.AddRange(registry.Build(types).ToList().Select(ApiShaper.Finish));
        return new EventApiSpec(options, ordered.Select(s => s.Event).OfType<EventSpec>().ToEquatableArray(), types.ToEquatableArray(), ordered.SelectMany(s => s.Failures).ToEquatableArray());
    }

    // The 事件体 table's 'event' member types the record; the example adds what the table lacks.
    private static TypeSpec BodyType(EventSpec spec, TypeResolver resolver)
    {
        var model = spec.Model;
        var example = model.Example is null ? null : LenientJsonParser.TryParse(model.Example, out _);
        var data = example?.Kind == JsonKind.Object ? example.Get("event") : null;
        var table = model.BodyFields.FirstOrDefault(f => f.Name == "event")?.Shape;
        var properties = table is not null
            ? resolver.ShapedProperties(table, data is { Kind: JsonKind.Object } ? data : null, spec.BodyType.Name)
            : data is { Kind: JsonKind.Object }
                ? resolver.InferredProperties(data, spec.BodyType.Name)
                : new List<PropertySpec>();
        var summary = "The body (the event member) of the event " + model.EventType + ": " + model.Title + ".";
        return new TypeSpec(spec.BodyType, TypeRole.Response, summary, properties.ToEquatableArray(), KeepsUnknownMembers: true);
    }
}
