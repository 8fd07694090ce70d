namespace FeishuGen.Generator.Planning;

/// <summary>A page's path as the catalogues print it: relative to the project, with forward slashes.</summary>
internal static class SpecPaths
{
    public static string Relative(string path, string? projectDirectory)
    {
        var normalized = path.Replace('\\', '/');
        if (string.IsNullOrEmpty(projectDirectory))
        {
            return normalized;
        }

        var root = projectDirectory!.Replace('\\', '/').TrimEnd('/') + "/";
        return normalized.StartsWith(root, System.StringComparison.Ordinal) ? normalized.Substring(root.Length) : normalized;
    }
}
