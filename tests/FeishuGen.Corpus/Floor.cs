using System.Collections.Generic;
using System.IO;
using System.Text.Json.Nodes;

namespace FeishuGen.Corpus;

/// <summary>
/// The committed minimum pass counts per check (floor.json). CI fails when a count falls below
/// its floor or a maximum (compile problems, crashes under mutation) is exceeded; raise the floor
/// as the reader improves.
/// </summary>
internal static class Floor
{
    public static List<string> Violations(string path, CorpusReport report)
    {
        var floor = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var violations = new List<string>();
        foreach (var check in CheckNames.All)
        {
            if (floor[check] is { } minimum && report.Count(check).Pass < (int)minimum)
            {
                violations.Add($"{check}: {report.Count(check).Pass} passed, floor {(int)minimum}");
            }
        }

        if (floor["maxCompileProblems"] is { } maxProblems && report.Compiled.CompileProblems.Count > (int)maxProblems)
        {
            violations.Add($"compile problems: {report.Compiled.CompileProblems.Count}, at most {(int)maxProblems}");
        }

        if (floor["maxMutationCrashes"] is { } maxCrashes && report.Mutation?["crashes"] is { } crashes && (int)crashes > (int)maxCrashes)
        {
            violations.Add($"crashes under mutation: {(int)crashes}, at most {(int)maxCrashes}");
        }

        // At most this many methods named from the URL alone (FSG0010): a page that carries a name must give it.
        if (floor["maxNamedFromUrl"] is { } maxFromUrl && report.NamingSources().GetValueOrDefault("Url") > (int)maxFromUrl)
        {
            violations.Add($"named from the URL: {report.NamingSources().GetValueOrDefault("Url")}, at most {(int)maxFromUrl}");
        }

        if (floor["maxUnexplained"] is { } maxUnexplained && report.Accounting.Unexplained > (int)maxUnexplained)
        {
            violations.Add($"section accounting: {report.Accounting.Unexplained} blocks unexplained, at most {(int)maxUnexplained}");
        }

        if (floor["maxRespellDifferences"] is { } maxRespell && report.Respelling?["different"] is { } different && (int)different > (int)maxRespell)
        {
            violations.Add($"re-spelling: {(int)different} pages give another model re-spelled, at most {(int)maxRespell}");
        }

        if (floor["maxFailures"] is JsonObject maxFailures)
        {
            foreach (var (check, max) in maxFailures)
            {
                if (max is not null && report.Count(check).Fail > (int)max)
                {
                    violations.Add($"{check}: {report.Count(check).Fail} failed, at most {(int)max}");
                }
            }
        }

        return violations;
    }
}
