using System.Collections.Generic;
using System.Linq;

namespace FeishuGen.Generator.Naming;

/// <summary>
/// The one rule for the names of generated files: the namespace below the root, then the type
/// (<c>Hire.V1.UpdateResultEcoBackgroundCheckRequest.g.cs</c>); compared without case (WebApp and
/// Webapp are two C# types but one file name), plain ASCII, numbered when two collide.
/// </summary>
internal static class HintNames
{
    public static string For(string rootNamespace, string ns, string name)
    {
        var relative = ns.Length > rootNamespace.Length ? ns.Substring(rootNamespace.Length + 1) + "." : string.Empty;
        return relative + name + ".g.cs";
    }

    /// <summary>The hint names made unique, in order: a later name that collides gets a number.</summary>
    public static List<T> Unique<T>(IEnumerable<T> files, System.Func<T, string> hintOf, System.Func<T, string, T> withHint)
    {
        var taken = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
        var result = new List<T>();
        foreach (var file in files)
        {
            var hintName = hintOf(file);
            var stem = Sanitize(hintName.Substring(0, hintName.Length - ".g.cs".Length));
            var hint = stem + ".g.cs";
            for (var i = 2; !taken.Add(hint); i++)
            {
                hint = stem + "_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".g.cs";
            }

            result.Add(withHint(file, hint));
        }

        return result;
    }

    private static string Sanitize(string name)
        => new(name.Select(c => c < 128 && (char.IsLetterOrDigit(c) || c == '.' || c == '_' || c == '-') ? c : '_').ToArray());
}
