using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using FeishuGen.Generator.Model;

namespace FeishuGen.Generator.Naming;

/// <summary>
/// The official SDK names that a page's code samples call: the Python sample first
/// (<c>client.hire.v1.eco_background_check.update_result(</c>), then Go
/// (<c>client.Hire.V1.EcoBackgroundCheck.UpdateResult(</c>, back to snake_case).
/// </summary>
internal static class SampleNames
{
    private static readonly Regex PythonCall = new(@"client\.([a-z0-9_]+)\.(v\d+)\.([a-z0-9_.]+)\.([a-z0-9_]+)\(", RegexOptions.Compiled);
    private static readonly Regex GoCall = new(@"client\.([A-Z]\w*)\.(V\d+)\.([A-Z]\w*)\.([A-Z]\w*)\(", RegexOptions.Compiled);

    /// <summary>The names the samples call, or null.</summary>
    /// <param name="fences">Each code block's info string and content.</param>
    public static SdkNaming? From(IReadOnlyList<(string Info, string Content)> fences)
    {
        foreach (var (info, content) in fences)
        {
            if (info.StartsWith("python", System.StringComparison.OrdinalIgnoreCase) && PythonCall.Match(content) is { Success: true } match)
            {
                return new SdkNaming(match.Groups[1].Value, match.Groups[2].Value, match.Groups[3].Value.Replace('.', '_'), match.Groups[4].Value, NameSource.PythonSample);
            }
        }

        foreach (var (info, content) in fences)
        {
            if (info.StartsWith("go", System.StringComparison.OrdinalIgnoreCase) && GoCall.Match(content) is { Success: true } match)
            {
                return new SdkNaming(
                    Snake(match.Groups[1].Value), match.Groups[2].Value.ToLowerInvariant(),
                    Snake(match.Groups[3].Value), Snake(match.Groups[4].Value), NameSource.GoSample);
            }
        }

        return null;
    }

    /// <summary>Go's PascalCase back to the Python SDK's snake_case.</summary>
    public static string Snake(string pascal)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c))
            {
                var previousLower = i > 0 && (char.IsLower(pascal[i - 1]) || char.IsDigit(pascal[i - 1]));
                var nextLower = i + 1 < pascal.Length && char.IsLower(pascal[i + 1]) && i > 0 && char.IsUpper(pascal[i - 1]);
                if (previousLower || nextLower)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
