using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using FeishuGen.Generator.Model;
using FeishuGen.Generator.Reading;
using FeishuGen.TestSupport;

namespace FeishuGen.Corpus;

/// <summary>
/// The same doc gives the same model however its Markdown is spelled: every page is read as it
/// is and again re-spelled mechanically (tables without outer pipes, setext headings, '*' and '+'
/// bullets, tildes, CRLF, a byte order mark; see <see cref="MarkdownRespelling"/>), and the two
/// models must be equal, whole (descriptions and examples included). A page that differs is
/// printed with the re-spelling that changes it.
/// </summary>
internal static class RespellCheck
{
    /// <summary>Re-spells every page and compares; <paramref name="read"/> gives a page's model as read already (the corpus run's own reading).</summary>
    public static JsonObject Run(IReadOnlyList<(string Path, string Text)> pages, Func<string, string, PageReadResult>? read = null)
    {
        read ??= PageReader.Read;
        var equal = 0;
        var counted = 0;
        var differences = new JsonArray();
        var counts = new Dictionary<string, int>();
        foreach (var (path, text) in pages)
        {
            var original = read(path, text);
            if (original.Endpoint is null && original.Event is null)
            {
                continue;
            }

            counted++;
            if (Same(original, PageReader.Read(path, MarkdownRespelling.All(text, counts))))
            {
                equal++;
                continue;
            }

            // Which re-spelling on its own changes the model.
            var culprits = MarkdownRespelling.Kinds.Where(k => !Same(original, PageReader.Read(path, MarkdownRespelling.Apply(text, k)))).ToList();
            differences.Add($"{path}: {(culprits.Count == 0 ? "only all re-spellings together" : string.Join(", ", culprits))}");
        }

        return new JsonObject
        {
            ["pages"] = counted,
            ["equal"] = equal,
            ["different"] = counted - equal,
            ["respelled"] = new JsonObject(counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => KeyValuePair.Create(c.Key, (JsonNode?)c.Value))),
            ["differences"] = differences,
        };
    }

    private static bool Same(PageReadResult a, PageReadResult b)
        => Equals(a.Endpoint, b.Endpoint) && Equals(a.Event, b.Event);
}
