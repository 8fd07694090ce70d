using System.Collections.Generic;
using System.Linq;
using FeishuGen.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace FeishuGen.Tests.Driver;

/// <summary>
/// The pages' examples are for the local server only: they are compiled into the catalogue when the
/// project references FeishuGen.Testing, and left out otherwise, unless FeishuGenExamples says.
/// </summary>
public sealed class ExampleEmbeddingTests
{
    [Theory]
    [InlineData(true, null, true)]
    [InlineData(false, null, false)]
    [InlineData(false, "true", true)]
    [InlineData(true, "false", false)]
    public void Examples_follow_the_test_server_reference_unless_the_property_decides(bool referencesTestServer, string? property, bool expected)
    {
        var compilation = GeneratorHarness.Compilation();
        var testing = compilation.References.Where(r => r.Display?.EndsWith("FeishuGen.Testing.dll", System.StringComparison.Ordinal) == true).ToList();
        Assert.NotEmpty(testing);
        if (!referencesTestServer)
        {
            compilation = compilation.RemoveReferences(testing);
        }

        var properties = property is null ? null : new Dictionary<string, string> { ["FeishuGenExamples"] = property };
        GeneratorHarness.Driver(new[] { GeneratorHarness.Page("/p/specs/seed.md", Repo.ReadSeed()) }, properties)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);

        Assert.Empty(diagnostics);
        var catalogue = output.SyntaxTrees.Single(t => t.FilePath.EndsWith("EcoBackgroundCheckApiEndpoints.g.cs", System.StringComparison.Ordinal)).ToString();
        Assert.Equal(expected, catalogue.Contains("ResponseExample = ", System.StringComparison.Ordinal));
        Assert.Equal(expected, catalogue.Contains("RequestExample = ", System.StringComparison.Ordinal));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }
}
