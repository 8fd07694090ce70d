using System.Collections.Generic;
using System.Linq;
using FeishuGen.Generator.Model;

namespace FeishuGen.Cli;

/// <summary>
/// What changed in an API between two versions of its page: fields new, removed or retyped, error codes,
/// method or path; for an event page, its type and its body's fields; and a page that changed kind.
/// </summary>
internal static class ApiChanges
{
    public static List<string> Between(PageReadResult before, PageReadResult after, PageKind was, PageKind now)
    {
        if (before.Endpoint is { } oldEndpoint && after.Endpoint is { } newEndpoint)
        {
            return Between(oldEndpoint, newEndpoint);
        }

        if (before.Event is { } oldEvent && after.Event is { } newEvent)
        {
            var changes = new List<string>();
            if (oldEvent.EventType != newEvent.EventType)
            {
                changes.Add($"event type changed: {oldEvent.EventType} -> {newEvent.EventType}");
            }

            changes.AddRange(FieldChanges(ModelFacts.Of(oldEvent), ModelFacts.Of(newEvent)));
            return changes;
        }

        if (now.Generates)
        {
            return new List<string> { was.Generates ? $"now {now.Kind.WithArticle()} (it was {was.Kind.WithArticle()})" : $"now {now.Kind.WithArticle()} (it was {was.Kind.WithArticle()}, and {was.WhyNothing()})" };
        }

        return was.Generates ? new List<string> { $"no longer generates anything: it is {now.Kind.WithArticle()}, and {now.WhyNothing()}" } : new List<string>();
    }

    public static List<string> Between(EndpointModel before, EndpointModel after)
    {
        var old = ModelFacts.Of(before);
        var now = ModelFacts.Of(after);
        var changes = new List<string>();
        if (before.HttpMethod + " " + before.PathTemplate != after.HttpMethod + " " + after.PathTemplate)
        {
            changes.Add($"method or path changed: {before.HttpMethod} {before.PathTemplate} -> {after.HttpMethod} {after.PathTemplate}");
        }

        changes.AddRange(FieldChanges(old, now));
        changes.AddRange(now.Where(f => f.StartsWith("error ", System.StringComparison.Ordinal) && !old.Contains(f)).Select(f => "new error code " + f.Substring(6)));
        changes.AddRange(old.Where(f => f.StartsWith("error ", System.StringComparison.Ordinal) && !now.Contains(f)).Select(f => "removed error code " + f.Substring(6)));
        changes.AddRange(now.Where(f => f.Contains(" allows ") && !old.Contains(f)).Select(f => "new allowed value " + f));
        return changes;
    }

    private static IEnumerable<string> FieldChanges(SortedSet<string> old, SortedSet<string> now)
    {
        var oldFields = Fields(old);
        var newFields = Fields(now);
        foreach (var (field, type) in newFields)
        {
            if (!oldFields.TryGetValue(field, out var was))
            {
                yield return $"new field {field}: {type}";
            }
            else if (was != type)
            {
                yield return $"retyped field {field}: {was} -> {type}";
            }
        }

        foreach (var field in oldFields.Keys.Where(f => !newFields.ContainsKey(f)))
        {
            yield return "removed field " + field;
        }
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
