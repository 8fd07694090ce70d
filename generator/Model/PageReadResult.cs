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
    EventModel? Event = null)
{
    /// <summary>What became of the tables, rows and fenced blocks of the sections the reader took (the corpus check prints it).</summary>
    public PageAccounting Accounting { get; init; } = PageAccounting.None;
}

/// <summary>
/// The section accounting of one page: of the tables, their rows and the fenced blocks, how many
/// were read into the model, reported by a diagnostic, or prose (outside the sections read), and how
/// many of the sections read were left to the closing check alone (unexplained).
/// </summary>
internal sealed record PageAccounting(
    int Tables, int TablesRead, int TablesReported,
    int Rows, int RowsRead, int RowsReported,
    int Fences, int FencesRead, int FencesReported,
    int Unexplained)
{
    public static readonly PageAccounting None = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}

/// <summary>
/// Where a page declares its endpoint (its request section), kept beside the model rather than in
/// it: diagnostics about the whole API (two pages claiming one name) are placed there, while an
/// edit that only moves lines leaves the model, and so the generated code, untouched.
/// </summary>
internal sealed record PageLine(string SpecPath, int Line);
