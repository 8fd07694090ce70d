using FeishuGen.Generator.Diagnostics;
using FeishuGen.Generator.Model;
using FeishuGen.Generator.Planning;

namespace FeishuGen.Generator.Emitting;

/// <summary>A generated file: its hint name and its text.</summary>
internal sealed record GeneratedFile(string HintName, string Source);

/// <summary>One unit after printing: its file, or the FSG0013 diagnostics that say why there is none.</summary>
internal sealed record PrintedFile(GeneratedFile? File, EquatableArray<DiagnosticInfo> Failures);

/// <summary>Prints each kind of unit with its emitter; the emitters print what the unit holds and decide nothing.</summary>
internal static class Printer
{
    public static string Print(FileUnit unit) => unit switch
    {
        RecordUnit record => RecordEmitter.Emit(record.Type),
        ErrorsUnit errors => ErrorsEmitter.Emit(errors),
        ResourceUnit resource => ResourceEmitter.Emit(resource),
        CatalogueEntriesUnit entries => CatalogueEmitter.EmitEntries(entries),
        CatalogueListUnit list => CatalogueEmitter.EmitList(list),
        GroupUnit group => ClientTreeEmitter.EmitGroup(group),
        RootUnit root => ClientTreeEmitter.EmitRoot(root),
        ResolverUnit resolver => JsonResolverEmitter.Emit(resolver),
        EventTypesUnit types => EventEmitter.EmitTypes(types),
        EventRegistrationsUnit registrations => EventEmitter.EmitRegistrations(registrations),
        EventCatalogueUnit catalogue => EventEmitter.EmitCatalogue(catalogue),
        _ => throw new System.ArgumentException("No emitter prints " + unit.GetType().Name, nameof(unit)),
    };

    /// <summary>Prints one unit; a failure becomes FSG0013 at the unit's pages (see <see cref="Isolation.Print"/>) and the file is left out.</summary>
    public static PrintedFile PrintSafely(FileUnit unit)
    {
        var (text, failures) = Isolation.Print(unit.Pages, () => Print(unit));
        return new PrintedFile(text is null ? null : new GeneratedFile(unit.HintName, text), failures);
    }
}
