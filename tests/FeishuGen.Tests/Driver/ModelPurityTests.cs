using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using FeishuGen.Generator.Reading;
using FeishuGen.Tests.Support;
using Xunit;

namespace FeishuGen.Tests.Driver;

/// <summary>
/// The pipeline's values must compare by value and hold no compiler or Markdig object: one such
/// object would make every step look changed, or pin a whole compilation in memory.
/// </summary>
public sealed class ModelPurityTests
{
    [Fact]
    public void The_page_result_holds_only_plain_values()
    {
        var result = PageReader.Read("/p/specs/seed.md", Repo.ReadSeed());
        var offenders = new List<string>();
        Walk(result, "result", offenders, new HashSet<object>(ReferenceEqualityComparer.Instance));
        Assert.Empty(offenders);
    }

    [Fact]
    public void Reading_the_same_text_twice_gives_equal_results()
    {
        var text = Repo.ReadSeed();
        Assert.Equal(PageReader.Read("/p/specs/seed.md", text), PageReader.Read("/p/specs/seed.md", text));
    }

    private static void Walk(object? value, string path, List<string> offenders, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        // A diagnostic holds its descriptor: a static, immutable catalogue entry, compared by value, that pins nothing.
        if (value is Microsoft.CodeAnalysis.DiagnosticDescriptor)
        {
            return;
        }

        var ns = value.GetType().Namespace ?? string.Empty;
        if (ns.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) || ns.StartsWith("Markdig", StringComparison.Ordinal))
        {
            offenders.Add(path + ": " + value.GetType().FullName);
            return;
        }

        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items)
            {
                Walk(item, path + "[" + i++ + "]", offenders, seen);
            }

            return;
        }

        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            Walk(property.GetValue(value), path + "." + property.Name, offenders, seen);
        }
    }
}
