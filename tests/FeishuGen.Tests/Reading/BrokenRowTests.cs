using System.Linq;
using FeishuGen.Generator.Reading;
using FeishuGen.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FeishuGen.Tests.Reading;

/// <summary>
/// A row that lost cells is judged against the row its own text gives intact (#21): a changed API
/// (type fallen back or changed, required flag lost, field lost) is a warning visible in a build,
/// a row that lost only prose stays a note.
/// </summary>
public sealed class BrokenRowTests
{
    private const string IntactRow = "| result | string | 是 | 背调结果 <br> **示例**: 无差异  |";

    [Fact]
    public void A_row_whose_type_and_required_flag_ran_into_one_cell_is_a_warning_naming_both_changes()
    {
        var result = Read(IntactRow, "| result | string 是 背调结果 |");

        var warning = Assert.Single(result.Diagnostics, d => d.Id == "FSG0026");
        Assert.Equal(DiagnosticSeverity.Warning, warning.Descriptor.DefaultSeverity);
        Assert.Equal(20, warning.Line);
        Assert.Contains("falls back", warning.Arguments[3]);
        Assert.Contains("the type 'string'", warning.Arguments[3]);
        Assert.Contains("optional where the row's text says '是'", warning.Arguments[3]);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "FSG0004");
    }

    [Fact]
    public void A_row_whose_description_cell_holds_its_required_flag_is_a_warning()
    {
        // The type cell is intact, the required flag slid into the description: only the flag is lost.
        var result = Read(IntactRow, "| result | string | 是 背调结果 |");

        var warning = Assert.Single(result.Diagnostics, d => d.Id == "FSG0026");
        Assert.DoesNotContain("type", warning.Arguments[3]);
        Assert.Contains("optional where the row's text says '是'", warning.Arguments[3]);
        Assert.False(result.Endpoint!.BodyFields.Single(f => f.Name == "result").Required);
    }

    [Fact]
    public void A_row_whose_type_cell_swallowed_the_flag_is_a_warning_for_type_and_flag()
    {
        var result = Read(IntactRow, "| result | string 是 |");

        var warning = Assert.Single(result.Diagnostics, d => d.Id == "FSG0026");
        Assert.Contains("falls back", warning.Arguments[3]);
        Assert.Contains("optional", warning.Arguments[3]);
    }

    [Fact]
    public void A_row_that_lost_only_its_description_stays_a_note()
    {
        var result = Read(IntactRow, "| result | string | 是 |");

        var note = Assert.Single(result.Diagnostics, d => d.Id == "FSG0004");
        Assert.Equal(DiagnosticSeverity.Info, note.Descriptor.DefaultSeverity);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "FSG0026");
        var field = result.Endpoint!.BodyFields.Single(f => f.Name == "result");
        Assert.True(field.Required);
        Assert.Equal("string", field.Type);
    }

    [Fact]
    public void A_row_left_with_only_its_name_loses_the_field_and_says_so()
    {
        var result = Read(IntactRow, "| result |");

        var warning = Assert.Single(result.Diagnostics, d => d.Id == "FSG0026");
        Assert.Equal(BrokenRows.FieldLost, warning.Arguments[3]);
        Assert.DoesNotContain(result.Endpoint!.BodyFields, f => f.Name == "result");
    }

    [Fact]
    public void An_intact_table_gets_neither()
    {
        var result = PageReader.Read("/p/specs/seed.md", Repo.ReadSeed());

        Assert.DoesNotContain(result.Diagnostics, d => d.Id is "FSG0004" or "FSG0026");
    }

    private static Generator.Model.PageReadResult Read(string intact, string broken)
    {
        var seed = Repo.ReadSeed();
        Assert.Contains(intact, seed);
        return PageReader.Read("/p/specs/page.md", seed.Replace(intact, broken));
    }
}
