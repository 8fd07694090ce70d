using System.Collections.Generic;
using System.IO;
using System.Linq;
using FeishuGen.Generator.Model;
using FeishuGen.Generator.Reading;
using FeishuGen.Generator.Shaping;
using FeishuGen.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace FeishuGen.Tests.Reading;

/// <summary>
/// Walks every type cell of every page in ../shared (all three forms) as the generator reads it
/// and shapes it: a cell whose field ends up a string (or a bare JSON value) while the page meant
/// something else must have FSG0030 at that page, so nothing falls back unreported.
/// </summary>
public sealed class TypeCellWalkTests
{
    private readonly ITestOutputHelper _output;

    public TypeCellWalkTests(ITestOutputHelper output) => _output = output;

    [Theory]
    [InlineData("feishu-docs")]
    [InlineData("feishu-docs-portal")]
    [InlineData("feishu-docs-markdown")]
    public void No_type_cell_falls_back_unreported(string form)
    {
        var folder = Path.GetFullPath(Path.Combine(Repo.Root, "..", "shared", form));
        Assert.True(Directory.Exists(folder), "This test walks the pages of ../shared, which must lie beside the repository: " + folder);
        var resolver = new TypeResolver(new PendingTypes(), "Walk", "Walk");
        var kinds = new Dictionary<PageTypeKind, int>();
        var unreported = new List<string>();
        int cells = 0, reported = 0;
        foreach (var path in Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories))
        {
            var result = PageReader.Read(path, File.ReadAllText(path));
            var flagged = result.Diagnostics.Where(d => d.Id == "FSG0030").Select(d => d.Arguments[0]).ToHashSet();
            foreach (var (field, onUrl) in Cells(result))
            {
                cells++;
                var type = PageTypes.Parse(field.Type);
                kinds[type.Kind] = kinds.GetValueOrDefault(type.Kind) + 1;
                if (!FallsBack(type, field, onUrl, resolver))
                {
                    continue;
                }

                if (flagged.Contains(field.Name))
                {
                    reported++;
                }
                else
                {
                    unreported.Add($"{Path.GetRelativePath(folder, path)}: {field.Name} '{field.Type}'");
                }
            }
        }

        _output.WriteLine($"{form}: {cells} type cells; {reported} fall back with FSG0030, {unreported.Count} unreported");
        _output.WriteLine("  by kind: " + string.Join(", ", kinds.OrderByDescending(k => k.Value).Select(k => $"{k.Key} {k.Value}")));
        Assert.True(cells > 1000, "too few type cells read: " + cells);
        Assert.True(unreported.Count == 0, "type cells that fall back without FSG0030:\n" + string.Join("\n", unreported.Take(40)));
    }

    // A string (or list of strings) the page did not ask for, or a JSON value for a cell that names no type.
    private static bool FallsBack(PageType type, Cell field, bool onUrl, TypeResolver resolver)
    {
        var generated = onUrl ? TypeResolver.UrlParameter(field.Type) : resolver.Declared(field.Type, field.Shape, null, field.Name);
        var asked = type.Kind == PageTypeKind.String || (type.IsArray && type.Item!.Kind is PageTypeKind.String or PageTypeKind.Undefined);
        var isString = generated.Kind == TypeKind.String || (generated.Kind == TypeKind.List && generated.Item!.Kind == TypeKind.String);
        return (isString && !asked) || (generated.Kind == TypeKind.Node && type.Kind is PageTypeKind.Unknown or PageTypeKind.Empty);
    }

    private sealed record Cell(string Name, string Type, TypeDefinition? Shape);

    private static IEnumerable<(Cell Cell, bool OnUrl)> Cells(PageReadResult result)
    {
        var url = result.Endpoint is { } e ? e.PathParameters.Concat(e.QueryParameters) : Enumerable.Empty<FieldModel>();
        var json = result.Endpoint is { } endpoint ? endpoint.BodyFields.Concat(endpoint.ResponseFields) : result.Event?.BodyFields ?? Enumerable.Empty<FieldModel>();
        foreach (var field in url)
        {
            yield return (new Cell(field.Name, field.Type, field.Shape), true);
        }

        foreach (var field in json)
        {
            yield return (new Cell(field.Name, field.Type, field.Shape), false);
            foreach (var nested in Nested(field.Shape))
            {
                yield return (nested, false);
            }
        }
    }

    private static IEnumerable<Cell> Nested(TypeDefinition? definition)
    {
        if (definition is null)
        {
            yield break;
        }

        foreach (var property in definition.Properties)
        {
            yield return new Cell(property.Name, property.Type, property.Child);
            foreach (var nested in Nested(property.Child))
            {
                yield return nested;
            }
        }
    }
}
