using FeishuGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace FeishuGen.Generator.Diagnostics;

/// <summary>Where on a page a diagnostic points: the file and the 0-based line, column and length (a whole page: line 0, no span).</summary>
internal sealed record Place(string FilePath, int Line, int Column, int Length)
{
    /// <summary>A page as a whole: placed at the line that declares its endpoint when it is reported (<see cref="DiagnosticPlacement"/>).</summary>
    public static Place Page(string filePath) => new(filePath, 0, 0, 0);

    /// <summary>The project as a whole: no file.</summary>
    public static readonly Place Project = new(string.Empty, 0, 0, 0);
}

/// <summary>
/// A diagnostic as values: its descriptor from the catalogue (<see cref="DiagnosticDescriptors"/>),
/// the place on the page and the message arguments. It becomes a Roslyn <see cref="Diagnostic"/>
/// with a <see cref="Location"/> only when it is reported.
/// </summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, Place Place, EquatableArray<string> Arguments)
{
    public string Id => Descriptor.Id;

    public string FilePath => Place.FilePath;

    public int Line => Place.Line;

    public Diagnostic ToDiagnostic()
    {
        var start = new LinePosition(Place.Line, Place.Column);
        var end = new LinePosition(Place.Line, Place.Column + Place.Length);
        var location = Place.FilePath.Length == 0 ? Location.None : Location.Create(Place.FilePath, new TextSpan(0, 0), new LinePositionSpan(start, end));
        return Diagnostic.Create(Descriptor, location, Args());
    }

    /// <summary>The diagnostic as a compiler writes it: <c>file(line,column): severity ID: message</c>.</summary>
    public string Format()
    {
        var message = string.Format(System.Globalization.CultureInfo.InvariantCulture, Descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), Args());
        return $"{Place.FilePath}({Place.Line + 1},{Place.Column + 1}): {Descriptor.DefaultSeverity.ToString().ToLowerInvariant()} {Id}: {message}";
    }

    private object[] Args()
    {
        var args = new object[Arguments.Count];
        for (var i = 0; i < args.Length; i++)
        {
            args[i] = Arguments[i];
        }

        return args;
    }
}
