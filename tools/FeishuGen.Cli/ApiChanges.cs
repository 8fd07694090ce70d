using System.Collections.Generic;
using System.Linq;
using FeishuGen.Generator.Model;

namespace FeishuGen.Cli;

/// <summary>What changed in an API between two versions of its page: fields new, removed or retyped, error codes, method or path.</summary>
internal static class ApiChanges
{
    public static List<string> Between(EndpointModel before, EndpointModel after)
    {
        var old = ModelFacts.Of(before);
        var now = ModelFacts.Of(after);
        var changes = new List<string>();
        if (before.HttpMethod + " " + before.PathTemplate != after.HttpMethod + " " + after.PathTemplate)
        {
            changes.Add($"method or path changed: {before.HttpMethod} {before.PathTemplate} -> {after.HttpMethod} {after.PathTemplate}");
        }

        var oldFields = Fields(old);
        var newFields = Fields(now);
        foreach (var (field, type) in newFields)
        {
            if (!oldFields.TryGetValue(field, out var was))
            {
                changes.Add($"new field {field}: {type}");
            }
            else if (was != type)
            {
                changes.Add($"retyped field {field}: {was} -> {type}");
            }
        }

        changes.AddRange(oldFields.Keys.Where(f => !newFields.ContainsKey(f)).Select(f => "removed field " + f));
        changes.AddRange(now.Where(f => f.StartsWith("error ", System.StringComparison.Ordinal) && !old.Contains(f)).Select(f => "new error code " + f.Substring(6)));
        changes.AddRange(old.Where(f => f.StartsWith("error ", System.StringComparison.Ordinal) && !now.Contains(f)).Select(f => "removed error code " + f.Substring(6)));
        changes.AddRange(now.Where(f => f.Contains(" allows ") && !old.Contains(f)).Select(f => "new allowed value " + f));
        return changes;
    }

    // "body report_list.name: string required" -> ("body report_list.name", "string required")
    private static Dictionary<string, string> Fields(IEnumerable<string> facts)
    {
        var fields = new Dictionary<string, string>();
        foreach (var fact in facts)
        {
            var colon = fact.IndexOf(": ", System.StringComparison.Ordinal);
            if (colon > 0 && (fact.StartsWith("path ", System.StringComparison.Ordinal) || fact.StartsWith("query ", System.StringComparison.Ordinal) || fact.StartsWith("body ", System.StringComparison.Ordinal)))
            {
                fields[fact.Substring(0, colon)] = fact.Substring(colon + 2);
            }
        }

        return fields;
    }
}
