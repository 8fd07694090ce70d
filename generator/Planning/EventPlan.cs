using System.Collections.Generic;
using System.Linq;
using FeishuGen.Generator.Model;
using FeishuGen.Generator.Naming;
using FeishuGen.Generator.Shaping;

namespace FeishuGen.Generator.Planning;

/// <summary>
/// The plan of the events' files: a record per event body and nested record, the event type
/// constants, the typed registrations, the event catalogue and a JSON resolver for the event
/// records; the same units, hint-name rule and printing as the API's.
/// </summary>
internal static class EventPlan
{
    public const string TypesClass = "FeishuEventTypes";
    public const string RegistrationsClass = "FeishuEventRegistrations";
    public const string CatalogueClass = "FeishuEventCatalogue";
    public const string ResolverClass = "FeishuEventJsonResolver";

    public static List<FileUnit> Plan(EventApiSpec api)
    {
        var units = new List<FileUnit>();
        if (api.Events.Count == 0)
        {
            return units;
        }

        var options = api.Options;
        var root = options.RootNamespace;
        foreach (var type in api.Types)
        {
            units.Add(new RecordUnit(HintNames.For(root, type.Namespace, type.Name), type));
        }

        var events = api.Events.OrderBy(e => e.Model.EventType, System.StringComparer.Ordinal)
            .Select(e => new EventEntry(e.Name, e.Model.EventType, e.Model.Title, e.Model.Description, e.Model.LegacySchema, e.Model.Scopes, e.BodyType, e.MethodName,
                SpecPaths.Relative(e.Model.SpecPath, options.ProjectDirectory)))
            .ToEquatableArray();
        units.Add(new EventTypesUnit(TypesClass + ".g.cs", root, TypesClass, events));
        units.Add(new EventRegistrationsUnit(RegistrationsClass + ".g.cs", root, RegistrationsClass, TypesClass, events));
        units.Add(new EventCatalogueUnit(CatalogueClass + ".g.cs", root, CatalogueClass, events));
        units.Add(new ResolverUnit(ResolverClass + ".g.cs", root, ResolverClass, api.Types.Select(t => t.Id).ToEquatableArray()));
        return HintNames.Unique(units, u => u.HintName, (u, hint) => u with { HintName = hint });
    }
}
