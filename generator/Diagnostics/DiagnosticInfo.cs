using FeishuGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace FeishuGen.Generator.Diagnostics;

/// <summary>
/// A diagnostic as plain values: the descriptor's ID, the message arguments and the place on the
/// page (0-based line and column). It becomes a Roslyn <see cref="Diagnostic"/> only when reported.
/// </summary>
internal sealed record DiagnosticInfo(string Id, string FilePath, int Line, int Column, int Length, EquatableArray<string> Arguments)
{
    public Diagnostic ToDiagnostic()
    {
        var descriptor = DiagnosticDescriptors.Find(Id);
        var start = new LinePosition(Line, Column);
        var end = new LinePosition(Line, Column + Length);
        var location = FilePath.Length == 0 ? Location.None : Location.Create(FilePath, new TextSpan(0, 0), new LinePositionSpan(start, end));
        var args = new object[Arguments.Count];
        for (var i = 0; i < args.Length; i++)
        {
            args[i] = Arguments[i];
        }

        return Diagnostic.Create(descriptor, location, args);
    }

    public string Format()
    {
        var descriptor = DiagnosticDescriptors.Find(Id);
        var args = new object[Arguments.Count];
        for (var i = 0; i < args.Length; i++)
        {
            args[i] = Arguments[i];
        }

        var message = string.Format(descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), args);
        return $"{FilePath}({Line + 1},{Column + 1}): {descriptor.DefaultSeverity.ToString().ToLowerInvariant()} {Id}: {message}";
    }
}
