using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using FeishuGen.Generator.Reading;

namespace FeishuGen.Corpus;

/// <summary>
/// Feeds the reader, and then the whole generator, thousands of damaged pages (lines dropped,
/// duplicated, swapped, truncated; table pipes removed or added; fences left open; bytes
/// flipped), seeded so that a run can be repeated. A crash is any exception caught inside the
/// generator (FSG0011/FSG0013) or escaping it (CS8785); a page that yields no endpoint must get
/// a diagnostic with a line.
/// </summary>
internal static class MutationCheck
{
    private const int BatchSize = 250;

    private static readonly string[] Kinds =
    {
        "drop-line", "duplicate-line", "swap-lines", "truncate", "break-table-row", "add-pipe", "open-fence", "flip-bytes", "drop-heading-hashes", "shuffle-block",
    };

    public static JsonObject Run(IReadOnlyList<(string Path, string Text)> pages, int variants, int seed)
    {
        var random = new Random(seed);
        var readerCrashes = 0;
        var silentPages = 0;
        var byKind = Kinds.ToDictionary(k => k, _ => 0);
        var batch = new List<(string, string)>();
        var generatorCrashes = 0;
        var examples = new JsonArray();

        for (var i = 0; i < variants; i++)
        {
            var (path, text) = pages[random.Next(pages.Count)];
            var kind = Kinds[random.Next(Kinds.Length)];
            byKind[kind]++;
            var mutated = Mutate(text, kind, random);
            var mutantPath = path + ".mutant" + i + ".md";
            var result = PageReader.Read(mutantPath, mutated);
            if (result.Diagnostics.Any(d => d.Id == "FSG0011"))
            {
                readerCrashes++;
                if (examples.Count < 10)
                {
                    examples.Add($"{kind} of {path}: {result.Diagnostics.First(d => d.Id == "FSG0011").Arguments[0]}");
                }
            }

            // An event page gives an event, not an endpoint: only a page that gives neither must say why.
            if (result.Endpoint is null && result.Event is null && !result.Diagnostics.Any(d => d.FilePath.Length > 0))
            {
                silentPages++;
            }

            batch.Add((mutantPath, mutated));
            if (batch.Count == BatchSize || i == variants - 1)
            {
                generatorCrashes += GeneratorCrashes(batch);
                batch.Clear();
            }
        }

        var kinds = new JsonObject();
        foreach (var (kind, count) in byKind)
        {
            kinds[kind] = count;
        }

        return new JsonObject
        {
            ["variants"] = variants,
            ["seed"] = seed,
            ["crashes"] = readerCrashes + generatorCrashes,
            ["readerCrashes"] = readerCrashes,
            ["generatorCrashes"] = generatorCrashes,
            ["pagesWithoutEndpointOrDiagnostic"] = silentPages,
            ["mutations"] = kinds,
            ["examples"] = examples,
        };
    }

    private static int GeneratorCrashes(List<(string Path, string Text)> batch)
    {
        var compiled = CorpusCompiler.Generate(batch);
        return compiled.Count(d => d.Id is "FSG0011" or "FSG0013" or "CS8785");
    }

    private static string Mutate(string text, string kind, Random random)
    {
        var lines = text.Split('\n').ToList();
        var at = random.Next(lines.Count);
        switch (kind)
        {
            case "drop-line":
                lines.RemoveAt(at);
                break;
            case "duplicate-line":
                lines.Insert(at, lines[at]);
                break;
            case "swap-lines":
                var other = random.Next(lines.Count);
                (lines[at], lines[other]) = (lines[other], lines[at]);
                break;
            case "truncate":
                return text.Substring(0, random.Next(text.Length + 1));
            case "break-table-row":
                var rows = lines.Select((l, i) => (l, i)).Where(p => p.l.TrimStart().StartsWith('|')).ToList();
                if (rows.Count > 0)
                {
                    var row = rows[random.Next(rows.Count)].i;
                    lines[row] = lines[row].Replace("|", random.Next(2) == 0 ? string.Empty : " ");
                }

                break;
            case "add-pipe":
                var line = lines[at];
                lines[at] = line.Insert(random.Next(line.Length + 1), "|");
                break;
            case "open-fence":
                var fences = lines.Select((l, i) => (l, i)).Where(p => p.l.TrimStart().StartsWith("```", StringComparison.Ordinal)).ToList();
                if (fences.Count > 0)
                {
                    lines.RemoveAt(fences[random.Next(fences.Count)].i);
                }

                break;
            case "flip-bytes":
                // Flipped bits in the UTF-8 bytes: broken multi-byte characters decode as U+FFFD, as a build would read them.
                var bytes = Encoding.UTF8.GetBytes(text);
                for (var n = 0; n < 1 + random.Next(8) && bytes.Length > 0; n++)
                {
                    bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                }

                return Encoding.UTF8.GetString(bytes);
            case "drop-heading-hashes":
                var headings = lines.Select((l, i) => (l, i)).Where(p => p.l.StartsWith('#')).ToList();
                if (headings.Count > 0)
                {
                    var heading = headings[random.Next(headings.Count)].i;
                    lines[heading] = lines[heading].TrimStart('#');
                }

                break;
            default:
                var length = Math.Min(lines.Count - at, 1 + random.Next(20));
                var block = lines.GetRange(at, length);
                lines.RemoveRange(at, length);
                lines.Insert(random.Next(lines.Count + 1), string.Join("\n", block));
                break;
        }

        return string.Join("\n", lines);
    }
}
