using FeishuGen.Generator.Diagnostics;

namespace FeishuGen.Generator.Model;

/// <summary>
/// What reading one page produced: the endpoint or the event (or neither when the page is a guide)
/// and the diagnostics with their lines. The generator keeps these apart so that moving a line
/// changes the diagnostics but not the model.
/// </summary>
internal sealed record PageReadResult(
    EndpointModel? Endpoint,
    EquatableArray<DiagnosticInfo> Diagnostics,
    int EndpointLine = 0,
    EventModel? Event = null);

/// <summary>
/// Where a page declares its endpoint (its request section), kept beside the model rather than in
/// it: diagnostics about the whole API (two pages claiming one name) are placed there, while an
/// edit that only moves lines leaves the model, and so the generated code, untouched.
/// </summary>
internal sealed record PageLine(string SpecPath, int Line);
