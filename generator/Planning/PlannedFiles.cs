using FeishuGen.Generator.Diagnostics;
using FeishuGen.Generator.Model;

namespace FeishuGen.Generator.Planning;

/// <summary>
/// The plan of the files and the pages that could not be merged or planned, as values: each unit
/// then flows on as its own pipeline item and is printed only when its content changed.
/// </summary>
internal sealed record PlannedFiles(EquatableArray<FileUnit> Units, EquatableArray<DiagnosticInfo> Failures);
