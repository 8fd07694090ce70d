using System.Collections;
using System.Collections.Generic;
using FeishuGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace FeishuGen.Generator.Diagnostics;

/// <summary>
/// The one way diagnostics are made: each stage reports into a collector, by descriptor, place
/// and message arguments, and hands the values on (<see cref="ToEquatableArray"/>).
/// </summary>
internal sealed class DiagnosticCollector : IReadOnlyCollection<DiagnosticInfo>
{
    private readonly List<DiagnosticInfo> _items = new();

    public int Count => _items.Count;

    /// <summary>Reports <paramref name="descriptor"/> at <paramref name="place"/> with its message arguments.</summary>
    public void Report(DiagnosticDescriptor descriptor, Place place, params string[] arguments)
        => _items.Add(Make(descriptor, place, arguments));

    /// <summary>Adds a diagnostic made elsewhere (another stage's, or one of <see cref="Make"/>).</summary>
    public void Add(DiagnosticInfo diagnostic) => _items.Add(diagnostic);

    public void AddRange(IEnumerable<DiagnosticInfo> diagnostics) => _items.AddRange(diagnostics);

    /// <summary>A diagnostic value, for a stage that returns one instead of reporting it.</summary>
    public static DiagnosticInfo Make(DiagnosticDescriptor descriptor, Place place, params string[] arguments)
        => new(descriptor, place, arguments.ToEquatableArray());

    public EquatableArray<DiagnosticInfo> ToEquatableArray() => _items.ToEquatableArray();

    public IEnumerator<DiagnosticInfo> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
