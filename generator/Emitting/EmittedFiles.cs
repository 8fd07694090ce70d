using System.Collections.Generic;
using FeishuGen.Generator.Diagnostics;
using FeishuGen.Generator.Model;

namespace FeishuGen.Generator.Emitting;

/// <summary>
/// The printed files of one emit step and the pages that failed, as values: each file then flows
/// on as its own pipeline item, compared by hint name and text, so that an unchanged file is
/// never added to the compilation again.
/// </summary>
internal sealed record EmittedFiles(EquatableArray<GeneratedFile> Files, EquatableArray<DiagnosticInfo> Failures)
{
    public static EmittedFiles Of(IEnumerable<GeneratedFile> files, IEnumerable<DiagnosticInfo> failures)
        => new(files.ToEquatableArray(), failures.ToEquatableArray());
}

/// <summary>
/// The plan of the API's files and the pages that could not be planned, as values: each unit then
/// flows on as its own pipeline item and is printed only when its content changed.
/// </summary>
internal sealed record PlannedFiles(EquatableArray<FileUnit> Units, EquatableArray<DiagnosticInfo> Failures);
