using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using FeishuGen.Generator;
using FeishuGen.Generator.Reading;
using FeishuGen.Generator.Shaping;

namespace FeishuGen.Corpus;

/// <summary>
/// Figures of what the shaper decided over a folder (issue #21): the nested request members made
/// required from their 必填, and the integer constants named from their labels against those left
/// with the numeric fallback (<c>Value1</c>).
/// </summary>
internal static class ShapeFigures
{
    private static readonly Regex Fallback = new(@"^Value(Minus)?\d+$", RegexOptions.Compiled);

    public static string Describe(IEnumerable<(string Path, string Text)> pages)
    {
        var models = pages.Select(p => PageReader.Read(p.Path, p.Text).Endpoint).Where(m => m is not null).Select(m => m!).ToList();
        var types = Generation.ShapeApi(models, GeneratorOptions.Default).Types;
        var nestedRequired = types.Where(t => t.Role == TypeRole.Nested).SelectMany(t => t.Properties).Count(p => p.IsRequiredMember);
        var integers = types.SelectMany(t => t.Properties).Select(p => p.Constants).Where(c => c?.Type == "long").SelectMany(c => c!.Values).ToList();
        var fallback = integers.Count(v => Fallback.IsMatch(v.Name));
        return $"Shaping: {nestedRequired} nested request members required; integer constants: {integers.Count - fallback} named from labels, {fallback} numeric fallbacks";
    }
}
