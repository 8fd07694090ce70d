using System.IO;
using System.Linq;
using FeishuGen.Tests.Support;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace FeishuGen.Tests.Emitting;

/// <summary>
/// The emitters only print: no file under generator/Emitting reaches into the stages that decide
/// (Naming, Shaping's resolvers, Planning's plans, Reading) or keeps a set of names taken, so every
/// name and decision stays in the shaped model and the plan.
/// </summary>
public sealed class EmitterArchitectureTests
{
    // The deciders: names, types, paging, plans, and the reader.
    private static readonly string[] Deciders =
    {
        "Identifiers", "Words", "MemberNames", "NameClaims", "EndpointNames", "EventNames", "HintNames", "PageNames", "UrlNames",
        "TypeResolver", "TypeRegistry", "PendingTypes", "Paging", "ApiShaper", "EventShaper", "PageTypes", "ApiPlan", "EventPlan", "PageReader",
    };

    public static TheoryData<string> Emitters()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo.Root, "generator", "Emitting"), "*.cs").OrderBy(f => f, System.StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Emitters))]
    public void An_emitter_calls_no_stage_that_decides(string file)
    {
        var root = CSharpSyntaxTree.ParseText(File.ReadAllText(Path.Combine(Repo.Root, "generator", "Emitting", file))).GetCompilationUnitRoot();

        var usings = root.Usings.Select(u => u.Name!.ToString()).Where(n => n is "FeishuGen.Generator.Naming" or "FeishuGen.Generator.Reading").ToList();
        var calls = root.DescendantNodes().OfType<IdentifierNameSyntax>().Select(i => i.Identifier.Text).Where(Deciders.Contains).Distinct().ToList();
        var takenSets = root.DescendantNodes().OfType<ObjectCreationExpressionSyntax>().Where(o => o.Type.ToString().StartsWith("HashSet", System.StringComparison.Ordinal)).Select(o => o.ToString()).ToList();

        Assert.True(usings.Count == 0, file + " uses " + string.Join(", ", usings));
        Assert.True(calls.Count == 0, file + " calls " + string.Join(", ", calls) + ": a name or a decision belongs in the shaper or the plan");
        Assert.True(takenSets.Count == 0, file + " keeps names taken (" + string.Join(", ", takenSets) + "): uniqueness is decided before printing");
    }

    [Fact]
    public void The_check_sees_every_emitter()
        => Assert.True(Directory.EnumerateFiles(Path.Combine(Repo.Root, "generator", "Emitting"), "*.cs").Count() >= 12, "too few emitters found under generator/Emitting");
}
