using System.Collections.Generic;
using System.Linq;
using FeishuGen.Generator.Model;

namespace FeishuGen.Cli;

/// <summary>
/// What a model says about the API, one fact a line (prose and examples left out): the endpoint,
/// its names, payload kinds, tokens, scopes, error codes, and each parameter and body member with
/// its type, required flag and allowed values. Two forms of one doc must give the same facts, and
/// an updated page's new facts against its old ones are what changed in the API. The tool's and
/// the corpus check's (which compiles this file too), not the generator's.
/// </summary>
internal static class ModelFacts
{
    public static SortedSet<string> Of(EndpointModel model)
    {
        var facts = new SortedSet<string>(System.StringComparer.Ordinal)
        {
            "endpoint " + model.HttpMethod + " " + model.Host + model.PathTemplate,
            "name " + model.Naming.Service + "." + model.Naming.Version + "." + model.Naming.Resource + "." + model.Naming.Method,
            "payload " + model.RequestKind + " -> " + model.ResponseKind,
        };
        facts.UnionWith(model.TokenTypes.Select(t => "token " + t));
        facts.UnionWith(model.Scopes.Select(s => "scope " + s.Key));
        facts.UnionWith(model.Errors.Select(e => "error " + e.Code));
        AddFields(facts, "path", model.PathParameters);
        AddFields(facts, "query", model.QueryParameters);
        AddFields(facts, "body", model.BodyFields);
        AddFields(facts, "response", model.ResponseFields);
        return facts;
    }

    /// <summary>What an event page says: its type, schema, scopes and every member of the 事件体 table with its type.</summary>
    public static SortedSet<string> Of(EventModel model)
    {
        var facts = new SortedSet<string>(System.StringComparer.Ordinal)
        {
            "event " + model.EventType,
            "schema " + (model.LegacySchema ? "1.0" : "2.0"),
        };
        facts.UnionWith(model.Scopes.Select(s => "scope " + s.Key));
        AddFields(facts, "body", model.BodyFields);
        return facts;
    }

    private static void AddFields(SortedSet<string> facts, string where, IEnumerable<FieldModel> fields)
    {
        foreach (var field in fields)
        {
            var at = where + " " + field.Name;
            facts.Add(at + ": " + Type(field.Type) + (field.Required ? " required" : string.Empty));
            facts.UnionWith(field.AllowedValues.Select(v => at + " allows " + v.Value));
            if (field.Shape is { } shape)
            {
                AddTree(facts, at, shape);
            }
        }
    }

    private static void AddTree(SortedSet<string> facts, string at, TypeDefinition definition)
    {
        foreach (var property in definition.Properties)
        {
            facts.Add(at + "." + property.Name + ": " + Type(property.Type));
            if (property.Child is { } child)
            {
                AddTree(facts, at + "." + property.Name, child);
            }
        }
    }

    // The forms spell the same types differently only in markup.
    private static string Type(string type) => type.Replace("\\", string.Empty).Replace("`", string.Empty).Trim().ToLowerInvariant();
}
