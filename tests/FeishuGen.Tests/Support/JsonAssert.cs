using FeishuGen.Testing;
using Xunit.Sdk;

namespace FeishuGen.Tests.Support;

/// <summary>Semantic JSON assertions over <see cref="JsonSemantics"/>.</summary>
internal static class JsonAssert
{
    public static void Equivalent(string expected, string actual)
    {
        var difference = JsonSemantics.Difference(JsonSemantics.Parse(expected), JsonSemantics.Parse(actual));
        if (difference is not null)
        {
            throw new XunitException($"JSON differs at {difference}\nexpected: {expected}\nactual:   {actual}");
        }
    }
}
