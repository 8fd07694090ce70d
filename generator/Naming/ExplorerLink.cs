using System.Text.RegularExpressions;
using FeishuGen.Generator.Model;

namespace FeishuGen.Generator.Naming;

/// <summary>
/// The docs portal's 尝试一下 link to the API explorer, which names the official SDK call exactly:
/// <c>api_explore_config?project=hire&amp;version=v1&amp;resource=eco_exam&amp;method=update_result</c>
/// (a dotted resource such as <c>app.table</c> is <c>app_table</c>).
/// </summary>
internal static class ExplorerLink
{
    private static readonly Regex Explore = new(@"api_explore_config\?([^)\s""]+)", RegexOptions.Compiled);
    private static readonly Regex Identifier = new(@"^[a-z][A-Za-z0-9_]*$", RegexOptions.Compiled);
    private static readonly Regex Version = new(@"^v\d+$", RegexOptions.Compiled);

    public static SdkNaming? From(string text)
    {
        var match = Explore.Match(text);
        if (!match.Success)
        {
            return null;
        }

        string? project = null, version = null, resource = null, method = null;
        foreach (var pair in match.Groups[1].Value.Replace("&amp;", "&").Split('&'))
        {
            var equals = pair.IndexOf('=');
            var value = equals < 0 ? string.Empty : System.Uri.UnescapeDataString(pair.Substring(equals + 1));
            switch (equals < 0 ? pair : pair.Substring(0, equals))
            {
                case "project": project = value; break;
                case "version": version = value; break;
                case "resource": resource = value.Replace('.', '_'); break;
                case "method": method = value; break;
            }
        }

        return project is not null && version is not null && resource is not null && method is not null
            && Identifier.IsMatch(project) && Version.IsMatch(version) && Identifier.IsMatch(resource) && Identifier.IsMatch(method)
            ? new SdkNaming(project, version, resource, method, NameSource.ApiExplorer)
            : null;
    }
}
