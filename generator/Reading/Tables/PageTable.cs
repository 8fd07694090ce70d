using System.Collections.Generic;

namespace FeishuGen.Generator.Reading;

/// <summary>One logical table row: its cells (trimmed) and the 0-based line it starts on.</summary>
internal sealed record TableRow(IReadOnlyList<string> Cells, int Line);

/// <summary>What became of a table row (or a whole table, or a fence): the section accounting.</summary>
internal enum Use
{
    /// <summary>Nothing has taken it yet.</summary>
    None,

    /// <summary>Read into the model.</summary>
    Read,

    /// <summary>Not read, and a diagnostic at its line says so.</summary>
    Reported,
}

/// <summary>
/// A table of the page, whatever its syntax: a GFM pipe table as Markdig read it, one that
/// <see cref="TableRepair"/> had to put back together, or a docs-portal component
/// (<c>&lt;md-table&gt;</c>, <c>&lt;md-dt-table&gt;</c>). <see cref="Line"/> and <see cref="EndLine"/> are
/// 0-based, the end exclusive. Readers mark what they take, so that the page can account for
/// every row.
/// </summary>
internal sealed class PageTable
{
    public PageTable(TableRow? header, IReadOnlyList<TableRow> rows, int line, int endLine, TableKind kind)
    {
        Header = header;
        Rows = rows;
        Line = line;
        EndLine = endLine;
        Kind = kind;
        RowUses = new Use[rows.Count];
    }

    public TableRow? Header { get; }

    public IReadOnlyList<TableRow> Rows { get; }

    public int Line { get; }

    public int EndLine { get; }

    public TableKind Kind { get; }

    /// <summary>Whether a reader has taken the table.</summary>
    public Use Use { get; set; }

    /// <summary>What became of each row, by index.</summary>
    public Use[] RowUses { get; }

    /// <summary>Marks the table taken and every row read (tables read whole: the basic table, headers, errors).</summary>
    public void ReadWhole()
    {
        Use = Use.Read;
        for (var i = 0; i < RowUses.Length; i++)
        {
            RowUses[i] = Use.Read;
        }
    }
}

/// <summary>Where a table's rows came from.</summary>
internal enum TableKind
{
    /// <summary>A pipe table Markdig read as one.</summary>
    Pipe,

    /// <summary>A pipe table Markdig ended early or did not recognise, put back together line by line.</summary>
    Repaired,

    /// <summary>The docs portal's <c>&lt;md-table&gt;</c> or <c>&lt;md-dt-table&gt;</c>.</summary>
    Component,
}
