using System.Collections.Generic;
using System.Collections.Immutable;
using FeishuGen.Generator.Model;

namespace FeishuGen.Generator.Diagnostics;

/// <summary>Places diagnostics that the shaper raised about whole pages at the line where each page declares its endpoint.</summary>
internal static class DiagnosticPlacement
{
    public static EquatableArray<DiagnosticInfo> AtPageLines(EquatableArray<DiagnosticInfo> diagnostics, ImmutableArray<PageLine> lines)
    {
        if (diagnostics.Count == 0)
        {
            return diagnostics;
        }

        var byPath = new Dictionary<string, int>();
        foreach (var line in lines)
        {
            byPath[line.SpecPath] = line.Line;
        }

        var placed = new List<DiagnosticInfo>(diagnostics.Count);
        foreach (var diagnostic in diagnostics)
        {
            placed.Add(diagnostic.Line == 0 && byPath.TryGetValue(diagnostic.FilePath, out var line) ? diagnostic with { Place = diagnostic.Place with { Line = line } } : diagnostic);
        }

        return placed.ToEquatableArray();
    }
}
