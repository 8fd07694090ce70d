using System.Collections.Generic;
using FeishuGen.Generator.Model;

namespace FeishuGen.Generator.Shaping;

/// <summary>
/// A nested record's summary: the first sentence of the description of the first field that holds
/// it (a request's, a reply's or another record's, in the order of the pages), so that IntelliSense
/// says what the object is where the page says it; a record no described field holds gets the generic sentence.
/// </summary>
internal static class NestedSummaries
{
    public const string Fallback = "A Feishu object as the documentation pages describe it.";

    /// <summary><paramref name="nested"/> with their summaries, from the fields of <paramref name="holders"/> and of the nested records themselves.</summary>
    public static IEnumerable<TypeSpec> Summarized(IReadOnlyList<TypeSpec> holders, IReadOnlyList<TypeSpec> nested)
    {
        var summaries = new Dictionary<TypeName, string>();
        foreach (var type in new[] { holders, nested })
        {
            foreach (var record in type)
            {
                foreach (var property in record.Properties)
                {
                    if (Held(property.Type) is { } held && !summaries.ContainsKey(held) && FirstSentence(property.Description) is { Length: > 0 } sentence)
                    {
                        summaries.Add(held, sentence);
                    }
                }
            }
        }

        foreach (var record in nested)
        {
            yield return record with { Summary = summaries.TryGetValue(record.Id, out var summary) ? summary : Fallback };
        }
    }

    /// <summary>The first sentence of a description: up to its first line break and its first '。' or '. '.</summary>
    public static string FirstSentence(string description)
    {
        var text = description.Replace("\r", string.Empty);
        var line = text.IndexOf('\n');
        text = (line >= 0 ? text.Substring(0, line) : text).Trim();
        var stop = text.IndexOf('。');
        var period = text.IndexOf(". ", System.StringComparison.Ordinal);
        if (period >= 0 && (stop < 0 || period < stop))
        {
            stop = period;
        }

        return (stop >= 0 ? text.Substring(0, stop + 1) : text).TrimEnd(':', '：', ' ');
    }

    // The record a property's value is, or holds as list items.
    private static TypeName? Held(TypeRef type)
        => type.Kind == TypeKind.Named ? type.Name : type.Kind == TypeKind.List ? Held(type.Item!) : null;
}
