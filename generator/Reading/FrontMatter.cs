using System;
using System.Collections.Generic;

namespace FeishuGen.Generator.Reading;

/// <summary>
/// The YAML front matter a crawler or portal puts above a page (between <c>---</c> lines): its
/// top-level <c>key: value</c> scalars, quotes removed. Lists and nested maps (a breadcrumb) are
/// skipped. The forms name the same facts differently: <c>fullPath</c>/<c>updateTime</c> (the
/// docs portal's mirror), <c>full_path</c>/<c>source_url</c>/<c>updated_at</c> (the Lark portal),
/// <c>source_url</c> (other crawlers).
/// </summary>
internal sealed class FrontMatter
{
    private readonly Dictionary<string, string> _values;

    private FrontMatter(Dictionary<string, string> values) => _values = values;

    public static readonly FrontMatter None = new(new Dictionary<string, string>());

    /// <summary>The scalar under <paramref name="key"/>, or null.</summary>
    public string? this[string key] => _values.TryGetValue(key, out var value) ? value : null;

    /// <summary>Every scalar, in no particular order.</summary>
    public IEnumerable<KeyValuePair<string, string>> Values => _values;

    /// <summary>The page's path on the docs portal: <c>fullPath</c> or <c>full_path</c>.</summary>
    public string? FullPath => this["fullPath"] ?? this["full_path"];

    public static FrontMatter Read(string text)
    {
        var start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        if (string.CompareOrdinal(text, start, "---", 0, 3) != 0)
        {
            return None;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var at = text.IndexOf('\n', start);
        while (at >= 0 && at + 1 < text.Length)
        {
            var next = text.IndexOf('\n', at + 1);
            var line = (next < 0 ? text.Substring(at + 1) : text.Substring(at + 1, next - at - 1)).TrimEnd('\r');
            if (line.Trim() == "---")
            {
                return new FrontMatter(values);
            }

            var colon = line.IndexOf(':');
            if (colon > 0 && !char.IsWhiteSpace(line[0]) && line[0] != '-' && line[0] != '#')
            {
                var value = Unquote(line.Substring(colon + 1).Trim());
                if (value.Length > 0)
                {
                    values[line.Substring(0, colon).Trim()] = value;
                }
            }

            at = next;
        }

        // No closing line: not front matter, but a page that begins with a rule.
        return None;
    }

    private static string Unquote(string value)
        => value.Length >= 2 && (value[0] == '"' && value[value.Length - 1] == '"' || value[0] == '\'' && value[value.Length - 1] == '\'')
            ? value.Substring(1, value.Length - 2).Replace("\\\"", "\"")
            : value;
}
